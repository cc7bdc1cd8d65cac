import type { Character } from '../model/character';
import { aspectValue, type ProjectMeta, type ProjectSnapshot } from '../model/project';
import type { Scene } from '../model/scene';
import type { Shot } from '../model/shot';
import { sketchSignature, type SketchInput } from './sketch/sketchInput';
import { resolveStyle } from './frames/stylePresets';
import { sketchLookForStyle, type SketchLook } from './sketch/look';

/** Sketches are drawn this many pixels on their long side (720p renders need no upscaling). */
export const SKETCH_LONG_SIDE_PX = 1280;

const CAPTION_MAX_CHARS = 140;

function captionOf(shot: Shot): string {
  const first = shot.dialogue[0];
  const text = shot.action.trim() || (first ? `${first.speaker}: ${first.line}` : '');
  return text.length > CAPTION_MAX_CHARS ? `${text.slice(0, CAPTION_MAX_CHARS - 1)}…` : text;
}

/** The fields of a shot (and its scene) a sketch is drawn from. */
export function sketchInputFor(
  shot: Shot,
  scene: Scene | undefined,
  characters: readonly Character[],
  aspectRatio: number,
  look: SketchLook = 'marker',
  captionBand = true,
): SketchInput {
  const names = new Map(characters.map((c) => [c.id, c.name]));
  return {
    shotNumber: shot.number,
    shotType: shot.shotType,
    cameraAngle: shot.cameraAngle,
    cameraMove: shot.cameraMove,
    intExt: scene?.intExt ?? 'NONE',
    location: scene?.location ?? '',
    timeOfDay: scene?.timeOfDay ?? '',
    characters: shot.characterIds.flatMap((id) => names.get(id) ?? []),
    caption: captionOf(shot),
    aspectRatio,
    ...(look !== 'marker' ? { look } : {}),
    ...(captionBand ? {} : { captionBand: false }),
  };
}

/** The look of the project's offline sketches: the one stored when its style was chosen. */
export function sketchLookOf(meta: ProjectSnapshot['meta']): SketchLook {
  return meta.sketchLook;
}

/**
 * A change of style as the settings patch to send: with the look the new style gives sketches,
 * so choosing Noir redraws them dark (only a person's choice redraws them; see sketchLook.ts).
 */
export function styleChange<P extends Pick<Partial<ProjectMeta>, 'stylePresetId' | 'customStyles'>>(
  meta: ProjectMeta,
  patch: P,
): P & { sketchLook: SketchLook } {
  return { ...patch, sketchLook: sketchLookForStyle(resolveStyle({ ...meta, ...patch })) };
}

export function sketchSize(aspectRatio: number): { width: number; height: number } {
  const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);
  return aspectRatio >= 1
    ? { width: SKETCH_LONG_SIDE_PX, height: even(SKETCH_LONG_SIDE_PX / aspectRatio) }
    : { width: even(SKETCH_LONG_SIDE_PX * aspectRatio), height: SKETCH_LONG_SIDE_PX };
}

export interface SketchJob {
  readonly shotId: Shot['id'];
  readonly input: SketchInput;
  readonly signature: string;
}

/** The sketch a shot needs, or null when its frame is current or not a sketch. */
function jobFor(
  shot: Shot,
  scene: Scene | undefined,
  snapshot: ProjectSnapshot,
  aspect: number,
  look: SketchLook,
): SketchJob | null {
  if (shot.frameSource !== null && shot.frameSource !== 'sketch') return null;
  const input = sketchInputFor(
    shot,
    scene,
    snapshot.characters,
    aspect,
    look,
    snapshot.meta.sketchCaptionBand,
  );
  const signature = sketchSignature(input);
  const current = shot.frameHash !== null && shot.frameSignature === signature;
  return current ? null : { shotId: shot.id, input, signature };
}

/**
 * Shots that need a sketch: those with no frame at all, and those whose current frame is a
 * sketch drawn from fields that have changed since. Drawn, generated and uploaded frames are
 * never replaced.
 */
export function sketchJobsFor(snapshot: ProjectSnapshot): SketchJob[] {
  const aspect = aspectValue(snapshot.meta.aspectRatio);
  const look = sketchLookOf(snapshot.meta);
  const scenes = new Map(snapshot.scenes.map((s) => [s.id, s]));
  return snapshot.shots.flatMap(
    (shot) => jobFor(shot, scenes.get(shot.sceneId), snapshot, aspect, look) ?? [],
  );
}

/** The one shot's job, if it still needs the sketch `signature` (cheap: no pass over all shots). */
export function isSketchStillWanted(snapshot: ProjectSnapshot, job: SketchJob): boolean {
  const shot = snapshot.shots.find((s) => s.id === job.shotId);
  if (!shot) return false;
  const scene = snapshot.scenes.find((s) => s.id === shot.sceneId);
  return (
    jobFor(
      shot,
      scene,
      snapshot,
      aspectValue(snapshot.meta.aspectRatio),
      sketchLookOf(snapshot.meta),
    )?.signature === job.signature
  );
}
