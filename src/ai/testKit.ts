import { createCharacter } from '../model/character';
import type { CharacterId, SceneId, ShotId } from '../model/ids';
import { createProjectMeta, type ProjectSnapshot } from '../model/project';
import { createScene } from '../model/scene';
import { createShot } from '../model/shot';
import { createAssetStore, type AssetStore } from '../store/assets';
import { openDb, type FramelineDb } from '../store/db';
import { ProjectRepository } from '../store/projects';
import { ProjectSession } from '../store/projectSession';
import { AiService } from './aiService';
import type { DrawSketch } from './providers/sketchProvider';

/**
 * Builders for src/ai tests: a small project (two scenes, a nurse and a patient), an open
 * session on a fresh database, and an AiService whose retries do not wait.
 */

export const ANNA = 'c-anna' as CharacterId;
export const BEN = 'c-ben' as CharacterId;
export const SCENE_1 = 'scene-1' as SceneId;
export const SCENE_2 = 'scene-2' as SceneId;

export function sampleProject(): ProjectSnapshot {
  const s1 = createScene({ id: SCENE_1, number: '1', heading: 'INT. HOSPITAL CORRIDOR - NIGHT' });
  const s2 = createScene({ id: SCENE_2, number: '2', heading: 'EXT. PARKING LOT - DAWN' });
  return {
    meta: createProjectMeta('Night Shift'),
    scenes: [s1, s2],
    characters: [
      createCharacter({ id: ANNA, name: 'ANNA' }),
      createCharacter({ id: BEN, name: 'BEN' }),
    ],
    shots: [
      createShot({
        id: 'shot-1' as ShotId,
        sceneId: s1.id,
        number: '1',
        shotType: 'WS',
        characterIds: [ANNA],
        action: 'ANNA (40s), a tired night nurse in blue scrubs, pushes a cart down the corridor.',
      }),
      createShot({
        id: 'shot-2' as ShotId,
        sceneId: s1.id,
        number: '1A',
        shotType: 'CU',
        characterIds: [ANNA, BEN],
        action: 'BEN, a lanky orderly wearing a grey hoodie, whispers to her.',
      }),
      createShot({
        id: 'shot-3' as ShotId,
        sceneId: s2.id,
        number: '2',
        action: 'Sunrise over empty cars.',
      }),
    ],
  };
}

/** PNG-looking bytes that name what was drawn, like the real generator would differ per input. */
export const fakeDrawSketch: DrawSketch = (input) =>
  Promise.resolve(
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, ...new TextEncoder().encode(input.shotNumber)]),
  );

export interface AiHarness {
  readonly db: FramelineDb;
  readonly session: ProjectSession;
  readonly assets: AssetStore;
  readonly ai: AiService;
  close(): Promise<void>;
}

let counter = 0;

export async function openAiHarness(
  snapshot: ProjectSnapshot = sampleProject(),
): Promise<AiHarness> {
  const db = openDb(`ai-test-${++counter}-${crypto.randomUUID()}`);
  const repo = new ProjectRepository(db);
  const session = await ProjectSession.open(repo, await repo.create(snapshot));
  const assets = createAssetStore(db);
  const ai = new AiService({
    db,
    assets,
    drawSketch: fakeDrawSketch,
    backoff: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 30_000 },
  });
  return {
    db,
    session,
    assets,
    ai,
    async close() {
      await session.close();
      db.close();
      await db.delete();
    },
  };
}
