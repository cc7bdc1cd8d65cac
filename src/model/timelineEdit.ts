import { clampShotDuration, ms, type Milliseconds } from './units';

/**
 * Timeline editing maths, pure so the editor's behaviour is tested without a browser. Times are
 * milliseconds on the animatic's timeline; x is CSS pixels from the timeline's start; `zoom` is
 * pixels per second.
 */

export const MIN_ZOOM_PX_PER_S = 8;
export const MAX_ZOOM_PX_PER_S = 400;
export const DEFAULT_ZOOM_PX_PER_S = 48;
/** The playhead jumps to a cut when released within this many pixels of it. */
export const SNAP_DISTANCE_PX = 8;

export function clampZoom(pxPerSecond: number): number {
  return Math.min(MAX_ZOOM_PX_PER_S, Math.max(MIN_ZOOM_PX_PER_S, pxPerSecond));
}

export function timeToX(t: number, pxPerSecond: number): number {
  return (t / 1000) * pxPerSecond;
}

export function xToTime(x: number, pxPerSecond: number): Milliseconds {
  return ms(Math.max(0, (x / pxPerSecond) * 1000));
}

/** The start of the frame `t` falls in: the playhead always rests on a whole frame. */
export function snapToFrame(t: number, frameRate: number): Milliseconds {
  return ms(Math.round(Math.round((t * frameRate) / 1000) * (1000 / frameRate) * 1000) / 1000);
}

/** A duration as a whole number of frames at the project rate (at least one frame). */
export function frameAccurateDuration(duration: number, frameRate: number): Milliseconds {
  const frames = Math.max(1, Math.round((duration * frameRate) / 1000));
  return clampShotDuration(Math.round((frames * 1000) / frameRate));
}

/** Where each clip sits: shots back to back, in order. */
export interface ClipLayout {
  readonly index: number;
  readonly start: Milliseconds;
  readonly end: Milliseconds;
}

export function layoutClips(durations: readonly Milliseconds[]): ClipLayout[] {
  let t = 0;
  return durations.map((d, index) => {
    const start = ms(t);
    t += d;
    return { index, start, end: ms(t) };
  });
}

/**
 * Snaps a time to the nearest cut when it is within `SNAP_DISTANCE_PX` on screen, else to the
 * frame grid. Snapping by screen distance keeps it useful at every zoom level.
 */
export function snapTime(
  t: number,
  cuts: readonly number[],
  pxPerSecond: number,
  frameRate: number,
): Milliseconds {
  const threshold = (SNAP_DISTANCE_PX / pxPerSecond) * 1000;
  let nearest: number | null = null;
  for (const cut of cuts) {
    if (
      Math.abs(cut - t) <= threshold &&
      (nearest === null || Math.abs(cut - t) < Math.abs(nearest - t))
    )
      nearest = cut;
  }
  return nearest === null ? snapToFrame(t, frameRate) : ms(nearest);
}

/**
 * Trimming a clip's end by dragging: the new duration, frame-accurate and within a shot's limits.
 * Ripple is inherent — every later clip starts where this one now ends.
 */
export function trimmedDuration(
  original: Milliseconds,
  deltaX: number,
  pxPerSecond: number,
  frameRate: number,
): Milliseconds {
  return frameAccurateDuration(original + (deltaX / pxPerSecond) * 1000, frameRate);
}

/** Ruler ticks: a spacing in seconds that keeps labels at least `minPx` apart. */
export function tickSpacingSeconds(pxPerSecond: number, minPx = 64): number {
  const steps = [0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600];
  return steps.find((s) => s * pxPerSecond >= minPx) ?? 600;
}
