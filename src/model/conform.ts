import { z } from 'zod';
import { sceneIdSchema, shotIdSchema, newId, type SceneId, type ShotId } from './ids';
import { numberForNewShot } from './numbering';
import type { ProjectSnapshot } from './project';
import { createShot, type Shot } from './shot';
import { normaliseTransition, transitionSchema } from './transition';
import type { Stored } from './stored';
import { MAX_SHOT_DURATION_MS, MIN_SHOT_DURATION_MS, millisecondsSchema } from './units';

/**
 * A conform: the edit an editor sent back, as what it does to the board. Each clip of the edited
 * picture track, in order, is an existing shot (`shotId`), a copy of one (`copyOf`, a clip the
 * editor duplicated) or a new shot (neither: a clip Frameline never exported); shots of the
 * timeline no clip names are `deleted`. OMITTED shots were never on the timeline and stay.
 *
 * The board stays grouped by scene, in scene order: a clip's `sceneId` says which scene it lands
 * in (the plan moves a shot only when the editor cut it into another scene's run), and within a
 * scene the shots follow the edit.
 */
export const conformClipSchema = z.object({
  shotId: shotIdSchema.nullable(),
  copyOf: shotIdSchema.nullable(),
  sceneId: sceneIdSchema,
  durationMs: millisecondsSchema(MIN_SHOT_DURATION_MS, MAX_SHOT_DURATION_MS),
  /** The clip's name in the edit: a new shot's action says where it came from. */
  name: z.string(),
  /** How it hands over to the next clip in the edit; null keeps what the shot has. */
  transitionOut: transitionSchema.nullable(),
});
export type ConformClip = Stored<typeof conformClipSchema>;

export const conformPlanSchema = z.object({
  clips: z.array(conformClipSchema),
  deleted: z.array(shotIdSchema),
});
export type ConformPlan = Stored<typeof conformPlanSchema>;

export class ConformError extends Error {
  override readonly name = 'ConformError';
}

/**
 * The board after the conform, in board order: what `restoreSnapshot` writes as one change.
 * Kept shots keep their number unless they changed scene; copies and new shots are numbered as
 * inserts where they land (numbering.ts), so no printed number changes.
 */
export function conformSnapshot(
  snapshot: ProjectSnapshot,
  plan: ConformPlan,
  makeId: () => ShotId = () => newId<ShotId>(),
): ProjectSnapshot {
  const byId = new Map(snapshot.shots.map((s) => [s.id, s]));
  const scenes = new Map(snapshot.scenes.map((s) => [s.id, s]));
  const deleted = new Set(plan.deleted);
  const perScene = new Map<SceneId, Shot[]>(snapshot.scenes.map((s) => [s.id, []]));

  for (const clip of plan.clips) {
    const list = perScene.get(clip.sceneId);
    if (!list) throw new ConformError('A clip lands in a scene that is no longer in the project');
    const source = clip.shotId ?? clip.copyOf;
    const original = source ? byId.get(source) : undefined;
    if (source && !original)
      throw new ConformError('A shot of the edit is no longer in the project');
    let shot: Shot;
    if (clip.shotId && original) {
      shot = { ...original, sceneId: clip.sceneId, durationMs: clip.durationMs };
    } else if (original) {
      shot = {
        ...original,
        id: makeId(),
        sceneId: clip.sceneId,
        durationMs: clip.durationMs,
        number: '',
      };
    } else {
      shot = createShot({
        id: makeId(),
        sceneId: clip.sceneId,
        number: '',
        durationMs: clip.durationMs,
        action: clip.name ? `New in the edit: ${clip.name}` : 'New in the edit',
      });
    }
    if (clip.transitionOut)
      shot = { ...shot, transitionOut: normaliseTransition(clip.transitionOut) };
    list.push(shot);
  }

  // OMITTED shots stay after the shot they followed (or first, when it is gone or was first).
  const previousOf = new Map<ShotId, ShotId | null>();
  for (const scene of snapshot.scenes) {
    let previous: ShotId | null = null;
    for (const shot of snapshot.shots) {
      if (shot.sceneId !== scene.id) continue;
      if (shot.omitted) previousOf.set(shot.id, previous);
      else previous = shot.id;
    }
  }
  for (const shot of snapshot.shots) {
    if (!shot.omitted || deleted.has(shot.id)) continue;
    const list = perScene.get(shot.sceneId);
    if (!list) continue;
    const after = previousOf.get(shot.id) ?? null;
    const at = after ? list.findIndex((s) => s.id === after) + 1 : 0;
    list.splice(at, 0, shot);
  }

  const shots: Shot[] = [];
  for (const scene of snapshot.scenes) {
    const list = perScene.get(scene.id) ?? [];
    const sceneNumber = scenes.get(scene.id)?.number ?? '';
    const stays = (shot: Shot) => shot.number !== '' && byId.get(shot.id)?.sceneId === scene.id;
    const numbers: string[] = [];
    list.forEach((shot, index) => {
      let number = shot.number;
      if (!stays(shot)) {
        // Numbered as an insert between the shots before it and the kept ones after it.
        const after = list
          .slice(index + 1)
          .filter(stays)
          .map((s) => s.number);
        number = numberForNewShot(sceneNumber, [...numbers, ...after], index);
      }
      numbers.push(number);
      shots.push(number === shot.number ? shot : { ...shot, number });
    });
  }
  return { ...snapshot, shots };
}
