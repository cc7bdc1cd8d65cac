import { afterEach, beforeEach, expect, test } from 'vitest';
import * as Y from 'yjs';
import type { ShotId } from '../../src/model/ids';
import { openDb, type FramelineDb } from '../../src/store/db';
import { readProject, REMOTE_ORIGIN } from '../../src/store/projectDoc';
import { ProjectSession } from '../../src/store/projectSession';
import { documentOf } from '../../src/store/sessionDocument';
import { runOk } from '../helpers/commands';
import { ProjectRepository } from '../../src/store/projects';

/**
 * Undo is per person: each tab's ProjectSession undoes only its own edits (USER_ORIGIN), never
 * what arrived from a collaborator (REMOTE_ORIGIN), even when the edits interleave on one shot.
 */
let db: FramelineDb;
let dbCount = 0;
beforeEach(() => {
  db = openDb(`undo-${++dbCount}`);
});
afterEach(() => db.close());

function link(a: Y.Doc, b: Y.Doc): void {
  a.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE_ORIGIN) Y.applyUpdate(b, u, REMOTE_ORIGIN);
  });
  b.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE_ORIGIN) Y.applyUpdate(a, u, REMOTE_ORIGIN);
  });
}

test("undo takes back my edit and leaves the other person's", async () => {
  const repo = new ProjectRepository(db);
  const mineId = await repo.create({ title: 'Shared' });
  const mine = await ProjectSession.open(repo, mineId);
  const sceneId = runOk(mine, 'scene/add', { heading: 'INT. LAB - DAY' });
  const shotId = runOk(mine, 'shot/insert', { sceneId, index: 0 }) as ShotId;

  // The collaborator's copy of the same document, in their own session.
  const theirsId = await repo.create({ title: 'Their copy' });
  const theirs = await ProjectSession.open(repo, theirsId);
  Y.applyUpdate(documentOf(theirs), Y.encodeStateAsUpdate(documentOf(mine)), REMOTE_ORIGIN);
  link(documentOf(mine), documentOf(theirs));
  mine.undoManager.clear();

  runOk(mine, 'shot/update', { shotId, patch: { action: 'mine' } });
  runOk(theirs, 'shot/update', { shotId, patch: { notes: 'theirs' } });
  runOk(theirs, 'shot/update', { shotId, patch: { shotType: 'CU' } });

  expect(theirs.getState().canUndo).toBe(true);
  mine.undo();
  const shot = readProject(documentOf(theirs)).snapshot.shots[0]!;
  expect(shot.action).toBe('');
  expect(shot.notes).toBe('theirs');
  expect(shot.shotType).toBe('CU');
  expect(mine.getState().canUndo).toBe(false);

  theirs.undo();
  theirs.undo();
  const again = readProject(documentOf(mine)).snapshot.shots[0]!;
  expect(again.notes).toBe('');
  expect(again.shotType).toBe('MS');
  expect(again.action).toBe('');
  mine.redo();
  expect(readProject(documentOf(theirs)).snapshot.shots[0]!.action).toBe('mine');
  await mine.close();
  await theirs.close();
});
