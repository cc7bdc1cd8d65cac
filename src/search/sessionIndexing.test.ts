import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { ProjectId } from '../model/ids';
import type { SearchDocument } from '../model/searchDocument';
import { openDb, ProjectRepository, ProjectSession, type FramelineDb } from '../store';
import { indexSessionForSearch } from './sessionIndexing';

let db: FramelineDb;
let repo: ProjectRepository;
let n = 0;
beforeEach(() => {
  db = openDb(`session-indexing-${++n}`);
  repo = new ProjectRepository(db, null);
});
afterEach(() => db.close());

test('edits of an open project are indexed once after a pause, and what is pending on close', async () => {
  const id = await repo.create({ title: 'Open one' });
  const session = await ProjectSession.open(repo, id);
  const puts: { projectId: ProjectId; docs: readonly SearchDocument[] }[] = [];
  const stop = indexSessionForSearch(
    session,
    id,
    repo,
    { put: async (projectId, _key, docs) => void puts.push({ projectId, docs }) },
    20,
  );
  const added = session.run('scene/addWithShot', { heading: 'INT. MILL - DAY' });
  if (!added.ok || !added.value) throw new Error('no shot');
  session.run('shot/update', { shotId: added.value, patch: { action: 'Flour everywhere' } });
  session.run('shot/update', { shotId: added.value, patch: { action: 'Flour everywhere.' } });
  // The three commands run in one task: one timer, one put.
  await vi.waitFor(() => expect(puts).toHaveLength(1), { timeout: 5_000 });
  expect(puts[0]!.docs.find((d) => d.kind === 'shot')?.text).toBe('Flour everywhere.');

  session.run('shot/update', { shotId: added.value, patch: { notes: 'dusty light' } });
  stop();
  await vi.waitFor(() => expect(puts).toHaveLength(2), { timeout: 5_000 });
  expect(puts[1]!.docs.find((d) => d.kind === 'shot')?.text).toContain('dusty light');
  await session.close();
});
