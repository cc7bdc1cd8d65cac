import * as Y from 'yjs';
import type { AssetHash, SceneId, ShotId } from '../../src/model/ids';
import { createProjectMeta, type ProjectSnapshot } from '../../src/model/project';
import { createScene } from '../../src/model/scene';
import { createShot } from '../../src/model/shot';
import { addShotTake, addVersion, writeSnapshot } from '../../src/store/projectDoc';

/** A board of `shots` shots in scenes of 10, each shot with `takes` generated images. */
export function bigProject(shots: number, takes: number): Y.Doc {
  const scenes = Array.from({ length: Math.ceil(shots / 10) }, (_, i) =>
    createScene({ id: `scene-${i}` as SceneId, number: String(i + 1), heading: `INT. ROOM ${i}` }),
  );
  const snapshot: ProjectSnapshot = {
    meta: createProjectMeta('Epic'),
    scenes,
    shots: Array.from({ length: shots }, (_, i) =>
      createShot({
        id: `shot-${i}` as ShotId,
        sceneId: scenes[Math.floor(i / 10)]!.id,
        number: String(i + 1),
        action: `Shot ${i}: the hero crosses the room, looks back, and leaves.`,
      }),
    ),
    characters: [],
  };
  const doc = new Y.Doc();
  writeSnapshot(doc, snapshot);
  for (let i = 0; i < shots; i++) {
    for (let t = 0; t < takes; t++) {
      const take = {
        id: `take-${i}-${t}`,
        hash: String(i * 10 + t).padStart(64, '0') as AssetHash,
        providerKind: 'sketch',
        providerLabel: 'Sketch',
        model: 'sketch-1',
        prompt: 'a room',
        createdAt: 1,
      };
      addShotTake(doc, `shot-${i}` as ShotId, take, { makeCurrent: t === takes - 1 });
    }
  }
  addVersion(doc, {
    id: 'version-1' as never,
    name: 'First cut',
    createdAt: 1,
    authorName: 'Anna',
    stateHash: '0'.repeat(64) as AssetHash,
    shotCount: shots,
  });
  return doc;
}
