import type { AssetHash, ProjectId, SceneId, ShotId } from '../../src/model/ids';
import { createProjectMeta, type ProjectSnapshot } from '../../src/model/project';
import { createScene } from '../../src/model/scene';
import { createShot } from '../../src/model/shot';
import { createAssetStore } from '../../src/store/assets';
import type { FramelineDb } from '../../src/store/db';
import { ProjectRepository } from '../../src/store/projects';
import { pngBytes } from './mediaBytes';

/** A stored project whose shots each show a stored frame: what bundles and storage tests need. */
export async function projectWithFrames(
  db: FramelineDb,
  { title = 'Bundle me', frames = 2, seed = 1 } = {},
): Promise<{ id: ProjectId; hashes: AssetHash[]; snapshot: ProjectSnapshot }> {
  const store = createAssetStore(db);
  const scene = createScene({
    id: `scene-${seed}` as SceneId,
    number: '1',
    heading: 'INT. ROOM - DAY',
  });
  const hashes: AssetHash[] = [];
  const shots = [];
  for (let i = 0; i < frames; i++) {
    const bytes = pngBytes(seed * 1000 + i, 70);
    const hash = await store.put(bytes, 'image/png');
    hashes.push(hash);
    shots.push(
      createShot({
        id: `shot-${seed}-${i}` as ShotId,
        sceneId: scene.id,
        number: String(i + 1),
        frameHash: hash,
        frameSource: 'sketch',
      }),
    );
  }
  const snapshot: ProjectSnapshot = {
    meta: createProjectMeta(title),
    scenes: [scene],
    shots,
    characters: [],
  };
  const id = await new ProjectRepository(db).create(snapshot);
  return { id, hashes, snapshot };
}
