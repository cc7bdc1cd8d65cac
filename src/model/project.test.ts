import { describe, expect, test } from 'vitest';
import type { SceneId, ShotId } from './ids';
import { hasTimelineShots, timelineShots, totalDuration } from './project';
import { createShot } from './shot';
import { ms } from './units';

const shot = (id: string, durationMs: number, omitted = false) =>
  createShot({
    id: id as ShotId,
    sceneId: 's1' as SceneId,
    number: id,
    durationMs: ms(durationMs),
    omitted,
  });

describe('the timeline of a snapshot', () => {
  test('OMITTED shots take no time and are not on it', () => {
    const shots = [shot('1', 2000), shot('2', 3000, true), shot('3', 1500)];
    expect(totalDuration({ shots })).toBe(3500);
    expect(timelineShots({ shots }).map((s) => s.id)).toEqual(['1', '3']);
    expect(hasTimelineShots({ shots })).toBe(true);
  });

  test('nothing plays when every shot is OMITTED, or there is none', () => {
    expect(hasTimelineShots({ shots: [shot('1', 2000, true)] })).toBe(false);
    expect(hasTimelineShots({ shots: [] })).toBe(false);
    expect(totalDuration({ shots: [shot('1', 2000, true)] })).toBe(0);
  });
});
