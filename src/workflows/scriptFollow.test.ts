import { afterEach, beforeEach, expect, test } from 'vitest';
import { runOk } from '../../tests/helpers/commands';
import { openDb, type FramelineDb } from '../store/db';
import { ProjectRepository } from '../store/projects';
import { ProjectSession } from '../store/projectSession';
import { FOLLOW_PAUSE_MS, followScriptLive } from './scriptFollow';

let db: FramelineDb;
let session: ProjectSession;
let stop: () => void;

/** A clock of our own: the store's IndexedDB fake needs the real timers. */
let now = 0;
let pending: { at: number; run: () => void; id: number }[] = [];
let nextId = 0;
const timers = {
  set: (run: () => void, ms: number) => {
    pending.push({ at: now + ms, run, id: ++nextId });
    return nextId;
  },
  clear: (id: unknown) => {
    pending = pending.filter((p) => p.id !== id);
  },
};
function advance(ms: number) {
  now += ms;
  const due = pending.filter((p) => p.at <= now);
  pending = pending.filter((p) => p.at > now);
  for (const p of due) p.run();
}

beforeEach(async () => {
  db = openDb(`script-follow-${Math.random()}`);
  const repo = new ProjectRepository(db);
  session = await ProjectSession.open(repo, await repo.create({ title: 'Follow' }));
  runOk(session, 'script/seed', { text: '' });
  stop = followScriptLive(session, timers);
});

afterEach(async () => {
  stop();
  await session.close();
  db.close();
});

const type = (insert: string) => {
  const at = session.scriptText()?.length ?? 0;
  runOk(session, 'script/edit', { changes: [{ from: at, to: at, insert }] });
};

test('boards follow after a pause in typing, not on every keystroke', () => {
  type('INT. BARN - DAY\n\n');
  advance(FOLLOW_PAUSE_MS - 50);
  type('Hay falls.\n');
  advance(FOLLOW_PAUSE_MS - 50);
  expect(session.getState().snapshot.scenes).toHaveLength(0);
  advance(100);
  expect(session.getState().snapshot.scenes.map((s) => s.heading)).toEqual(['INT. BARN - DAY']);
});

test('with "Update boards" chosen, typing waits for the button', () => {
  runOk(session, 'script/setFollow', { mode: 'button' });
  type('INT. BARN - DAY\n\nHay falls.\n');
  advance(FOLLOW_PAUSE_MS * 4);
  expect(session.getState().snapshot.scenes).toHaveLength(0);
  expect(session.getScriptState().behind).toBe(true);
  runOk(session, 'script/followBoards', { by: 'button' });
  expect(session.getState().snapshot.scenes).toHaveLength(1);
  expect(session.getScriptState().behind).toBe(false);
});
