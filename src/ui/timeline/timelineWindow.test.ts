import { describe, expect, test } from 'vitest';
import { layoutClips } from '../../model/timelineEdit';
import { ms } from '../../model/units';
import { clipRuns, clipsWithin } from './timelineWindow';

// Ten clips of 2 s: 0–2, 2–4, … 18–20 s.
const layout = layoutClips(Array.from({ length: 10 }, () => ms(2000)));
const xOf = (t: number) => t / 10; // 100 px a second

describe('the timeline window', () => {
  test('clips overlapping a span of time', () => {
    expect(clipsWithin(layout, 0, 1000)).toEqual([0, 1]);
    expect(clipsWithin(layout, 3000, 7000)).toEqual([1, 4]);
    expect(clipsWithin(layout, 4000, 6000)).toEqual([2, 3]);
    expect(clipsWithin(layout, 19_000, 99_000)).toEqual([9, 10]);
    expect(clipsWithin(layout, 30_000, 40_000)).toEqual([10, 10]);
    expect(clipsWithin([], 0, 1000)).toEqual([0, 0]);
  });

  test('one run with the blank of the clips before it', () => {
    expect(clipRuns(layout, [3, 6], -1, xOf)).toEqual([{ gapPx: 600, from: 3, to: 6 }]);
  });

  test('a pinned clip outside the window is its own run, before or after', () => {
    expect(clipRuns(layout, [5, 7], 1, xOf)).toEqual([
      { gapPx: 200, from: 1, to: 2 },
      { gapPx: 600, from: 5, to: 7 },
    ]);
    expect(clipRuns(layout, [0, 2], 8, xOf)).toEqual([
      { gapPx: 0, from: 0, to: 2 },
      { gapPx: 1200, from: 8, to: 9 },
    ]);
    expect(clipRuns(layout, [0, 2], 1, xOf)).toEqual([{ gapPx: 0, from: 0, to: 2 }]);
  });
});
