import { z } from 'zod';
import { audioClipSchema, type AudioClip } from '../../model/audio';
import { shotFramingSchema, type ShotFraming } from '../../model/framing';
import type { SceneId, ShotId } from '../../model/ids';
import type { ShotInit, ShotPatch } from '../../model/shot';
import { transitionSchema, type Transition } from '../../model/transition';
import type { Milliseconds } from '../../model/units';
import {
  carryShotEditToScript,
  deleteShot,
  fitShotToAudio,
  insertShot,
  moveShot,
  removeAudioClip,
  setAudioClip,
  setShotAudio,
  setShotFraming,
  setTransition,
  updateShot,
} from '../projectDoc';
import { defineCommand, STEP, type UndoPolicy } from './command';
import { idSchema, shotPatchSchema } from './inputSchemas';

/** Fields typed a character at a time: a burst of typing in one of them is one undo step. */
const TYPED_FIELDS = new Set(['action', 'notes', 'prompt', 'number', 'dialogue']);

function patchPolicy(shotId: ShotId, patch: ShotPatch): UndoPolicy {
  const keys = Object.keys(patch);
  const [only] = keys;
  return keys.length === 1 && only !== undefined && TYPED_FIELDS.has(only)
    ? { merge: `shot/${shotId}/${only}` }
    : 'step';
}

const shotRef = z.object({ shotId: idSchema });

/** A clip to add (no id yet) or one to change. */
type NewOrKnownClip = Omit<AudioClip, 'id'> & { readonly id?: string };

/** Changes to one shot: its fields, its place, its camera move, transition and sound. */
export const shotCommands = {
  'shot/update': defineCommand({
    input: shotRef.extend({ patch: shotPatchSchema }),
    undo: ({ shotId, patch }: { shotId: ShotId; patch: ShotPatch }) => patchPolicy(shotId, patch),
    // The script follows: an action or a line of dialogue goes into the text it came from,
    // in the same transaction, so one undo takes back both (README "The script and the boards").
    run: ({ doc, snapshot }, { shotId, patch }) => {
      carryShotEditToScript(doc, snapshot, shotId, patch);
      updateShot(doc, shotId, patch);
    },
  }),

  /** A new shot in a scene at `index`; returns its id (null when the scene is gone). */
  'shot/insert': defineCommand({
    input: z.object({
      sceneId: idSchema,
      index: z.number().int().min(0),
      init: z.object({ shotType: z.string() }).partial().loose().optional(),
    }),
    undo: STEP,
    run: (
      { doc, snapshot },
      input: {
        sceneId: SceneId;
        index: number;
        init?: Omit<ShotInit, 'id' | 'sceneId' | 'number'>;
      },
    ): ShotId | null => insertShot(doc, input.sceneId, input.index, input.init, snapshot),
  }),

  'shot/delete': defineCommand({
    input: shotRef,
    undo: STEP,
    run: ({ doc }, { shotId }: { shotId: ShotId }) => deleteShot(doc, shotId),
  }),

  /** To `index` within `toSceneId` (its own scene or another, where it gets a number). */
  'shot/move': defineCommand({
    input: shotRef.extend({ toSceneId: idSchema, index: z.number().int().min(0) }),
    undo: STEP,
    run: ({ doc, snapshot }, i: { shotId: ShotId; toSceneId: SceneId; index: number }) =>
      moveShot(doc, i.shotId, i.toSceneId, i.index, snapshot),
  }),

  /** The camera move drawn on the picture; a drag of it is one gesture, so one step. */
  'shot/setFraming': defineCommand({
    input: shotRef.extend({ framing: shotFramingSchema.nullable() }),
    undo: STEP,
    run: ({ doc }, i: { shotId: ShotId; framing: ShotFraming | null }) =>
      setShotFraming(doc, i.shotId, i.framing),
  }),

  /** Kind, length and direction of the hand-over; its length slider merges while dragged. */
  'shot/setTransition': defineCommand({
    input: shotRef.extend({ transition: transitionSchema }),
    undo: ({ shotId }: { shotId: ShotId; transition: Transition }) => ({
      merge: `shot/${shotId}/transition`,
    }),
    run: ({ doc }, { shotId, transition }) => setTransition(doc, shotId, transition),
  }),

  /** Adds or changes one sound clip; its volume slider merges while dragged. */
  'shot/setAudioClip': defineCommand({
    input: shotRef.extend({ clip: audioClipSchema.partial({ id: true }) }),
    undo: ({ shotId, clip }: { shotId: ShotId; clip: NewOrKnownClip }): UndoPolicy =>
      clip.id === undefined ? 'step' : { merge: `shot/${shotId}/audio/${clip.id}` },
    /** Returns the clip's id (a new one for a new clip), null when the shot is gone. */
    run: ({ doc }, { shotId, clip }): string | null => setAudioClip(doc, shotId, clip),
  }),

  /** Replaces every sound clip of a shot (text to speech writes a shot's lines at once). */
  'shot/setAudio': defineCommand({
    input: shotRef.extend({ clips: z.array(audioClipSchema) }),
    undo: STEP,
    run: ({ doc }, i: { shotId: ShotId; clips: readonly AudioClip[] }) =>
      setShotAudio(doc, i.shotId, i.clips),
  }),

  'shot/removeAudioClip': defineCommand({
    input: shotRef.extend({ clipId: idSchema }),
    undo: STEP,
    run: ({ doc }, i: { shotId: ShotId; clipId: string }) =>
      removeAudioClip(doc, i.shotId, i.clipId),
  }),

  /** Makes the shot as long as its sound plus `tailMs`; returns the new duration. */
  'shot/fitToAudio': defineCommand({
    input: shotRef.extend({ tailMs: z.number().min(0).max(60_000) }),
    undo: STEP,
    run: ({ doc }, i: { shotId: ShotId; tailMs: number }): Milliseconds | null =>
      fitShotToAudio(doc, i.shotId, i.tailMs),
  }),
};
