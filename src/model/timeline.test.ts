import { describe, expect, test } from 'vitest';
import { formatTimecode, shotAtTime, shotStartTimes } from './timeline';
import { formatDuration, ms, sumDurations, toFrames, fps, clampShotDuration } from './units';

const durations = [ms(1000), ms(2500), ms(500)];

describe('timeline', () => {
  test('shots start where the previous ones end', () => {
    expect(shotStartTimes(durations)).toEqual([0, 1000, 3500]);
    expect(sumDurations(durations)).toBe(4000);
  });

  test('the shot on screen at a time', () => {
    expect(shotAtTime(durations, 0)).toEqual({ index: 0, offset: 0 });
    expect(shotAtTime(durations, 999)).toEqual({ index: 0, offset: 999 });
    expect(shotAtTime(durations, 1000)).toEqual({ index: 1, offset: 0 });
    expect(shotAtTime(durations, 3600)).toEqual({ index: 2, offset: 100 });
    expect(shotAtTime(durations, 99_999)).toEqual({ index: 2, offset: 500 });
    expect(shotAtTime(durations, -5)).toEqual({ index: 0, offset: 0 });
    expect(shotAtTime([], 0)).toBeNull();
  });

  test('timecodes count whole frames', () => {
    expect(formatTimecode(ms(75_250), 24)).toBe('00:01:15:06');
    expect(formatTimecode(ms(3_600_000), 25)).toBe('01:00:00:00');
  });
});

describe('units', () => {
  test('durations are clamped to what a shot may be', () => {
    expect(clampShotDuration(-1)).toBe(100);
    expect(clampShotDuration(Number.NaN)).toBe(100);
    expect(clampShotDuration(1e12)).toBe(600_000);
    expect(clampShotDuration(1234.6)).toBe(1235);
  });

  test('frames and labels', () => {
    expect(toFrames(ms(1001), fps(24))).toBe(24);
    expect(formatDuration(ms(83_500))).toBe('1:23.5');
    expect(formatDuration(ms(2_500))).toBe('2.5s');
  });
});
