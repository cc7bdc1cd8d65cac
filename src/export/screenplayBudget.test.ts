import { describe, expect, test } from 'vitest';
import { buildFeatureLengthScript } from '../../tests/bench/parseCorpus';
import { readScreenplay } from '../../tests/helpers/fixtures';
import { breakdownScript } from '../plan';
import { parseScript } from '../script';
import { SCREENPLAY_BUDGET, timeBudgetMessage, type ScreenplayBudget } from './screenplayBudget';
import { screenplayToSnapshot } from './screenplayImport';

const roomy: ScreenplayBudget = {
  maxElements: 1_000_000,
  maxScenes: 1_000_000,
  maxShots: 1_000_000,
  maxCharacters: 1_000_000,
  timeMs: 60_000,
};

function refusal(text: string, fileName: string, budget?: ScreenplayBudget): string {
  const result = screenplayToSnapshot(text, fileName, budget);
  if (result.ok) throw new Error(`accepted: ${result.snapshot.shots.length} shots`);
  return result.error;
}

describe('the screenplay budget', () => {
  test('a feature-length script fits the default budget', () => {
    const result = screenplayToSnapshot(buildFeatureLengthScript(), 'feature.fountain');
    if (!result.ok) throw new Error(result.error);
    expect(result.snapshot.shots.length).toBeGreaterThan(1_000);
    expect(result.snapshot.shots.length).toBeLessThanOrEqual(SCREENPLAY_BUDGET.maxShots);
  });

  test('a 1 MB script is refused with how many shots it would make and the limit', () => {
    const text = buildFeatureLengthScript(1024 * 1024);
    const shots = breakdownScript(parseScript(text)).shots.length;
    const error = refusal(text, 'series.fountain');
    expect(error).toContain(
      `“series.fountain” would make ${shots.toLocaleString('en-US')} shots in `,
    );
    expect(error).toContain(
      `Frameline handles up to ${SCREENPLAY_BUDGET.maxShots.toLocaleString('en-US')} shots per project`,
    );
    expect(error).toMatch(/Split it into parts/);
  });

  test('the refusal names a scene to split before, and the part before it fits', () => {
    const text = readScreenplay('the_last_birthday_card.fountain');
    const script = parseScript(text);
    const { scenes, shots } = breakdownScript(script);
    const budget = { ...roomy, maxShots: Math.floor(shots.length / 2) };
    const error = refusal(text, 'card.fountain', budget);
    const match = /before scene (\S+) “([^”]+)” \(line ([\d,]+)\)/.exec(error);
    if (!match) throw new Error(`no split point in: ${error}`);
    const [, number, heading, line] = match;
    const headingElement = script.elements.find(
      (element) => element.type === 'scene_heading' && element.line === Number(line),
    );
    expect(headingElement?.text).toBe(heading);
    const splitScene = scenes.findIndex((scene) => scene.number === number);
    const sceneIdsBefore = new Set(scenes.slice(0, splitScene).map((scene) => scene.id));
    const shotsBefore = shots.filter((shot) => sceneIdsBefore.has(shot.sceneId)).length;
    expect(shotsBefore).toBeGreaterThan(0);
    expect(shotsBefore).toBeLessThanOrEqual(budget.maxShots);
    // And the scene it names is where the limit is crossed: with it, the part would not fit.
    const withIt = shots.filter(
      (shot) => sceneIdsBefore.has(shot.sceneId) || shot.sceneId === scenes[splitScene]?.id,
    ).length;
    expect(withIt).toBeGreaterThan(budget.maxShots);
  });

  test('too many scenes is refused with the count and the limit', () => {
    const text = readScreenplay('brick_and_steel.fountain');
    const error = refusal(text, 'brick.fountain', { ...roomy, maxScenes: 3 });
    expect(error).toMatch(
      /^“brick\.fountain” has 8 scenes; Frameline handles up to 3 scenes per project\. .* before scene 4 “/,
    );
  });

  test('too many paragraphs is refused before planning, with the line where the limit falls', () => {
    const text = readScreenplay('brick_and_steel.fountain');
    const { elements } = parseScript(text);
    const error = refusal(text, 'brick.fountain', { ...roomy, maxElements: 20 });
    expect(error).toBe(
      `“brick.fountain” has ${elements.length} paragraphs of script (it reaches 20 at line ` +
        `${elements[19]!.line}); Frameline reads up to 20 per project. Split it into parts and ` +
        `import each as its own project.`,
    );
  });

  test('too many speaking characters is refused, naming the first past the limit', () => {
    const text = readScreenplay('brick_and_steel.fountain');
    const error = refusal(text, '', { ...roomy, maxCharacters: 2 });
    expect(error).toMatch(
      /^The pasted text has 7 speaking characters; Frameline handles up to 2 per project \(\S.* is the first past the limit\)\./,
    );
  });

  test('the time budget says how long and what to do', () => {
    expect(timeBudgetMessage('big.pdf')).toBe(
      'Reading “big.pdf” took longer than 60 s, so Frameline stopped. Split the script into parts, ' +
        'or save it from your screenplay app as Fountain or Final Draft (FDX) and import that.',
    );
    expect(timeBudgetMessage('')).toMatch(/^Reading the pasted text took longer than 60 s/);
  });
});
