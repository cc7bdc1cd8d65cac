import type { AudioClip, MusicTrack } from '../model/audio';
import type { Milliseconds } from '../model/units';

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
}

export interface AudioMixPlan {
  /** Length of the mix: the video's exact length, so the two tracks end together. */
  readonly durationMs: number;
  readonly sources: readonly MixSource[];
}

/**
 * Places every clip of the timeline's shots (in order, back to back) and the music bed. Null
 * when there is nothing to hear, so a silent project renders without an audio track.
 */
export function buildAudioMixPlan(
  shots: readonly { readonly durationMs: Milliseconds; readonly audio: readonly AudioClip[] }[],
  music: MusicTrack | null,
  durationMs: number,
): AudioMixPlan | null {
  const sources: MixSource[] = [];
  if (music !== null && music.volume > 0) {
    sources.push({
      key: music.assetHash,
      kind: 'music',
      startMs: 0,
      stopMs: durationMs,
      gain: music.volume,
      fadeInMs: music.fadeInMs,
      fadeOutMs: music.fadeOutMs,
    });
  }
  let shotStart = 0;
  for (const shot of shots) {
    for (const clip of shot.audio) {
      const startMs = shotStart + clip.offsetMs;
      const endMs = Math.min(durationMs, startMs + clip.durationMs);
      if (clip.volume <= 0 || endMs <= 0 || startMs >= durationMs) continue;
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
  const end = Math.min(source.stopMs, source.startMs + lengthMs);
  if (end <= start) return [];
  const half = (end - start) / 2;
  const fadeIn = Math.min(source.fadeInMs, half);
  const fadeOut = Math.min(source.fadeOutMs, half);
  return [
    { atMs: start, gain: fadeIn > 0 ? 0 : source.gain },
    { atMs: start + fadeIn, gain: source.gain },
    { atMs: end - fadeOut, gain: source.gain },
    { atMs: end, gain: fadeOut > 0 ? 0 : source.gain },
  ];
}
