import { describe, expect, test } from 'vitest';
import { cameraArrowOutline, motionLineSegments } from './drawingMarks';

const pairs = (flat: number[]) =>
  flat.reduce<[number, number][]>((out, v, i) => {
    if (i % 2 === 0) out.push([v, flat[i + 1]!]);
    return out;
  }, []);

describe('storyboard marks', () => {
  test('a camera arrow is a block arrow: shaft of the width, head twice as wide, tip at the end', () => {
    const outline = pairs(cameraArrowOutline(0, 0, 1_000, 0, 100));
    expect(outline).toHaveLength(7);
    expect(outline[3]).toEqual([1_000, 0]);
    const ys = outline.map(([, y]) => Math.abs(y));
    expect(Math.max(...ys)).toBe(100);
    expect(ys[0]).toBe(50);
    // The head is at most twice the width long.
    expect(outline[1]![0]).toBe(800);
    // A short arrow keeps half its length for the shaft.
    expect(pairs(cameraArrowOutline(0, 0, 200, 0, 100))[1]![0]).toBe(100);
    expect(cameraArrowOutline(5, 5, 5, 5, 100)).toEqual([]);
  });

  test('the arrow follows its direction', () => {
    const outline = pairs(cameraArrowOutline(0, 0, 0, -1_000, 100));
    expect(outline[3]![0]).toBeCloseTo(0);
    expect(outline[3]![1]).toBe(-1_000);
    expect(Math.max(...outline.map(([x]) => Math.abs(x)))).toBeCloseTo(100);
  });

  test('speed lines run parallel to the motion, spread across it, all ending at the leading edge', () => {
    const segments = motionLineSegments(0, 0, 1_000, 0, 60);
    expect(segments).toHaveLength(20);
    const lines = [];
    for (let i = 0; i < segments.length; i += 4) lines.push(segments.slice(i, i + 4));
    for (const [ax, ay, bx, by] of lines) {
      expect(ay).toBeCloseTo(by!);
      expect(bx).toBe(1_000);
      expect(ax).toBeLessThan(bx!);
    }
    expect(lines.map((l) => Math.round(l[1]!))).toEqual([-120, -60, 0, 60, 120]);
    expect(new Set(lines.map((l) => l[0])).size).toBeGreaterThan(3);
    expect(motionLineSegments(1, 1, 1, 1, 60)).toEqual([]);
  });
});
