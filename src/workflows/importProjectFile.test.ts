import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { SceneId, ShotId } from '../model/ids';
import { createProjectMeta } from '../model/project';
import { createScene } from '../model/scene';
import { createShot } from '../model/shot';
import { projectToJson } from '../export/projectJson';
import {
  createAssetStore,
  hashBytes,
  openDb,
  ProjectRepository,
  ProjectSession,
  type FramelineDb,
} from '../store';
import { pngBytes } from '../../tests/helpers/mediaBytes';
import { importProjectJson } from './importProjectFile';

let db: FramelineDb;
let n = 0;

beforeEach(() => {
  db = openDb(`import-project-file-${++n}`);
});
afterEach(() => db.close());

async function projectFile(): Promise<string> {
  const bytes = pngBytes(2);
  const hash = await hashBytes(bytes);
  const scene = createScene({ id: 's' as SceneId, number: '1', heading: 'INT. ROOM - DAY' });
  const shot = createShot({
    id: 'a' as ShotId,
    sceneId: scene.id,
    number: '1',
    frameHash: hash,
    frameSource: 'drawn',
  });
  return projectToJson(
    { meta: createProjectMeta('From a file'), scenes: [scene], shots: [shot], characters: [] },
    [{ hash, mimeType: 'image/png', bytes }],
  );
}

describe('project file import', () => {
  test('a project file becomes a new project with its frames stored', async () => {
    const repo = new ProjectRepository(db);
    const assets = createAssetStore(db);
    const outcome = await importProjectJson(await projectFile(), 'cut.json', { repo, assets });
    expect(outcome).toMatchObject({ ok: true, title: 'From a file' });
    if (!outcome.ok) return;
    const session = await ProjectSession.open(repo, outcome.id);
    const hash = session.getState().snapshot.shots[0]!.frameHash!;
    expect((await assets.get(hash))?.type).toBe('image/png');
    await session.close();
  });

  test('a broken file says what and where, and nothing is stored', async () => {
    const repo = new ProjectRepository(db);
    const assets = createAssetStore(db);
    const broken = (await projectFile()).replace('"INT. ROOM - DAY"', '42');
    const outcome = await importProjectJson(broken, 'cut.json', { repo, assets });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatch(/“cut\.json”.*heading/s);
    expect(await repo.list()).toEqual([]);
    expect(await db.table('assets').count()).toBe(0);
  });
});
