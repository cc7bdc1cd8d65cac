import type { AudioClip, MusicTrack } from '../model/audio';
import type { Milliseconds } from '../model/units';
import { WHOLE_TIMELINE, type RangePart } from './renderRange';

/**
 * The sound of an animatic as pure data: which recording plays when, how loud, with which fades.
 * audioMix.ts turns it into samples with an OfflineAudioContext.
 */
export const MIX_SAMPLE_RATE = 48_000;
export const MIX_CHANNELS = 2;
/** A ramp this short is inaudible as a fade but removes the click of a clip starting or stopping. */
export const DECLICK_MS = 5;

export interface MixSource {
  /** Asset hash of the recording. */
  readonly key: string;
  readonly kind: 'clip' | 'music';
  /** Timeline time the recording's first sample plays at; negative starts part-way into it. */
  readonly startMs: number;
  /** Timeline time it is cut at (the end of the animatic); it may end earlier on its own. */
  readonly stopMs: number;
  readonly gain: number;
  readonly fadeInMs: number;
  /** Fade ending where the source ends (its own end or `stopMs`, whichever comes first). */
  readonly fadeOutMs: number;
  /**
   * Timeline time it is heard from when that is later than `startMs`: the music of a part of the
   * animatic comes in part-way through, with a declick rather than its fade-in.
   */
  readonly fromMs?: number;
  /** The fade when it is cut at `stopMs` before its own end (`fadeOutMs` if not given). */
  readonly cutFadeMs?: number;
  /** Repeats until `stopMs` (a looped music bed) instead of ending with the recording. */
  readonly loop?: boolean;
}

export interface AudioMixPlan {
  /** Length of the mix: the video's exact length, so the two tracks end together. */
  readonly durationMs: number;
  readonly sources: readonly MixSource[];
}

/**
 * Places every clip of the timeline's shots (in order, back to back) and the music bed. A render
 * of part of the animatic passes its `parts` (renderRange.ts): each plays the music from where
 * it is on the whole timeline, fades in only where the animatic starts and out only where it
 * ends, and is cut with a declick elsewhere. Null when there is nothing to hear, so a silent
 * project renders without an audio track.
 */
export function buildAudioMixPlan(
  shots: readonly { readonly durationMs: Milliseconds; readonly audio: readonly AudioClip[] }[],
  music: MusicTrack | null,
  durationMs: number,
  parts: readonly RangePart[] = WHOLE_TIMELINE,
): AudioMixPlan | null {
  const sources: MixSource[] = [];
  if (music !== null && music.volume > 0) {
    for (const [i, part] of parts.entries()) {
      const stopMs = Math.min(durationMs, parts[i + 1]?.atMs ?? durationMs);
      if (stopMs <= part.atMs) continue;
      sources.push({
        key: music.assetHash,
        kind: 'music',
        startMs: part.atMs - part.timelineMs,
        stopMs,
        gain: music.volume,
        fadeInMs: music.fadeInMs,
        fadeOutMs: music.fadeOutMs,
        ...(part.timelineMs > 0 ? { fromMs: part.atMs } : {}),
        ...(part.toTimelineEnd ? {} : { cutFadeMs: DECLICK_MS }),
        ...(music.loop === true ? { loop: true } : {}),
      });
    }
  }
  let shotStart = 0;
  for (const shot of shots) {
    for (const clip of shot.audio) {
      const startMs = shotStart + clip.offsetMs;
      const endMs = Math.min(durationMs, startMs + clip.durationMs);
      if (clip.muted === true || clip.volume <= 0 || endMs <= 0 || startMs >= durationMs) continue;
      sources.push({
        key: clip.assetHash,
        kind: 'clip',
        startMs,
        stopMs: durationMs,
        gain: clip.volume,
        fadeInMs: DECLICK_MS,
        fadeOutMs: DECLICK_MS,
      });
    }
    shotStart += shot.durationMs;
  }
  return sources.length > 0 ? { durationMs, sources } : null;
}

/** One point of a gain envelope: linear ramps between points, times on the timeline. */
export interface GainPoint {
  readonly atMs: number;
  readonly gain: number;
}

/**
 * The gain envelope of a source that really lasts `lengthMs` (known once decoded): silent before
 * it, fade in, hold, fade out to its end. Fades longer than half the source are shortened so the
 * two never cross.
 */
export function gainEnvelope(source: MixSource, lengthMs: number): GainPoint[] {
  const start = source.startMs;
  // A looped source has no end of its own: only `stopMs` ends it.
  const ownEnd = source.loop === true ? Infinity : source.startMs + lengthMs;
  const end = Math.min(source.stopMs, ownEnd);
  const from = Math.max(start, source.fromMs ?? start);
  if (end <= from) return [];
  const half = (end - start) / 2;
  const fadeIn = Math.min(source.fadeInMs, half);
  const cut = end < ownEnd ? (source.cutFadeMs ?? source.fadeOutMs) : source.fadeOutMs;
  const fadeOut = Math.min(cut, half);
  const shape = [
    { atMs: start, gain: fadeIn > 0 ? 0 : source.gain },
    { atMs: start + fadeIn, gain: source.gain },
    { atMs: end - fadeOut, gain: source.gain },
    { atMs: end, gain: fadeOut > 0 ? 0 : source.gain },
  ];
  if (from === start) return shape;
  // Heard from part-way in: silent at `from`, then its own shape after a declick.
  const inAt = Math.min(from + DECLICK_MS, end);
  return [
    { atMs: from, gain: 0 },
    { atMs: inAt, gain: gainAt(shape, inAt) },
    ...shape.filter((point) => point.atMs > inAt),
  ];
}

/** The envelope's gain at `atMs`, between its points (linear, as the mix ramps). */
export function gainAt(points: readonly GainPoint[], atMs: number): number {
  let before = points[0];
  for (const point of points) {
    if (point.atMs >= atMs) {
      if (!before || point.atMs === before.atMs) return point.gain;
      const t = (atMs - before.atMs) / (point.atMs - before.atMs);
      return before.gain + t * (point.gain - before.gain);
    }
    before = point;
  }
  return before?.gain ?? 0;
}
