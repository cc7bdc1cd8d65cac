import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import * as Y from 'yjs';
import { runOk } from '../../../tests/helpers/commands';
import { SEED, seedBoard } from '../../../tests/helpers/boardSeed';
import type { CommentId } from '../../model/comment';
import type { ShotId } from '../../model/ids';
import { openDb, type FramelineDb } from '../db';
import { ProjectRepository } from '../projects';
import { ProjectSession } from '../projectSession';
import { documentOf } from '../sessionDocument';
import { REMOTE_ORIGIN } from '../projectDoc';

let db: FramelineDb;
let session: ProjectSession;
let n = 0;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  db = openDb(`structure-commands-${++n}`);
  const repo = new ProjectRepository(db);
  session = await ProjectSession.open(repo, await repo.create({ title: 'Structure' }));
  seedBoard(session);
});

afterEach(async () => {
  vi.useRealTimers();
  await session.close();
  db.close();
});

const snapshot = () => session.getState().snapshot;
const shot = (id: ShotId) => snapshot().shots.find((s) => s.id === id);
const numbers = () => snapshot().shots.map((s) => s.number);
const steps = () => session.undoManager.undoStack.length;

/** A peer holding a copy of the document, to edit at the same time as this session. */
function peer(): Y.Doc {
  const other = new Y.Doc();
  // Of two concurrent writes to one field, the higher client id wins: the peer gets the lowest,
  // so a command that rewrote fields it did not change would overwrite the peer's edit.
  other.clientID = 1;
  Y.applyUpdate(other, Y.encodeStateAsUpdate(documentOf(session)));
  return other;
}

/** Both ways, as the sync links do: the peer's edits arrive with the remote origin. */
function exchange(other: Y.Doc): void {
  const doc = documentOf(session);
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)));
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)), REMOTE_ORIGIN);
}

describe('deleting a scene', () => {
  test('takes its shots with it, and one undo brings back every shot, frame and take', () => {
    const before = snapshot();
    expect(runOk(session, 'scene/delete', { sceneId: SEED.scene1 })).toBe(3);
    expect(snapshot().scenes.map((s) => s.number)).toEqual(['2']);
    expect(numbers()).toEqual(['2', '2A']);
    expect(steps()).toBe(1);
    session.undo();
    expect(snapshot()).toEqual(before);
    expect(shot(SEED.shot1B)?.takes.map((t) => t.hash)).toEqual([SEED.generated]);
  });

  test('the comments on its shots are kept, so undo brings the threads back too', () => {
    const comment = {
      id: 'c1' as CommentId,
      threadId: 'c1' as CommentId,
      target: { kind: 'shot' as const, id: SEED.shot1A },
      body: 'Bigger rain',
      mentions: [],
      author: { name: 'Ana', color: '#336699', publicKey: '' },
      createdAt: 1,
      signature: '',
    };
    runOk(session, 'review/addComment', { comment });
    runOk(session, 'scene/delete', { sceneId: SEED.scene1 });
    expect(session.review.comments.map((c) => c.target.id)).toEqual([SEED.shot1A]);
    session.undo();
    expect(shot(SEED.shot1A)).toBeDefined();
  });

  test('a shot a collaborator moves into the scene meanwhile goes with it; others stay', () => {
    const other = peer();
    // The peer moves 2A into scene 1 (its sceneId says where it belongs).
    other.getMap<Y.Map<unknown>>('shots').get(SEED.shot2A)?.set('sceneId', SEED.scene1);
    exchange(other);
    runOk(session, 'scene/delete', { sceneId: SEED.scene1 });
    expect(numbers()).toEqual(['2']);
  });

  test('a scene that is gone is refused and nothing is written', () => {
    runOk(session, 'scene/delete', { sceneId: SEED.scene2 });
    const result = session.run('scene/delete', { sceneId: SEED.scene2 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/no longer in the project/);
    expect(steps()).toBe(1);
  });
});

describe('duplicating a shot', () => {
  test('puts a copy right after it, numbered as an insert; no other number changes', () => {
    const copy = runOk(session, 'shot/duplicate', { shotId: SEED.shot1A });
    expect(numbers()).toEqual(['1', '1A', '1A.1', '1B', '2', '2A']);
    const original = shot(SEED.shot1A);
    expect(shot(copy)).toEqual({ ...original, id: copy, number: '1A.1' });
  });

  test('the last shot of a scene continues the letter run', () => {
    runOk(session, 'shot/duplicate', { shotId: SEED.shot1B });
    expect(numbers()).toEqual(['1', '1A', '1B', '1C', '2', '2A']);
  });

  test('keeps the generated takes on the copy, and is one undo step', () => {
    const copy = runOk(session, 'shot/duplicate', { shotId: SEED.shot1B });
    expect(shot(copy)?.takes.map((t) => t.id)).toEqual(['take-1']);
    expect(steps()).toBe(1);
    session.undo();
    expect(shot(copy)).toBeUndefined();
  });
});

describe('splitting a shot at its dialogue', () => {
  test('the rest of the lines go to a new shot after it; the two add up to the original', () => {
    const second = runOk(session, 'shot/split', { shotId: SEED.shot1A, atLine: 2 });
    const first = shot(SEED.shot1A);
    const added = shot(second);
    expect(numbers()).toEqual(['1', '1A', '1A.1', '1B', '2', '2A']);
    expect(first?.dialogue.map((d) => d.speaker)).toEqual(['BRICK', 'STEEL']);
    expect(added?.dialogue.map((d) => d.speaker)).toEqual(['BRICK']);
    expect((first?.durationMs ?? 0) + (added?.durationMs ?? 0)).toBe(4000);
    // The long last line takes longer to say than the two short ones.
    expect(added?.durationMs).toBeGreaterThan(first?.durationMs ?? 0);
    expect(added?.frameHash).toBe(SEED.drawn);
  });

  test('one undo puts the shot back exactly as it was', () => {
    const before = snapshot();
    runOk(session, 'shot/split', { shotId: SEED.shot1A, atLine: 1 });
    expect(steps()).toBe(1);
    session.undo();
    expect(snapshot()).toEqual(before);
  });

  test('a place that is not between two lines is refused and nothing is written', () => {
    const updates = vi.fn();
    documentOf(session).on('update', updates);
    const result = session.run('shot/split', { shotId: SEED.shot1A, atLine: 0 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/no place to split before line 1/);
    expect(updates).not.toHaveBeenCalled();
  });

  test('a negative line is invalid input, named by its field', () => {
    const result = session.run('shot/split', { shotId: SEED.shot1A, atLine: -1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ failure: 'invalid', field: 'atLine' });
  });

  test('an edit a collaborator makes meanwhile to another field of the shot survives', () => {
    const other = peer();
    other.getMap<Y.Map<unknown>>('shots').get(SEED.shot1A)?.set('notes', 'handheld');
    runOk(session, 'shot/split', { shotId: SEED.shot1A, atLine: 1 });
    exchange(other);
    expect(shot(SEED.shot1A)?.notes).toBe('handheld');
    expect(shot(SEED.shot1A)?.dialogue).toHaveLength(1);
  });
});

describe('merging shots', () => {
  test('one shot plays what both played; the second is gone and its number retired', () => {
    const merged = runOk(session, 'shot/merge', { shotIds: [SEED.shot1B, SEED.shot1A] });
    expect(merged).toBe(SEED.shot1A);
    expect(numbers()).toEqual(['1', '1A', '2', '2A']);
    const result = shot(SEED.shot1A);
    expect(result?.durationMs).toBe(8000);
    expect(result?.dialogue.map((d) => d.line).at(-1)).toBe('Here.');
    // The drawn frame of the first stays; the generated take of the second is kept on it.
    expect(result?.frameHash).toBe(SEED.drawn);
    expect(result?.takes.map((t) => t.id)).toEqual(['take-1']);
  });

  test('one undo brings both shots back as they were', () => {
    const before = snapshot();
    runOk(session, 'shot/merge', { shotIds: [SEED.shot1A, SEED.shot1B] });
    expect(steps()).toBe(1);
    session.undo();
    expect(snapshot()).toEqual(before);
  });

  test('shots of two scenes are refused, and one shot is invalid input', () => {
    const across = session.run('shot/merge', { shotIds: [SEED.shot1B, SEED.shot2] });
    expect(across.ok).toBe(false);
    if (!across.ok) expect(across.error.message).toMatch(/one scene/);
    const one = session.run('shot/merge', { shotIds: [SEED.shot1B] });
    expect(one.ok).toBe(false);
    if (!one.ok) expect(one.error).toMatchObject({ failure: 'invalid', field: 'shotIds' });
    expect(numbers()).toHaveLength(5);
  });

  test("a collaborator's change to a field the merge keeps survives it", () => {
    const other = peer();
    other.getMap<Y.Map<unknown>>('shots').get(SEED.shot1A)?.set('cameraAngle', 'low');
    runOk(session, 'shot/merge', { shotIds: [SEED.shot1A, SEED.shot1B] });
    exchange(other);
    expect(shot(SEED.shot1A)?.cameraAngle).toBe('low');
    expect(shot(SEED.shot1A)?.durationMs).toBe(8000);
  });
});

describe('restoring an OMITTED shot', () => {
  test('brings it back into the animatic as one undo step', () => {
    expect(shot(SEED.shot2A)?.omitted).toBe(true);
    runOk(session, 'shot/restore', { shotId: SEED.shot2A });
    expect(shot(SEED.shot2A)?.omitted).toBe(false);
    expect(steps()).toBe(1);
    session.undo();
    expect(shot(SEED.shot2A)?.omitted).toBe(true);
  });
});

describe('every structure command', () => {
  const commands = [
    ['scene/delete', { sceneId: SEED.scene1 }],
    ['shot/duplicate', { shotId: SEED.shot1A }],
    ['shot/split', { shotId: SEED.shot1A, atLine: 1 }],
    ['shot/merge', { shotIds: [SEED.shot1A, SEED.shot1B] }],
    ['shot/restore', { shotId: SEED.shot2A }],
  ] as const;

  test.each(commands)(
    '%s is refused on a read-only project and writes nothing',
    async (name, input) => {
      const before = snapshot();
      await session.forceReadOnly('a version is being previewed');
      const result = session.run(name, input as never);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.failure).toBe('read-only');
      expect(snapshot()).toEqual(before);
    },
  );

  test.each(commands)('%s is its own undo step, even right after typing', (name, input) => {
    session.run('shot/update', { shotId: SEED.shot1A, patch: { notes: 'typing' } });
    session.run(name, input as never);
    expect(steps()).toBe(2);
    session.undo();
    expect(shot(SEED.shot1A)?.notes).toBe('typing');
  });

  test.each(commands)('%s refuses an empty id as invalid input', (name, input) => {
    const blank = JSON.parse(JSON.stringify(input).replace(/"(scene|shot)-[^"]*"/g, '""'));
    const result = session.run(name, blank as never);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.failure).toBe('invalid');
  });
});
