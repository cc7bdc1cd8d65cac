import { z } from 'zod';
import { musicTrackSchema } from './audio';
import { characterSchema } from './character';
import type { ProjectId } from './ids';
import { migrationSequence } from './migrations';
import { sceneSchema, type Scene } from './scene';
import { PROJECT_SCHEMA_VERSION } from './schemaVersion';
import { shotSchema, type Shot } from './shot';
import { SKETCH_LOOKS } from './sketchLook';
import type { Stored } from './stored';
import { DEFAULT_STYLE_PRESET_ID, stylePresetSchema } from './stylePreset';
import { fps, ms, type Milliseconds } from './units';

export { PROJECT_SCHEMA_VERSION } from './schemaVersion';

export const ASPECT_RATIOS = ['16:9', '2.39:1', '1.85:1', '4:3', '1:1', '9:16', '4:5'] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

/**
 * How frames of another shape sit in the project's frame when the ratio changes (aspect.ts):
 * `letterbox` shows all of the picture with bars, `crop` fills the frame and cuts the overflow,
 * `extend` shows all of it on a canvas grown with paper. Only the presentation: the frames
 * themselves are never changed, so going to 9:16 and back shows exactly what was there.
 */
export const FRAME_FITS = ['letterbox', 'crop', 'extend'] as const;
export type FrameFit = (typeof FRAME_FITS)[number];

export const FRAME_RATES = [24, 25, 30] as const;

const frameRateSchema = z
  .number()
  .refine((value) => (FRAME_RATES as readonly number[]).includes(value), {
    message: `Frame rate must be one of ${FRAME_RATES.join(', ')}`,
  })
  .brand<'FramesPerSecond'>();

/** Project-wide settings: the `meta` map of the document. Every field has its default here. */
export const projectMetaSchema = z.object({
  /** The shape the document was written in (schemaVersion.ts); a missing one is a new document. */
  schemaVersion: z.number().int().positive().default(PROJECT_SCHEMA_VERSION),
  title: z.string().default(''),
  aspectRatio: z.enum(ASPECT_RATIOS).default('16:9'),
  frameFit: z.enum(FRAME_FITS).default('letterbox'),
  frameRate: frameRateSchema.default(fps(24)),
  /** Which style generated frames are drawn in: a built-in preset's id or a custom one's. */
  stylePresetId: z.string().default(DEFAULT_STYLE_PRESET_ID),
  /** Styles this project defined itself, shared with everyone who works on it. */
  customStyles: z.array(stylePresetSchema).default([]),
  /**
   * How offline sketches look (sketchLook.ts): follows the style when a person picks one; a
   * project saved before looks existed reads as `marker`, its sketches unchanged.
   */
  sketchLook: z.enum(SKETCH_LOOKS).default('marker'),
  /**
   * Whether offline sketches paint the caption band (shot number, type, slugline, action) into
   * the picture. The render and the boards show that information as an overlay instead
   * (render/compose/shotInfo.ts), so projects made from now on say false. A project saved
   * before this setting existed reads as true: its sketches keep their band and their
   * signatures, and are redrawn only when a person turns the band off (StyleDialog).
   */
  sketchCaptionBand: z.boolean().default(true),
  /** The animatic's music bed (audio.ts); null when there is none. */
  music: musicTrackSchema.nullable().default(null),
});

export type ProjectMeta = Stored<typeof projectMetaSchema>;

export const metaMigrations = migrationSequence('meta', []);

/** A whole project as plain data: what the UI renders and what exports serialise. */
export const projectSnapshotSchema = z.object({
  meta: projectMetaSchema,
  /** In script order. */
  scenes: z.array(sceneSchema),
  /** In board order: grouped by scene in scene order, then by position within the scene. */
  shots: z.array(shotSchema),
  characters: z.array(characterSchema),
});

export type ProjectSnapshot = Stored<typeof projectSnapshotSchema>;

/** The schema's defaults, read once from the schema itself. */
const META_DEFAULTS: ProjectMeta = projectMetaSchema.parse({});

/** Settings of a project made now: the schema's defaults, except what only older ones keep. */
export function createProjectMeta(title: string): ProjectMeta {
  return Object.assign({}, META_DEFAULTS, { title, sketchCaptionBand: false });
}

export const EMPTY_SNAPSHOT: ProjectSnapshot = {
  meta: createProjectMeta(''),
  scenes: [],
  shots: [],
  characters: [],
};

/** The shots that play, in order: everything on the board except OMITTED shots. */
export function timelineShots(snapshot: Pick<ProjectSnapshot, 'shots'>): Shot[] {
  return snapshot.shots.filter((shot) => !shot.omitted);
}

/** Whether anything plays (some shot is not OMITTED), without building the timeline's list. */
export function hasTimelineShots(snapshot: Pick<ProjectSnapshot, 'shots'>): boolean {
  return snapshot.shots.some((shot) => !shot.omitted);
}

/**
 * Length of the animatic: the timeline's shots back to back. One pass without building arrays:
 * the header shows it on every render, and a keystroke in a 5,000-shot project renders it.
 */
export function totalDuration(snapshot: Pick<ProjectSnapshot, 'shots'>): Milliseconds {
  let sum = 0;
  for (const shot of snapshot.shots) if (!shot.omitted) sum += shot.durationMs;
  return ms(sum);
}

export function shotsOfScene(
  snapshot: Pick<ProjectSnapshot, 'shots'>,
  sceneId: Scene['id'],
): Shot[] {
  return snapshot.shots.filter((shot) => shot.sceneId === sceneId);
}

/** Aspect ratio as width / height. */
export function aspectValue(aspect: AspectRatio): number {
  const [w, h] = aspect.split(':').map(Number);
  return (w ?? 16) / (h ?? 9);
}

/** Row in the local projects list; the Y.Doc stays the truth for the title, this mirrors it. */
export interface ProjectSummary {
  readonly id: ProjectId;
  readonly title: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly shotCount: number;
  readonly duration: Milliseconds;
}
