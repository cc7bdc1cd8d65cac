import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { AssetHash } from '../../model/ids';
import type { Shot } from '../../model/shot';
import { runOk } from '../../../tests/helpers/commands';
import { openDb, type FramelineDb } from '../db';
import { ProjectRepository } from '../projects';
import { ProjectSession } from '../projectSession';

/**
 * The script and the boards as one live document (issue 17): typing a scene gives boards,
 * editing a board's words changes the script, each undoes, and drawn frames are never lost.
 */

const SCENE = [
  'INT. LIGHTHOUSE - NIGHT',
  '',
  'Waves hammer the glass. MARA climbs the last steps.',
  '',
  'MARA',
  'Is anyone up here?',
  '',
  'A lamp swings. Nobody.',
  '',
].join('\n');

let db: FramelineDb;
let session: ProjectSession;
let n = 0;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  db = openDb(`script-commands-${++n}`);
  const repo = new ProjectRepository(db);
  session = await ProjectSession.open(repo, await repo.create({ title: 'Lighthouse' }));
  // What the Script tab does first: the app's own change, never undone.
  runOk(session, 'script/seed', { text: '' });
});

afterEach(async () => {
  vi.useRealTimers();
  await session.close();
  db.close();
});

const snapshot = () => session.getState().snapshot;
const shots = () => snapshot().shots;
const text = () => session.scriptText();
/** Past the typing merge window: the next command is a step of its own. */
const pause = () => {
  vi.advanceTimersByTime(10_000);
  session.undoManager.stopCapturing();
};

function typeScene(at = 0, scene = SCENE) {
  runOk(session, 'script/edit', { changes: [{ from: at, to: at, insert: scene }] });
  runOk(session, 'script/followBoards', { by: 'live' });
}

function shotSaying(line: string): Shot {
  const shot = shots().find((s) => s.dialogue.some((d) => d.line === line));
  if (!shot) throw new Error(`No shot says "${line}"`);
  return shot;
}

describe('boards follow the script', () => {
  test('typing a scene gives its scene and shots', () => {
    expect(shots()).toHaveLength(0);
    typeScene();
    expect(snapshot().scenes.map((s) => s.heading)).toEqual(['INT. LIGHTHOUSE - NIGHT']);
    expect(shots().map((s) => s.action)).toEqual([
      'Waves hammer the glass. MARA climbs the last steps.',
      '',
      'A lamp swings. Nobody.',
    ]);
    expect(shotSaying('Is anyone up here?').dialogue[0]?.speaker).toBe('MARA');
    expect(snapshot().characters.map((c) => c.name)).toEqual(['MARA']);
    expect(session.getScriptState()).toMatchObject({ seeded: true, behind: false });
  });

  test('a beat rewritten beyond recognition keeps its board (the anchor ties them)', () => {
    typeScene();
    const before = shots().find((s) => s.action.startsWith('A lamp'))!;
    const from = text()!.indexOf('A lamp swings. Nobody.');
    runOk(session, 'script/edit', {
      changes: [{ from, to: from + 'A lamp swings. Nobody.'.length, insert: 'Fog rolls in.' }],
    });
    runOk(session, 'script/followBoards', { by: 'live' });
    const after = shots().find((s) => s.action === 'Fog rolls in.');
    expect(after?.id).toBe(before.id);
    expect(after?.number).toBe(before.number);
  });

  test('undoing the typing and following again takes the boards away', () => {
    typeScene();
    expect(shots()).toHaveLength(3);
    session.undo();
    expect(text()).toBe('');
    runOk(session, 'script/followBoards', { by: 'live' });
    expect(shots()).toHaveLength(0);
    expect(snapshot().scenes).toHaveLength(0);
  });

  test('a removed beat whose frame someone drew stays, OMITTED; one with a sketch goes', () => {
    typeScene();
    pause();
    const drawn = shotSaying('Is anyone up here?');
    const sketched = shots().find((s) => s.action.startsWith('A lamp'))!;
    runOk(session, 'frame/set', {
      shotId: drawn.id,
      frame: { hash: 'b'.repeat(64) as AssetHash, source: 'drawn', signature: '' },
    });
    const cut = (words: string) => {
      const from = text()!.indexOf(words);
      runOk(session, 'script/edit', { changes: [{ from, to: from + words.length, insert: '' }] });
    };
    cut('MARA\nIs anyone up here?\n\n');
    cut('A lamp swings. Nobody.\n');
    runOk(session, 'script/followBoards', { by: 'live' });
    const kept = shots().find((s) => s.id === drawn.id);
    expect(kept?.omitted).toBe(true);
    expect(kept?.frameHash).toBe('b'.repeat(64));
    expect(shots().some((s) => s.id === sketched.id)).toBe(false);
  });

  test('"Update boards" is one step of its own', () => {
    runOk(session, 'script/edit', { changes: [{ from: 0, to: 0, insert: SCENE }] });
    pause();
    runOk(session, 'script/followBoards', { by: 'button' });
    expect(shots()).toHaveLength(3);
    session.undo();
    expect(shots()).toHaveLength(0);
    expect(text()).toBe(SCENE);
  });
});

describe('the script follows the boards', () => {
  test("changing a line of dialogue in the inspector changes the script's line; undo both", () => {
    typeScene();
    pause();
    const shot = shotSaying('Is anyone up here?');
    runOk(session, 'shot/update', {
      shotId: shot.id,
      patch: { dialogue: [{ ...shot.dialogue[0]!, line: 'Hello? Anyone?' }] },
    });
    expect(text()).toContain('MARA\nHello? Anyone?\n');
    expect(text()).not.toContain('Is anyone up here?');
    // Following the changed script leaves the board as the inspector made it.
    runOk(session, 'script/followBoards', { by: 'live' });
    expect(shots().find((s) => s.id === shot.id)?.dialogue[0]?.line).toBe('Hello? Anyone?');

    session.undo();
    expect(text()).toBe(SCENE);
    expect(shots().find((s) => s.id === shot.id)?.dialogue[0]?.line).toBe('Is anyone up here?');
    session.undo();
    expect(text()).toBe('');
  });

  test("an action edited in the inspector replaces that beat's paragraph only", () => {
    typeScene();
    typeScene(SCENE.length, SCENE.replace('LIGHTHOUSE', 'LIGHTHOUSE STAIRS'));
    pause();
    const second = shots().filter((s) => s.action.startsWith('A lamp'))[1]!;
    runOk(session, 'shot/update', { shotId: second.id, patch: { action: 'The lamp goes dark.' } });
    expect(text()!.match(/A lamp swings\. Nobody\./g)).toHaveLength(1);
    expect(text()!.endsWith('The lamp goes dark.\n')).toBe(true);
  });

  test('seeding an older project ties its boards without changing them', async () => {
    await session.close();
    const repo = new ProjectRepository(db);
    session = await ProjectSession.open(repo, await repo.create({ title: 'Pier' }));
    runOk(session, 'scene/addWithShot', { heading: 'EXT. PIER - DAY' });
    const shot = shots()[0]!;
    runOk(session, 'shot/update', { shotId: shot.id, patch: { action: 'Gulls circle.' } });
    const boards = snapshot();
    expect(runOk(session, 'script/seed', { text: 'EXT. PIER - DAY\n\nGulls circle.\n' })).toBe(
      true,
    );
    expect(snapshot()).toBe(boards);
    runOk(session, 'shot/update', { shotId: shot.id, patch: { action: 'Gulls dive.' } });
    expect(text()).toBe('EXT. PIER - DAY\n\nGulls dive.\n');
    expect(runOk(session, 'script/seed', { text: 'other' })).toBe(false);
  });
});
