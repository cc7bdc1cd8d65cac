import type { AudioClip } from './audio';
import { MAX_AUDIO_MS } from './audio';
import type { CharacterId, ShotId } from './ids';
import type { ProjectSnapshot } from './project';
import type { Shot } from './shot';
import type { Take } from './take';
import { clampShotDuration, ms, sumDurations } from './units';

/**
 * Merging shots of one scene into the first of them (board order): one shot that plays what they
 * played, back to back. The first keeps its id, printed number, frame, camera and prompt; the
 * others' numbers are retired (numbers are never reused for something else). Nothing anyone made
 * is dropped that can be kept: dialogue, action and notes are joined, the cast is the union,
 * sound clips keep their moment in the animatic, generated takes all stay on the merged shot.
 */

export class MergeError extends Error {
  override readonly name = 'MergeError';
}

function joinText(parts: readonly string[], separator: string): string {
  return parts
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .join(separator);
}

function union<T>(lists: readonly (readonly T[])[]): T[] {
  return [...new Set(lists.flat())];
}

/** Takes are immutable: the same id and image twice (a duplicated shot's) is one take. */
function mergedTakes(shots: readonly Shot[]): Take[] {
  const seen = new Set<string>();
  const takes: Take[] = [];
  for (const take of shots.flatMap((s) => s.takes)) {
    const key = `${take.id}:${take.hash}`;
    if (!seen.has(key)) takes.push(take);
    seen.add(key);
  }
  return takes;
}

/** Each shot's clips shifted by where that shot started; ids kept unique within the shot. */
function mergedAudio(shots: readonly Shot[], freshId: () => string): AudioClip[] {
  const clips: AudioClip[] = [];
  const ids = new Set<string>();
  let start = 0;
  for (const shot of shots) {
    for (const clip of shot.audio) {
      const id = ids.has(clip.id) ? freshId() : clip.id;
      ids.add(id);
      const offsetMs = ms(Math.min(MAX_AUDIO_MS, clip.offsetMs + start));
      clips.push({ ...clip, id, offsetMs });
    }
    start += shot.durationMs;
  }
  return clips;
}

/** Someone's work, not a redrawable sketch. */
function isMadeFrame(shot: Shot): boolean {
  return shot.frameHash !== null && shot.frameSource !== null && shot.frameSource !== 'sketch';
}

/**
 * The merged shot. `shots` are in board order and all of one scene; `freshId` makes ids for sound
 * clips that would otherwise collide (a shot merged with its own duplicate).
 */
export function planMerge(shots: readonly Shot[], freshId: () => string): Shot {
  const [first, ...rest] = shots;
  if (!first || rest.length === 0) throw new MergeError('Merging needs two shots or more');
  if (rest.some((s) => s.sceneId !== first.sceneId)) {
    throw new MergeError('Only shots of one scene can be merged');
  }
  const omitted = shots.find((s) => s.omitted);
  if (omitted) throw new MergeError(`Shot ${omitted.number} is OMITTED: restore it first`);
  const last = shots[shots.length - 1] ?? first;
  // The first shot's frame, unless it is a sketch and a later shot has someone's drawing.
  const framed = isMadeFrame(first) ? first : (shots.find(isMadeFrame) ?? first);
  return {
    ...first,
    durationMs: clampShotDuration(sumDurations(shots.map((s) => s.durationMs))),
    action: joinText(
      shots.map((s) => s.action),
      '\n\n',
    ),
    notes: joinText(
      shots.map((s) => s.notes),
      '\n',
    ),
    dialogue: shots.flatMap((s) => s.dialogue),
    characterIds: union<CharacterId>(shots.map((s) => s.characterIds)),
    prompt: shots.find((s) => s.prompt.trim() !== '')?.prompt ?? '',
    takes: mergedTakes(shots),
    audio: mergedAudio(shots, freshId),
    frameHash: framed.frameHash,
    frameSource: framed.frameSource,
    frameSignature: framed.frameSignature,
    // The merged shot hands over to what followed the last of them.
    transitionOut: last.transitionOut,
  };
}

/** Frames a merge leaves behind that someone drew, generated or uploaded (for the warning). */
export function framesLostByMerge(shots: readonly Shot[]): Shot[] {
  const merged = planMerge(shots, () => '');
  return shots.filter(
    (s) =>
      isMadeFrame(s) &&
      s.frameHash !== merged.frameHash &&
      !merged.takes.some((take) => take.hash === s.frameHash),
  );
}

/**
 * The shot "merge with next" joins `shotId` with: the next one in its scene. Null at the end of a
 * scene, or when either is OMITTED (restore it first).
 */
export function mergePartner(
  snapshot: Pick<ProjectSnapshot, 'shots'>,
  shotId: ShotId,
): Shot | null {
  const at = snapshot.shots.findIndex((s) => s.id === shotId);
  const shot = snapshot.shots[at];
  const next = snapshot.shots[at + 1];
  if (!shot || !next || next.sceneId !== shot.sceneId || shot.omitted || next.omitted) return null;
  return next;
}
