import { z } from 'zod';
import type { Brand } from './brand';

export type Milliseconds = Brand<number, 'Milliseconds'>;
export type FramesPerSecond = Brand<number, 'FramesPerSecond'>;
export type FrameCount = Brand<number, 'FrameCount'>;

/** A stored time or duration: whole milliseconds within [min, max]. */
export function millisecondsSchema(min: number, max: number) {
  return z.number().int().min(min).max(max).brand<'Milliseconds'>();
}

export function ms(value: number): Milliseconds {
  return value as Milliseconds;
}

export function fps(value: number): FramesPerSecond {
  return value as FramesPerSecond;
}

/** The shortest shot a user can set: one frame at 30 fps rounds to this. */
export const MIN_SHOT_DURATION_MS = ms(100);
/** Ten minutes per shot is already absurd for a board; the cap keeps renders bounded. */
export const MAX_SHOT_DURATION_MS = ms(600_000);

export function clampShotDuration(value: number): Milliseconds {
  if (!Number.isFinite(value)) return MIN_SHOT_DURATION_MS;
  return ms(Math.round(Math.min(MAX_SHOT_DURATION_MS, Math.max(MIN_SHOT_DURATION_MS, value))));
}

/** Frames a duration spans at a frame rate, rounded to the nearest frame. */
export function toFrames(duration: Milliseconds, rate: FramesPerSecond): FrameCount {
  return Math.round((duration * rate) / 1000) as FrameCount;
}

export function sumDurations(durations: readonly Milliseconds[]): Milliseconds {
  return ms(durations.reduce((total, d) => total + d, 0));
}

/** `83_500` → `1:23.5`; used for board labels and the total in the header. */
export function formatDuration(duration: Milliseconds): string {
  const tenths = Math.round(duration / 100);
  const minutes = Math.floor(tenths / 600);
  const seconds = (tenths % 600) / 10;
  const secondsText = seconds.toFixed(1).padStart(4, '0');
  return minutes > 0 ? `${minutes}:${secondsText}` : `${seconds.toFixed(1)}s`;
}
