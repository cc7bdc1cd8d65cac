import { z } from 'zod';
import type { SceneId, ShotId } from '../../model/ids';
import type { ShotPatch } from '../../model/shot';
import { MAX_SHOT_DURATION_MS, MIN_SHOT_DURATION_MS } from '../../model/units';
import {
  deleteShots,
  moveShotsToScene,
  retimeShots,
  updateShots,
  type Retime,
} from '../projectDoc';
import { defineCommand, STEP } from './command';
import { idSchema, shotPatchSchema } from './inputSchemas';

/** A selection on the board: at least one shot, each named once. */
const selection = z.object({
  shotIds: z
    .array(idSchema)
    .min(1)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'A shot is named twice' }),
});

/** The fields one value makes sense for on many shots at once (not numbers, text or lines). */
const bulkPatchSchema = shotPatchSchema.pick({
  shotType: true,
  cameraAngle: true,
  cameraMove: true,
  durationMs: true,
  notes: true,
  characterIds: true,
});

const retimeSchema = z.union([
  z.object({ durationMs: shotPatchSchema.shape.durationMs.unwrap() }).strict(),
  z
    .object({
      factor: z
        .number()
        .positive()
        .max(MAX_SHOT_DURATION_MS / MIN_SHOT_DURATION_MS),
    })
    .strict(),
]);

type Selection = { shotIds: readonly ShotId[] };

/**
 * Changes to a selection of shots (multi-select on the board). Each is ONE command and one undo
 * step however many shots it touches; refused read-only like every command; shots a
 * collaborator deleted meanwhile are skipped. Each returns how many shots it changed.
 */
export const bulkCommands = {
  'shots/delete': defineCommand({
    input: selection,
    undo: STEP,
    run: ({ doc, snapshot }, { shotIds }: Selection): number => deleteShots(doc, snapshot, shotIds),
  }),

  /** To the end of another scene, in board order, each numbered there. */
  'shots/moveToScene': defineCommand({
    input: selection.extend({ toSceneId: idSchema }),
    undo: STEP,
    run: ({ doc, snapshot }, i: Selection & { toSceneId: SceneId }): number =>
      moveShotsToScene(doc, snapshot, i.shotIds, i.toSceneId),
  }),

  /** Every shot to one length, or every length scaled by `factor`. */
  'shots/retime': defineCommand({
    input: selection.extend({ retime: retimeSchema }),
    undo: STEP,
    run: ({ doc, snapshot }, i: Selection & { retime: Retime }): number =>
      retimeShots(doc, snapshot, i.shotIds, i.retime),
  }),

  /** The same shot type, camera angle or move, notes or cast on every shot. */
  'shots/update': defineCommand({
    input: selection.extend({
      patch: bulkPatchSchema.refine((patch) => Object.keys(patch).length > 0, {
        message: 'Nothing to set',
      }),
    }),
    undo: STEP,
    run: ({ doc, snapshot }, i: Selection & { patch: ShotPatch }): number =>
      updateShots(doc, snapshot, i.shotIds, i.patch),
  }),
};
