import { z } from 'zod';
import type { SceneId, ShotId } from '../../model/ids';
import { addScene, addSceneWithShot, renumberSceneShots, updateSceneHeading } from '../projectDoc';
import { defineCommand, STEP } from './command';
import { headingSchema, idSchema } from './inputSchemas';

/** Scenes: adding them, their headings, their shot numbers. */
export const sceneCommands = {
  /** An empty scene after the last one; returns its id. */
  'scene/add': defineCommand({
    input: z.object({ heading: headingSchema }),
    undo: STEP,
    run: ({ doc, snapshot }, { heading }: { heading: string }): SceneId =>
      addScene(doc, heading, snapshot),
  }),

  /** "Add scene" as a person means it: a scene with its first (wide) shot; returns the shot. */
  'scene/addWithShot': defineCommand({
    input: z.object({ heading: headingSchema }),
    undo: STEP,
    run: ({ doc, snapshot }, { heading }: { heading: string }): ShotId | null =>
      addSceneWithShot(doc, heading, snapshot),
  }),

  /** Typing a heading merges into one step; place and time of day follow from it. */
  'scene/setHeading': defineCommand({
    input: z.object({ sceneId: idSchema, heading: headingSchema }),
    undo: ({ sceneId }: { sceneId: SceneId; heading: string }) => ({
      merge: `scene/${sceneId}/heading`,
    }),
    run: ({ doc }, { sceneId, heading }) => updateSceneHeading(doc, sceneId, heading),
  }),

  /** The explicit clean-up: the scene's shots numbered again in board order (3, 3A, 3B…). */
  'scene/renumberShots': defineCommand({
    input: z.object({ sceneId: idSchema }),
    undo: STEP,
    run: ({ doc, snapshot }, { sceneId }: { sceneId: SceneId }) =>
      renumberSceneShots(doc, sceneId, snapshot),
  }),
};
