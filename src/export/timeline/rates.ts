/**
 * Editorial frame rates as exact rationals. 23.976 and 29.97 are really 24000/1001 and
 * 30000/1001: an NLE that is told `23.976` drifts a frame every ~42 s against one told the
 * ratio, so every conversion here goes through `num / den` and never through a decimal.
 */
export const TIMELINE_RATE_IDS = ['23.976', '24', '25', '29.97', '30'] as const;
export type TimelineRateId = (typeof TIMELINE_RATE_IDS)[number];

export interface TimelineRate {
  readonly id: TimelineRateId;
  /** Frames per second = num / den. */
  readonly num: number;
  readonly den: number;
  /** Whole frames counted per timecode second (FCP7 `timebase`, EDL frame field): 24, 25 or 30. */
  readonly timebase: number;
  /** NTSC pull-down (den 1001): FCP7 `<ntsc>TRUE</ntsc>`. */
  readonly ntsc: boolean;
  /** Timecode drops frame numbers to keep with the clock (29.97 only; 23.976 never drops). */
  readonly dropFrame: boolean;
}

const RATES: Record<TimelineRateId, TimelineRate> = {
  '23.976': { id: '23.976', num: 24000, den: 1001, timebase: 24, ntsc: true, dropFrame: false },
  '24': { id: '24', num: 24, den: 1, timebase: 24, ntsc: false, dropFrame: false },
  '25': { id: '25', num: 25, den: 1, timebase: 25, ntsc: false, dropFrame: false },
  '29.97': { id: '29.97', num: 30000, den: 1001, timebase: 30, ntsc: true, dropFrame: true },
  '30': { id: '30', num: 30, den: 1, timebase: 30, ntsc: false, dropFrame: false },
};

export function timelineRate(id: TimelineRateId): TimelineRate {
  return RATES[id];
}

export function isTimelineRateId(value: unknown): value is TimelineRateId {
  return typeof value === 'string' && (TIMELINE_RATE_IDS as readonly string[]).includes(value);
}

/** Frames per second as a number, for display and for matching a rate read from a file. */
export function ratePerSecond(rate: TimelineRate): number {
  return rate.num / rate.den;
}

/** The frame a time falls on, rounded to the nearest (times are whole or half milliseconds). */
export function msToFrame(timeMs: number, rate: TimelineRate): number {
  return Math.round((timeMs * rate.num) / (rate.den * 1000));
}

/** Start of a frame in milliseconds, rounded to the whole millisecond a shot duration can hold. */
export function frameToMs(frame: number, rate: TimelineRate): number {
  return Math.round((frame * rate.den * 1000) / rate.num);
}

/**
 * The rate a file declares, from its frames per second (OTIO `rate`, a 23.976 written as
 * 23.976023976…) or its FCP7 timebase and NTSC flag. Null when it is none of ours.
 */
export function rateFromFps(value: number): TimelineRate | null {
  for (const id of TIMELINE_RATE_IDS) {
    if (Math.abs(ratePerSecond(RATES[id]) - value) < 0.01) return RATES[id];
  }
  return null;
}

export function rateFromTimebase(timebase: number, ntsc: boolean): TimelineRate | null {
  for (const id of TIMELINE_RATE_IDS) {
    const rate = RATES[id];
    if (rate.timebase === timebase && rate.ntsc === ntsc) return rate;
  }
  return null;
}
