import { ms, type Milliseconds } from './units';

/** Start time of each shot on the timeline, given their durations in board order. */
export function shotStartTimes(durations: readonly Milliseconds[]): Milliseconds[] {
  let t = 0;
  return durations.map((d) => {
    const start = ms(t);
    t += d;
    return start;
  });
}

/**
 * Which shot is on screen at time `t`, and how far into it. Times before 0 clamp to the first
 * shot, times at or past the end to the last (a player that reached the end rests there).
 */
export function shotAtTime(
  durations: readonly Milliseconds[],
  t: number,
): { index: number; offset: Milliseconds } | null {
  if (durations.length === 0) return null;
  let start = 0;
  for (let i = 0; i < durations.length; i++) {
    const d = durations[i] ?? 0;
    if (t < start + d || i === durations.length - 1) {
      return { index: i, offset: ms(Math.max(0, Math.min(d, t - start))) };
    }
    start += d;
  }
  return null;
}

/** `75_250` ms at 24 fps → `00:01:15:06` (SMPTE-style, non-drop). */
export function formatTimecode(t: Milliseconds, frameRate: number): string {
  const totalFrames = Math.floor((t * frameRate) / 1000 + 1e-6);
  const frames = totalFrames % frameRate;
  const totalSeconds = Math.floor(totalFrames / frameRate);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(totalSeconds / 3600))}:${pad(Math.floor(totalSeconds / 60) % 60)}:${pad(totalSeconds % 60)}:${pad(frames)}`;
}
