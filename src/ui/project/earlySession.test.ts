import { afterEach, describe, expect, test, vi } from 'vitest';
import { openDb, ProjectRepository, ProjectSession } from '../../store';
import type { ProjectId } from '../../model/ids';
import { claimEarly, openEarly } from './earlySession';

let n = 0;
const repoWithProject = async () => {
  const repo = new ProjectRepository(openDb(`early-${++n}`), null);
  const id = await repo.create({ title: 'Early' });
  return { repo, id };
};

afterEach(() => {
  vi.useRealTimers();
});

describe('a project opened before its view mounts', () => {
  test('is handed to the first claim for its id, once', async () => {
    const { repo, id } = await repoWithProject();
    openEarly(repo, id);
    expect(claimEarly('other' as ProjectId)).toBeNull();
    const opening = claimEarly(id);
    expect(opening).not.toBeNull();
    expect(claimEarly(id)).toBeNull();
    const session = await opening!;
    expect(session.getState().snapshot.meta.title).toBe('Early');
    await session.close();
    repo.db.close();
  });

  test('is closed when nobody claims it, so nothing is left open unseen', async () => {
    const { repo, id } = await repoWithProject();
    const close = vi.spyOn(ProjectSession.prototype, 'close');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    openEarly(repo, id);
    vi.advanceTimersByTime(60_000);
    vi.useRealTimers();
    expect(claimEarly(id)).toBeNull();
    await vi.waitFor(() => expect(close).toHaveBeenCalledTimes(1));
    close.mockRestore();
    repo.db.close();
  });

  test('a failed opening reaches the claimant as its error', async () => {
    const { repo } = await repoWithProject();
    openEarly(repo, 'missing' as ProjectId);
    await expect(claimEarly('missing' as ProjectId)!).rejects.toThrow('does not exist');
    repo.db.close();
  });
});
