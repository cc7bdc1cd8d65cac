import { z } from 'zod';
import { audioClipSchema } from './audio';
import { CAMERA_ANGLES, CAMERA_MOVES, SHOT_TYPES } from './camera';
import { shotFramingSchema } from './framing';
import { assetHashSchema, characterIdSchema, sceneIdSchema, shotIdSchema } from './ids';
import { migrationSequence } from './migrations';
import type { Stored } from './stored';
import { takeSchema } from './take';
import { CUT, transitionSchema } from './transition';
import {
  clampShotDuration,
  MAX_SHOT_DURATION_MS,
  MIN_SHOT_DURATION_MS,
  millisecondsSchema,
  ms,
} from './units';

export const dialogueLineSchema = z.object({
  /** The character name as the script prints it. */
  speaker: z.string(),
  line: z.string(),
  /** `(beat)`, `(whispering)` — without the brackets; empty when there is none. */
  parenthetical: z.string(),
});
export type DialogueLine = Stored<typeof dialogueLineSchema>;

/** Where the current frame came from; only `sketch` frames are redrawn when the shot changes. */
export const FRAME_SOURCES = ['sketch', 'drawn', 'ai', 'upload'] as const;
export type FrameSource = (typeof FRAME_SOURCES)[number];

export const DEFAULT_SHOT_DURATION_MS = ms(3000);

/**
 * A shot as stored. Every field but the identity (`id`, `sceneId`, `number`) has its default
 * here, and only here: `createShot` fills them in for new shots, readers for records written
 * before a field existed.
 */
export const shotSchema = z.object({
  id: shotIdSchema,
  sceneId: sceneIdSchema,
  /**
   * Printed shot number, built on the scene number: `3`, `3A`, `3B`. Assigned once when the shot
   * is created and never recomputed, so the numbers on printed boards stay true after inserts.
   * See numbering.ts for how new numbers are chosen.
   */
  number: z.string(),
  shotType: z.enum(SHOT_TYPES).default('MS'),
  cameraAngle: z.enum(CAMERA_ANGLES).default('eye'),
  cameraMove: z.enum(CAMERA_MOVES).default('static'),
  /** Screen time of the shot. Always within [MIN_SHOT_DURATION_MS, MAX_SHOT_DURATION_MS]. */
  durationMs: millisecondsSchema(MIN_SHOT_DURATION_MS, MAX_SHOT_DURATION_MS).default(
    DEFAULT_SHOT_DURATION_MS,
  ),
  action: z.string().default(''),
  dialogue: z.array(dialogueLineSchema).default([]),
  notes: z.string().default(''),
  characterIds: z.array(characterIdSchema).default([]),
  /** Hash of the current frame's image in the asset store; null until one is made. */
  frameHash: assetHashSchema.nullable().default(null),
  frameSource: z.enum(FRAME_SOURCES).nullable().default(null),
  /**
   * Hash of a clip (a video take) that plays in place of the still, in the timeline, the
   * preview and the render: from the shot's start, cut at its end, its last frame held if it is
   * shorter. The still stays the frame (boards, PDFs, thumbnails) and comes back when this is
   * null. Camera moves are not applied over a clip: the clip has its own motion.
   */
  clipHash: assetHashSchema.nullable().default(null),
  /**
   * For sketch frames: the signature of the fields the sketch was drawn from. When the shot's
   * current signature differs, the sketch is stale and is redrawn.
   */
  frameSignature: z.string().default(''),
  /**
   * The script no longer has this beat (a new draft cut it), but the shot was kept because its
   * frame is someone's work. Shown as OMITTED on the board, left out of renders; the user
   * deletes it or brings it back.
   */
  omitted: z.boolean().default(false),
  /**
   * The prompt for generated frames as the user edited it; empty means "build it from the shot"
   * (src/ai/frames/promptBuilder.ts), so edits to the shot keep flowing into the prompt until
   * someone writes their own.
   */
  prompt: z.string().default(''),
  /**
   * Every generated image the shot was given, oldest first. Picking one makes it the frame
   * (`frameHash`, `frameSource: 'ai'`); the others stay so nothing generated is lost. Stored
   * apart from the shot's fields (a Y.Array of take records), migrated by take.ts's steps.
   */
  takes: z.array(takeSchema).default([]),
  /**
   * The camera move drawn for this shot; null means "the preset of `cameraMove`" (framing.ts
   * `framingFor`), so changing the move label in the inspector still changes the animatic until
   * someone draws an explicit move.
   */
  framing: shotFramingSchema.nullable().default(null),
  /** How this shot hands over to the next (transition.ts: centred on the cut). */
  transitionOut: transitionSchema.default(CUT),
  /** Sound clips placed on this shot (audio.ts), in no particular order. */
  audio: z.array(audioClipSchema).default([]),
});

export type Shot = Stored<typeof shotSchema>;

/**
 * Steps that bring a shot written by an older build to this shape (migrations.ts). The shot's
 * own fields only: its takes have their own sequence (take.ts).
 */
export const shotMigrations = migrationSequence('shot', []);

export type ShotInit = Pick<Shot, 'id' | 'sceneId' | 'number'> &
  Partial<Omit<Shot, 'id' | 'sceneId' | 'number'>>;

/** The schema's defaults, read once from the schema itself. */
const SHOT_DEFAULTS: Omit<Shot, 'id' | 'sceneId' | 'number'> = shotSchema
  .omit({ id: true, sceneId: true, number: true })
  .parse({});

/**
 * A new shot: the schema's defaults under `props`, its duration within bounds. Built with
 * Object.assign onto a fresh literal: every shot then shares one hidden class, whereas a spread
 * that starts from the defaults object gave each shot its own, and reading `shot.sceneId` across
 * 5,000 such shots was 20 times slower (writeSnapshot of 5,000 shots: 4 s instead of 1 s).
 */
export function createShot(props: ShotInit): Shot {
  return Object.assign({}, SHOT_DEFAULTS, props, {
    durationMs: clampShotDuration(props.durationMs ?? SHOT_DEFAULTS.durationMs),
  });
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
