import { z } from 'zod';
import type { SceneId, ShotId } from '../../model/ids';
import {
  deleteScene,
  duplicateShot,
  mergeShots,
  omitShot,
  restoreShot,
  splitShot,
} from '../projectDoc';
import { defineCommand, STEP } from './command';
import { idSchema } from './inputSchemas';

const shotRef = z.object({ shotId: idSchema });

/**
 * The board's structure: deleting a scene with its shots, duplicating, splitting and merging
 * shots, restoring an OMITTED shot. Each is one undo step that brings everything back.
 */
export const structureCommands = {
  /** Deletes a scene and all its shots; returns how many shots went with it. */
  'scene/delete': defineCommand({
    input: z.object({ sceneId: idSchema }),
    undo: STEP,
    run: ({ doc }, { sceneId }: { sceneId: SceneId }): number => deleteScene(doc, sceneId),
  }),

  /** A copy right after the shot, numbered as an insert (3A → 3A.1); returns the copy's id. */
  'shot/duplicate': defineCommand({
    input: shotRef,
    undo: STEP,
    run: ({ doc, snapshot }, { shotId }: { shotId: ShotId }): ShotId =>
      duplicateShot(doc, snapshot, shotId),
  }),

  /**
   * Splits a shot before its line `atLine` (model/shotSplit.ts `splitPoints`): the rest of the
   * dialogue goes to a new shot right after it; returns the new shot's id.
   */
  'shot/split': defineCommand({
    input: shotRef.extend({ atLine: z.number().int().min(0) }),
    undo: STEP,
    run: ({ doc, snapshot }, { shotId, atLine }: { shotId: ShotId; atLine: number }): ShotId =>
      splitShot(doc, snapshot, shotId, atLine),
  }),

  /** Merges shots of one scene into the first of them in board order; returns its id. */
  'shot/merge': defineCommand({
    input: z.object({ shotIds: z.array(idSchema).min(2) }),
    undo: STEP,
    run: ({ doc, snapshot }, { shotIds }: { shotIds: readonly ShotId[] }): ShotId =>
      mergeShots(doc, snapshot, shotIds),
  }),

  /** Leaves a shot out of the animatic (OMITTED), keeping it and its frames on the board. */
  'shot/omit': defineCommand({
    input: shotRef,
    undo: STEP,
    run: ({ doc }, { shotId }: { shotId: ShotId }) => omitShot(doc, shotId),
  }),

  /** An OMITTED shot back in the animatic. */
  'shot/restore': defineCommand({
    input: shotRef,
    undo: STEP,
    run: ({ doc }, { shotId }: { shotId: ShotId }) => restoreShot(doc, shotId),
  }),
};
