import * as Y from 'yjs';
import { createCharacter } from '../../src/model/character';
import type { AssetHash, CharacterId, ProjectId, SceneId, ShotId } from '../../src/model/ids';
import { createProjectMeta, totalDuration, type ProjectSnapshot } from '../../src/model/project';
import { createScene } from '../../src/model/scene';
import { createShot } from '../../src/model/shot';
import { ms } from '../../src/model/units';
import { writeSnapshot } from '../../src/store/projectDoc';
import { fakePng } from '../fake-provider/png';
import { sha256Hex } from './noisePng';

/** What a benchmark writes into the page's IndexedDB to have a big project there. */
export interface ScaleProject {
  readonly id: ProjectId;
  readonly title: string;
  readonly shotCount: number;
  readonly durationMs: number;
  /** The whole document as one Yjs update (the row the persistence client would store). */
  readonly update: Uint8Array;
  /** One frame per shot: distinct bytes, so every board decodes its own image. */
  readonly frames: readonly { readonly hash: AssetHash; readonly bytes: Uint8Array }[];
}

const SHOT_TYPES_USED = ['WS', 'MS', 'CU', 'OTS'] as const;
const CAST = ['MARA', 'JONAS', 'THE NEIGHBOUR', 'DETECTIVE RUIZ', 'OLD MAN'];

/**
 * A project of `shots` shots in scenes of about 20, as a feature-length import makes them: action
 * on every shot, a line of dialogue on every third, a cast of five, and a frame on each (a solid
 * 320×180 PNG of its own colour unless `framePng` makes them, stored as an upload so the sketcher
 * leaves it alone).
 * Deterministic for the same arguments.
 */
export function scaleProject(
  shotCount: number,
  seed = 1,
  framePng: (index: number) => Buffer = (i) => fakePng(`${seed}:${i}`, 320, 180),
): ScaleProject {
  const id = `scale-${shotCount}-${seed}` as ProjectId;
  const title = `${shotCount.toLocaleString('en')} shots`;
  const sceneCount = Math.max(1, Math.round(shotCount / 20));
  const characters = CAST.map((name, i) =>
    createCharacter({ id: `char-${i}` as CharacterId, name }),
  );
  const scenes = Array.from({ length: sceneCount }, (_, i) =>
    createScene({
      id: `scene-${String(i).padStart(4, '0')}` as SceneId,
      number: String(i + 1),
      heading: `${i % 3 === 0 ? 'EXT' : 'INT'}. LOCATION ${i + 1} - ${i % 2 ? 'NIGHT' : 'DAY'}`,
    }),
  );
  const frames = Array.from({ length: shotCount }, (_, i) => {
    const png = framePng(i);
    return { hash: sha256Hex(png) as AssetHash, bytes: new Uint8Array(png) };
  });
  const shots = frames.map((frame, i) => {
    const sceneIndex = Math.floor((i * sceneCount) / shotCount);
    const scene = scenes[sceneIndex]!;
    const speaker = characters[i % characters.length]!;
    return createShot({
      id: `shot-${String(i).padStart(5, '0')}` as ShotId,
      sceneId: scene.id,
      number: `${scene.number}-${i}`,
      shotType: SHOT_TYPES_USED[i % SHOT_TYPES_USED.length]!,
      durationMs: ms(2000 + (i % 7) * 500),
      action: `Shot ${i + 1}: ${speaker.name} crosses the room, stops at the window and looks out.`,
      dialogue:
        i % 3 === 0
          ? [{ speaker: speaker.name, line: 'We should have left an hour ago.', parenthetical: '' }]
          : [],
      characterIds: [speaker.id],
      frameHash: frame.hash,
      frameSource: 'upload',
    });
  });
  const snapshot: ProjectSnapshot = { meta: createProjectMeta(title), scenes, shots, characters };
  const doc = new Y.Doc();
  writeSnapshot(doc, snapshot);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { id, title, shotCount, durationMs: totalDuration(snapshot), update, frames };
}
