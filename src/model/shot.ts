import { z } from 'zod';
import {
  CAMERA_ANGLES,
  CAMERA_MOVES,
  SHOT_TYPES,
  type CameraAngle,
  type CameraMove,
  type ShotType,
} from './camera';
import { audioClipSchema, type AudioClip } from './audio';
import { shotFramingSchema, type ShotFraming } from './framing';
import type { AssetHash, CharacterId, SceneId, ShotId } from './ids';
import { takeSchema, type Take } from './take';
import { CUT, transitionSchema, type Transition } from './transition';
import {
  clampShotDuration,
  MAX_SHOT_DURATION_MS,
  MIN_SHOT_DURATION_MS,
  type Milliseconds,
} from './units';

export interface DialogueLine {
  /** The character name as the script prints it. */
  readonly speaker: string;
  readonly line: string;
  /** `(beat)`, `(whispering)` — without the brackets; empty when there is none. */
  readonly parenthetical: string;
}

/** Where the current frame came from; only `sketch` frames are redrawn when the shot changes. */
export const FRAME_SOURCES = ['sketch', 'drawn', 'ai', 'upload'] as const;
export type FrameSource = (typeof FRAME_SOURCES)[number];

export interface Shot {
  readonly id: ShotId;
  readonly sceneId: SceneId;
  /**
   * Printed shot number, built on the scene number: `3`, `3A`, `3B`. Assigned once when the shot
   * is created and never recomputed, so the numbers on printed boards stay true after inserts.
   * See numbering.ts for how new numbers are chosen.
   */
  readonly number: string;
  readonly shotType: ShotType;
  readonly cameraAngle: CameraAngle;
  readonly cameraMove: CameraMove;
  /** Screen time of the shot. Always within [MIN_SHOT_DURATION_MS, MAX_SHOT_DURATION_MS]. */
  readonly durationMs: Milliseconds;
  readonly action: string;
  readonly dialogue: readonly DialogueLine[];
  readonly notes: string;
  readonly characterIds: readonly CharacterId[];
  /** Hash of the current frame's image in the asset store; null until one is made. */
  readonly frameHash: AssetHash | null;
  readonly frameSource: FrameSource | null;
  /**
   * For sketch frames: the signature of the fields the sketch was drawn from. When the shot's
   * current signature differs, the sketch is stale and is redrawn.
   */
  readonly frameSignature: string;
  /**
   * The script no longer has this beat (a new draft cut it), but the shot was kept because its
   * frame is someone's work. Shown as OMITTED on the board, left out of renders; the user
   * deletes it or brings it back.
   */
  readonly omitted: boolean;
  /**
   * The prompt for generated frames as the user edited it; empty means "build it from the shot"
   * (src/ai/frames/promptBuilder.ts), so edits to the shot keep flowing into the prompt until
   * someone writes their own.
   */
  readonly prompt: string;
  /**
   * Every generated image the shot was given, oldest first. Picking one makes it the frame
   * (`frameHash`, `frameSource: 'ai'`); the others stay so nothing generated is lost.
   */
  readonly takes: readonly Take[];
  /**
   * The camera move drawn for this shot; null means "the preset of `cameraMove`" (framing.ts
   * `framingFor`), so changing the move label in the inspector still changes the animatic until
   * someone draws an explicit move.
   */
  readonly framing: ShotFraming | null;
  /** How this shot hands over to the next (transition.ts: centred on the cut). */
  readonly transitionOut: Transition;
  /** Sound clips placed on this shot (audio.ts), in no particular order. */
  readonly audio: readonly AudioClip[];
}

export const dialogueLineSchema = z.object({
  speaker: z.string(),
  line: z.string(),
  parenthetical: z.string(),
});

export const shotSchema = z.object({
  id: z.string().min(1),
  sceneId: z.string().min(1),
  number: z.string(),
  shotType: z.enum(SHOT_TYPES),
  cameraAngle: z.enum(CAMERA_ANGLES),
  cameraMove: z.enum(CAMERA_MOVES),
  durationMs: z.number().int().min(MIN_SHOT_DURATION_MS).max(MAX_SHOT_DURATION_MS),
  action: z.string(),
  dialogue: z.array(dialogueLineSchema),
  notes: z.string(),
  characterIds: z.array(z.string()),
  frameHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  frameSource: z.enum(['sketch', 'drawn', 'ai', 'upload']).nullable(),
  frameSignature: z.string(),
  omitted: z.boolean().default(false),
  prompt: z.string().default(''),
  takes: z.array(takeSchema).default([]),
  framing: shotFramingSchema.nullable().default(null),
  transitionOut: transitionSchema.default({ kind: 'cut', durationMs: 0 }),
  audio: z.array(audioClipSchema).default([]),
});

export type ShotInit = Pick<Shot, 'id' | 'sceneId' | 'number'> &
  Partial<Omit<Shot, 'id' | 'sceneId' | 'number'>>;

export const DEFAULT_SHOT_DURATION_MS = 3000 as Milliseconds;

export function createShot(props: ShotInit): Shot {
  return {
    shotType: 'MS',
    cameraAngle: 'eye',
    cameraMove: 'static',
    action: '',
    dialogue: [],
    notes: '',
    characterIds: [],
    frameHash: null,
    frameSource: null,
    frameSignature: '',
    omitted: false,
    prompt: '',
    takes: [],
    framing: null,
    transitionOut: CUT,
    audio: [],
    ...props,
    durationMs: clampShotDuration(props.durationMs ?? DEFAULT_SHOT_DURATION_MS),
  };
}

/** The fields a user may edit directly in the inspector. */
export type ShotPatch = Partial<
  Pick<
    Shot,
    | 'shotType'
    | 'cameraAngle'
    | 'cameraMove'
    | 'durationMs'
    | 'action'
    | 'dialogue'
    | 'notes'
    | 'characterIds'
    | 'number'
    | 'prompt'
  >
>;
