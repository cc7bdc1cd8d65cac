import { z } from 'zod';
import type { AssetHash, SceneId, ShotId } from '../../model/ids';
import { FRAME_SOURCES, type FrameSource } from '../../model/shot';
import { takeSchema, type Take } from '../../model/take';
import {
  addShotTake,
  chooseShotTake,
  putPictures,
  removeShotTake,
  returnShotToSketch,
  setShotFrame,
  stopShotClip,
} from '../projectDoc';
import { APP_CHANGE, defineCommand, STEP } from './command';
import { idSchema } from './inputSchemas';

const hashSchema = z.string().regex(/^[0-9a-f]{64}$/);
const shotRef = z.object({ shotId: idSchema });

interface PicturesInput {
  readonly placements: readonly { readonly shotId: ShotId; readonly take: Take }[];
  readonly extra: { readonly sceneId: SceneId; readonly takes: readonly Take[] } | null;
}

interface FrameInput {
  readonly shotId: ShotId;
  readonly frame: { hash: AssetHash; source: FrameSource; signature: string };
}

/** A shot's frame and its generated takes. */
export const frameCommands = {
  /** The app drew a frame (an offline sketch): never on the person's undo stack. */
  'frame/set': defineCommand({
    input: shotRef.extend({
      frame: z.object({ hash: hashSchema, source: z.enum(FRAME_SOURCES), signature: z.string() }),
    }),
    undo: APP_CHANGE,
    run: ({ doc }, { shotId, frame }: FrameInput) => setShotFrame(doc, shotId, frame),
  }),

  /** A generated image arrived (whenever the provider answered): kept, never undone. */
  'take/add': defineCommand({
    input: shotRef.extend({ take: takeSchema, makeCurrent: z.boolean() }),
    undo: APP_CHANGE,
    run: ({ doc }, i: { shotId: ShotId; take: Take; makeCurrent: boolean }) =>
      addShotTake(doc, i.shotId, i.take, { makeCurrent: i.makeCurrent }),
  }),

  /**
   * Pictures the person brought (upload, paste, drop) become frames, kept as takes with
   * `source: 'upload'`; `extra` ones become new shots at their scene's end. One step, however
   * many pictures: one undo takes the whole drop back. Returns the new shots' ids.
   */
  'frame/putPictures': defineCommand({
    input: z.object({
      placements: z.array(shotRef.extend({ take: takeSchema })),
      extra: z.object({ sceneId: idSchema, takes: z.array(takeSchema).min(1) }).nullable(),
    }),
    undo: STEP,
    run: ({ doc, snapshot }, i: PicturesInput) => putPictures(doc, i.placements, i.extra, snapshot),
  }),

  /** The person picks a take as the frame. */
  'take/choose': defineCommand({
    input: shotRef.extend({ takeId: idSchema }),
    undo: STEP,
    run: ({ doc }, i: { shotId: ShotId; takeId: string }) =>
      chooseShotTake(doc, i.shotId, i.takeId),
  }),

  'take/remove': defineCommand({
    input: shotRef.extend({ takeId: idSchema }),
    undo: STEP,
    run: ({ doc }, i: { shotId: ShotId; takeId: string }) =>
      removeShotTake(doc, i.shotId, i.takeId),
  }),

  /** The shot's clip stops playing over it ("Use the still"); the clip stays a take. */
  'clip/stop': defineCommand({
    input: shotRef,
    undo: STEP,
    run: ({ doc }, { shotId }: { shotId: ShotId }) => stopShotClip(doc, shotId),
  }),

  /** Back to the offline sketch; the takes stay. */
  'frame/returnToSketch': defineCommand({
    input: shotRef,
    undo: STEP,
    run: ({ doc }, { shotId }: { shotId: ShotId }) => returnShotToSketch(doc, shotId),
  }),
};
