import { expect, test } from 'vitest';
import { readScreenplay } from '../../tests/helpers/fixtures';
import { createProjectMeta } from '../model/project';
import { parseScript, toFdx, toFountain } from '../script';
import { breakdownScript } from './breakdown';
import { scriptFromProject } from './scriptFromProject';

test('the script told by the boards has every heading, action beat and speech of the original', () => {
  const original = parseScript(readScreenplay('brick_and_steel.fountain'));
  const snapshot = { meta: createProjectMeta('Brick & Steel'), ...breakdownScript(original) };
  const script = scriptFromProject(snapshot);
  const count = (doc: typeof script, type: string) =>
    doc.elements.filter((e) => e.type === type).length;
  expect(count(script, 'scene_heading')).toBe(count(original, 'scene_heading'));
  // A speech broken by a parenthetical becomes two lines of one speaker, so compare the words.
  const spoken = (doc: typeof script) =>
    doc.elements
      .filter((e) => e.type === 'dialogue')
      .map((e) => e.text)
      .join(' ')
      .split(/\s+/);
  expect(spoken(script)).toEqual(spoken(original));
  expect(script.titlePage).toEqual({ title: 'Brick & Steel' });
  // Written out as Fountain by hand: headings forced with `.` so SNIPER SCOPE POV stays one.
  const fountain = script.elements
    .map((e) => (e.type === 'scene_heading' ? `.${e.text}` : e.text))
    .join('\n\n');
  const reparsed = breakdownScript(parseScript(fountain));
  expect(reparsed.scenes.map((s) => s.heading)).toEqual(snapshot.scenes.map((s) => s.heading));
});

test('page estimates per scene add up to about the whole script', async () => {
  const { pagesByScene } = await import('./scenePages');
  const { scriptStats } = await import('../script');
  const original = parseScript(readScreenplay('brick_and_steel.fountain'));
  const snapshot = { meta: createProjectMeta('B&S'), ...breakdownScript(original) };
  const perScene = [...pagesByScene(snapshot).values()];
  expect(perScene).toHaveLength(8);
  const sum = perScene.reduce((a, b) => a + b, 0);
  expect(sum).toBeGreaterThan(0);
  expect(Math.abs(sum - scriptStats(scriptFromProject(snapshot)).estimatedPages)).toBeLessThan(0.5);
});

test('a shot made from a shot line is told as that shot line again, and reads back to the same shot', () => {
  const source = 'INT. KITCHEN - DAY\n\nMary reads.\n\nCLOSE ON THE LETTER\nIt reads: "Sorry."';
  const snapshot = { meta: createProjectMeta('Letter'), ...breakdownScript(parseScript(source)) };
  const script = scriptFromProject(snapshot);
  expect(script.elements.map((e) => [e.type, e.text])).toEqual([
    ['scene_heading', 'INT. KITCHEN - DAY'],
    ['action', 'Mary reads.'],
    ['shot', 'CLOSE ON THE LETTER'],
    ['action', 'It reads: "Sorry."'],
  ]);
  const shots = (text: string) =>
    breakdownScript(parseScript(text)).shots.map((shot) => [shot.shotType, shot.action]);
  expect(shots(toFountain(script))).toEqual(snapshot.shots.map((s) => [s.shotType, s.action]));
  expect(shots(toFdx(script))).toEqual(snapshot.shots.map((s) => [s.shotType, s.action]));
});
