import type { Character } from '../model/character';
import { newId, type SceneId, type ShotId } from '../model/ids';
import { sequentialShotNumber } from '../model/numbering';
import { createScene, type Scene } from '../model/scene';
import { createShot, type Shot } from '../model/shot';
import type { ScriptDocument, ScriptElement } from '../script/types';
import { Cast } from './cast';
import { planSceneShots } from './scenePlanner';
import { splitIntoScenes } from './sceneChunks';

export interface Breakdown {
  /** In script order. */
  scenes: Scene[];
  /** In board order: by scene, then by position in the scene. */
  shots: Shot[];
  /** The speaking cast, in order of first appearance. */
  characters: Character[];
}

export interface BreakdownOptions {
  /** Makes every id. Defaults to random UUIDs; tests pass a counter for stable output. */
  readonly createId?: () => string;
  /**
   * Who speaks in the whole script, in order, when `doc` is only some of its scenes (a script
   * edit's region): the cast, its spellings and whose name a line of action mentions are the
   * whole script's.
   */
  readonly speakers?: readonly string[];
}

/**
 * A first board for a parsed script: its scenes, a shot list per scene and the speaking cast.
 * Pure and deterministic apart from the ids, so it can run in a worker.
 */
export function breakdownScript(doc: ScriptDocument, options: BreakdownOptions = {}): Breakdown {
  const createId = options.createId ?? (() => newId());
  const cast = new Cast(
    options.speakers
      ? options.speakers.map((text): ScriptElement => ({ type: 'character', text, line: 0 }))
      : doc.elements,
    createId,
  );
  const scenes: Scene[] = [];
  const shots: Shot[] = [];
  for (const chunk of splitIntoScenes(doc.elements)) {
    const scene = createScene({
      id: createId() as SceneId,
      number: chunk.number,
      heading: chunk.heading?.text ?? '',
    });
    scenes.push(scene);
    const context = { heading: chunk.heading?.text ?? null, intExt: scene.intExt };
    planSceneShots(context, chunk.elements, cast).forEach((draft, position) => {
      shots.push(
        createShot({
          id: createId() as ShotId,
          sceneId: scene.id,
          number: sequentialShotNumber(scene.number, position),
          shotType: draft.shotType,
          durationMs: draft.durationMs,
          action: draft.action,
          dialogue: draft.dialogue,
          notes: draft.notes.join('\n'),
          characterIds: draft.characterIds,
        }),
      );
    });
  }
  return { scenes, shots, characters: cast.characters };
}
