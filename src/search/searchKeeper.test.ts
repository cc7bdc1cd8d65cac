import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { SceneId, ShotId } from '../model/ids';
import { createProjectMeta, type ProjectSnapshot } from '../model/project';
import { createScene } from '../model/scene';
import { createShot } from '../model/shot';
import {
  openDb,
  ProjectRepository,
  ProjectSession,
  searchTables,
  type FramelineDb,
} from '../store';
import { SearchKeeper } from './searchKeeper';

let db: FramelineDb;
let repo: ProjectRepository;
let n = 0;

beforeEach(() => {
  db = openDb(`search-keeper-${++n}`);
  repo = new ProjectRepository(db, null);
});
afterEach(() => db.close());

function snapshot(title: string, action: string, line: string): ProjectSnapshot {
  const scene = createScene({ id: 's1' as SceneId, number: '1', heading: 'EXT. HARBOUR - DAY' });
  const shot = createShot({
    id: 'sh1' as ShotId,
    sceneId: scene.id,
    number: '1',
    action,
    dialogue: [{ speaker: 'ANNA', line, parenthetical: '' }],
  });
  return { meta: createProjectMeta(title), scenes: [scene], shots: [shot], characters: [] };
}

describe('search keeper', () => {
  test('indexes stored projects, re-reads one edited elsewhere, drops a deleted one', async () => {
    const a = await repo.create(snapshot('Harbour', 'A lighthouse blinks', 'Bring the boat in.'));
    const b = await repo.create(snapshot('Coast', 'Gulls over the pier', 'Not today.'));
    const keeper = new SearchKeeper(db);
    expect(await keeper.refresh()).toMatchObject({ loaded: 0, reread: 2, removed: 0 });
    expect(keeper.search('bring the boat in').map((h) => [h.projectId, h.shotId])[0]).toEqual([
      a,
      'sh1',
    ]);

    // Another tab edits the shot: the row's updatedAt moves on, so the next refresh reads it.
    await new Promise((resolve) => setTimeout(resolve, 2));
    const session = await ProjectSession.open(repo, a);
    session.run('shot/update', { shotId: 'sh1' as ShotId, patch: { action: 'A windmill turns' } });
    await session.close();
    expect(await keeper.refresh()).toMatchObject({ reread: 1, removed: 0 });
    expect(keeper.search('lighthouse')).toEqual([]);
    expect(keeper.search('windmill').map((h) => h.projectId)).toEqual([a]);
    expect(await keeper.refresh()).toMatchObject({ reread: 0 });

    await repo.softDelete(b);
    expect(await keeper.refresh()).toMatchObject({ reread: 0, removed: 1 });
    expect(keeper.search('gulls')).toEqual([]);
    expect(await searchTables(db).searchDocs.get(b)).toBeUndefined();
  });

  test('a fresh keeper (the app opened again) loads cached documents instead of reading projects', async () => {
    const a = await repo.create(snapshot('Harbour', 'A lighthouse blinks', 'Bring the boat in.'));
    await new SearchKeeper(db).refresh();
    const again = new SearchKeeper(db);
    expect(await again.refresh()).toMatchObject({ loaded: 1, reread: 0 });
    expect(again.search('lighthouse').map((h) => h.projectId)).toEqual([a]);
  });

  test('a renamed project is indexed under its new title', async () => {
    const a = await repo.create(snapshot('Harbour', 'x', 'y'));
    const keeper = new SearchKeeper(db);
    await keeper.refresh();
    await repo.rename(a, 'Lantern');
    expect(await keeper.refresh()).toMatchObject({ reread: 1 });
    expect(keeper.search('lantern').map((h) => h.kind)).toEqual(['project']);
    expect(keeper.search('harbour').map((h) => h.kind)).toEqual(['scene']);
  });
});
