import type { TimelineRate } from './rates';

/**
 * SMPTE timecode for frame counts. Drop frame (29.97 only) skips frame numbers 00 and 01 at the
 * start of every minute except each tenth, so 01:00:00;00 is 1 hour of wall clock: 107,892 frames,
 * not 108,000. The separator before the frames is `;` in drop frame and `:` otherwise.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** Frame numbers skipped per minute, and frames in ten minutes of drop-frame timecode. */
function dropFrameParts(rate: TimelineRate) {
  const dropped = Math.round(rate.timebase / 15); // 2 at 30
  const perMinute = rate.timebase * 60 - dropped;
  const perTenMinutes = perMinute * 10 + dropped;
  return { dropped, perMinute, perTenMinutes };
}

export function frameToTimecode(frame: number, rate: TimelineRate): string {
  const fps = rate.timebase;
  let n = Math.max(0, Math.round(frame));
  if (rate.dropFrame) {
    const { dropped, perMinute, perTenMinutes } = dropFrameParts(rate);
    const tens = Math.floor(n / perTenMinutes);
    const rest = n % perTenMinutes;
    n += 9 * dropped * tens;
    if (rest > dropped) n += dropped * Math.floor((rest - dropped) / perMinute);
  }
  const ff = n % fps;
  const totalSeconds = Math.floor(n / fps);
  const separator = rate.dropFrame ? ';' : ':';
  return `${pad(Math.floor(totalSeconds / 3600))}:${pad(Math.floor(totalSeconds / 60) % 60)}:${pad(totalSeconds % 60)}${separator}${pad(ff)}`;
}

const TIMECODE = /^(\d{1,2})[:;.](\d{2})[:;.](\d{2})[:;.,](\d{2})$/;

/** `01:00:00;00` → its frame count at `rate`; null for text that is no timecode. */
export function timecodeToFrame(text: string, rate: TimelineRate): number | null {
  const match = TIMECODE.exec(text.trim());
  if (!match) return null;
  const [hh, mm, ss, ff] = match.slice(1).map(Number) as [number, number, number, number];
  const fps = rate.timebase;
  if (mm > 59 || ss > 59 || ff >= fps) return null;
  const totalMinutes = hh * 60 + mm;
  let frames = (totalMinutes * 60 + ss) * fps + ff;
  if (rate.dropFrame) {
    const { dropped } = dropFrameParts(rate);
    frames -= dropped * (totalMinutes - Math.floor(totalMinutes / 10));
  }
  return frames;
}

/** Where editors start a programme: one hour in, so pre-roll never needs negative timecode. */
export function programmeStartFrame(rate: TimelineRate): number {
  return timecodeToFrame('01:00:00:00', rate) ?? 0;
}
