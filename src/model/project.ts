import { z } from 'zod';
import { musicTrackSchema, type MusicTrack } from './audio';
import { characterSchema, type Character } from './character';
import type { ProjectId } from './ids';
import { sceneSchema, type Scene } from './scene';
import { shotSchema, type Shot } from './shot';
import { DEFAULT_STYLE_PRESET_ID, stylePresetSchema, type StylePreset } from './stylePreset';
import { fps, sumDurations, type FramesPerSecond, type Milliseconds } from './units';

/**
 * Version of the project document's shape. Bump it when a field changes meaning or moves, and add
 * a migration in store/projectDoc. A client that meets a newer version than it knows must not
 * write to that document (it would drop fields it does not understand).
 */
export const PROJECT_SCHEMA_VERSION = 1;

export const ASPECT_RATIOS = ['16:9', '2.39:1', '1.85:1', '4:3', '1:1', '9:16'] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

export const FRAME_RATES = [24, 25, 30] as const;

export interface ProjectMeta {
  readonly schemaVersion: number;
  readonly title: string;
  readonly aspectRatio: AspectRatio;
  readonly frameRate: FramesPerSecond;
  /** Which style generated frames are drawn in: a built-in preset's id or a custom one's. */
  readonly stylePresetId: string;
  /** Styles this project defined itself, shared with everyone who works on it. */
  readonly customStyles: readonly StylePreset[];
  /** The animatic's music bed (audio.ts); null when there is none. */
  readonly music: MusicTrack | null;
}

/** A whole project as plain data: what the UI renders and what exports serialise. */
export interface ProjectSnapshot {
  readonly meta: ProjectMeta;
  /** In script order. */
  readonly scenes: readonly Scene[];
  /** In board order: grouped by scene in scene order, then by position within the scene. */
  readonly shots: readonly Shot[];
  readonly characters: readonly Character[];
}

export const projectMetaSchema = z.object({
  schemaVersion: z.number().int().positive(),
  title: z.string(),
  aspectRatio: z.enum(ASPECT_RATIOS),
  frameRate: z.union([z.literal(24), z.literal(25), z.literal(30)]),
  stylePresetId: z.string().default(DEFAULT_STYLE_PRESET_ID),
  customStyles: z.array(stylePresetSchema).default([]),
  music: musicTrackSchema.nullable().default(null),
});

export const projectSnapshotSchema = z.object({
  meta: projectMetaSchema,
  scenes: z.array(sceneSchema),
  shots: z.array(shotSchema),
  characters: z.array(characterSchema),
});

export function createProjectMeta(title: string): ProjectMeta {
  return {
    schemaVersion: PROJECT_SCHEMA_VERSION,
    title,
    aspectRatio: '16:9',
    frameRate: fps(24),
    stylePresetId: DEFAULT_STYLE_PRESET_ID,
    customStyles: [],
    music: null,
  };
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

/** Length of the animatic: the timeline's shots back to back. */
export function totalDuration(snapshot: Pick<ProjectSnapshot, 'shots'>): Milliseconds {
  return sumDurations(timelineShots(snapshot).map((shot) => shot.durationMs));
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
