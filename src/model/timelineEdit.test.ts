import { describe, expect, test } from 'vitest';
import {
  clampZoom,
  frameAccurateDuration,
  layoutClips,
  snapTime,
  snapToFrame,
  tickSpacingSeconds,
  timeToX,
  trimmedDuration,
  xToTime,
} from './timelineEdit';
import { ms } from './units';

describe('timeline editing maths', () => {
  test('time and x convert both ways at a zoom', () => {
    expect(timeToX(2500, 40)).toBe(100);
    expect(xToTime(100, 40)).toBe(2500);
    expect(xToTime(-10, 40)).toBe(0);
  });

  test('the playhead rests on whole frames at 24, 25 and 30 fps', () => {
    expect(snapToFrame(1000, 24)).toBe(1000);
    expect(snapToFrame(1020, 24)).toBe(1000);
    expect(snapToFrame(1030, 24)).toBeCloseTo(1000 + 1000 / 24, 2);
    expect(snapToFrame(1019, 25)).toBe(1000);
    expect(snapToFrame(1020, 25)).toBe(1040);
    expect(snapToFrame(1017, 30)).toBeCloseTo(1000 + 1000 / 30, 2);
  });

  test('durations become whole frames, at least one', () => {
    expect(frameAccurateDuration(1010, 25)).toBe(1000);
    expect(frameAccurateDuration(1030, 25)).toBe(1040);
    expect(frameAccurateDuration(1, 24)).toBe(100); // a shot's minimum beats one frame
  });

  test('trimming by dragging rounds to frames and ripples the rest', () => {
    expect(trimmedDuration(ms(2000), 48, 48, 24)).toBe(3000);
    expect(trimmedDuration(ms(2000), -1000, 48, 24)).toBe(100);
    const before = layoutClips([ms(2000), ms(1000)]);
    const after = layoutClips([trimmedDuration(ms(2000), 24, 48, 24), ms(1000)]);
    expect(after[1]!.start - before[1]!.start).toBe(500);
  });

  test('snapping prefers a nearby cut, else the frame grid', () => {
    expect(snapTime(2010, [0, 2000, 5000], 100, 24)).toBe(2000);
    expect(snapTime(2300, [0, 2000, 5000], 100, 25)).toBe(2320);
  });

  test('zoom and ruler stay readable', () => {
    expect(clampZoom(1)).toBe(8);
    expect(clampZoom(10_000)).toBe(400);
    expect(tickSpacingSeconds(48)).toBe(2);
    expect(tickSpacingSeconds(8)).toBe(10);
  });
});
