import { afterEach, beforeEach, expect, test } from 'vitest';
import type { CommentId, ThreadId } from '../../model/comment';
import type { ShotId } from '../../model/ids';
import { openDb, type FramelineDb } from '../db';
import { ProjectRepository } from '../projects';
import { ProjectSession } from '../projectSession';

let db: FramelineDb;
let session: ProjectSession;
let n = 0;

beforeEach(async () => {
  db = openDb(`review-import-test-${++n}`);
  const repo = new ProjectRepository(db);
  session = await ProjectSession.open(repo, await repo.create({ title: 'Review' }));
});

afterEach(async () => {
  await session.close();
  db.close();
});

const note = (shotId: ShotId, i: number) => ({
  id: `review-x-${i}` as CommentId,
  threadId: `review-x-${i}` as ThreadId,
  target: { kind: 'shot' as const, id: shotId },
  body: 'Approved.',
  mentions: [],
  author: { name: 'Client', color: '#6b7280', publicKey: '' },
  createdAt: 1,
  signature: '',
  external: 'review-page' as const,
});

test('imported review notes are one undo step, and undo removes them all', () => {
  const added = session.run('scene/addWithShot', { heading: 'INT. KITCHEN - NIGHT' });
  if (!added.ok || !added.value) throw new Error('no shot');
  const shotId = added.value;
  const steps = session.undoManager.undoStack.length;
  const result = session.run('review/importNotes', {
    comments: [note(shotId, 0), note(shotId, 1)],
  });
  expect(result.ok).toBe(true);
  expect(session.review.comments.map((c) => c.external)).toEqual(['review-page', 'review-page']);
  expect(session.undoManager.undoStack.length).toBe(steps + 1);
  session.undoManager.undo();
  expect(session.review.comments).toEqual([]);
  expect(session.getState().snapshot.shots.map((s) => s.id)).toEqual([shotId]);
});

test('a member comment is still not undoable', () => {
  const added = session.run('scene/addWithShot', { heading: 'INT. KITCHEN - NIGHT' });
  if (!added.ok || !added.value) throw new Error('no shot');
  const steps = session.undoManager.undoStack.length;
  const own = note(added.value, 0);
  delete (own as { external?: string }).external;
  expect(session.run('review/addComment', { comment: own }).ok).toBe(true);
  expect(session.undoManager.undoStack.length).toBe(steps);
});

test('a note that claims to be signed is refused by the import', () => {
  const added = session.run('scene/addWithShot', { heading: 'INT. KITCHEN - NIGHT' });
  if (!added.ok || !added.value) throw new Error('no shot');
  const forged = { ...note(added.value, 0), signature: 'abc' };
  expect(session.run('review/importNotes', { comments: [forged] }).ok).toBe(false);
  expect(session.review.comments).toEqual([]);
});
