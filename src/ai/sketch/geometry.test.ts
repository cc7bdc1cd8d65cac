import { describe, expect, test } from 'vitest';
import { clipPolygon, clipPolyline } from './geometry';

const box = { x: 0, y: 0, w: 10, h: 10 };

describe('clipping to the picture', () => {
  test('keeps a polygon inside the box as it is', () => {
    const square = [
      { x: 1, y: 1 },
      { x: 9, y: 1 },
      { x: 9, y: 9 },
    ];
    expect(clipPolygon(square, box)).toEqual(square);
  });

  test('cuts a polygon that runs off the box along the box edge', () => {
    const wide = [
      { x: -5, y: 2 },
      { x: 15, y: 2 },
      { x: 15, y: 8 },
      { x: -5, y: 8 },
    ];
    const clipped = clipPolygon(wide, box);
    expect(Math.min(...clipped.map((p) => p.x))).toBe(0);
    expect(Math.max(...clipped.map((p) => p.x))).toBe(10);
  });

  test('drops a polygon wholly outside', () => {
    expect(
      clipPolygon(
        [
          { x: 20, y: 20 },
          { x: 30, y: 20 },
          { x: 30, y: 30 },
        ],
        box,
      ),
    ).toEqual([]);
  });

  test('splits a line that leaves and re-enters into two runs', () => {
    const line = [
      { x: 2, y: 5 },
      { x: 5, y: -5 },
      { x: 8, y: 5 },
    ];
    const runs = clipPolyline(line, box);
    expect(runs).toHaveLength(2);
    for (const run of runs) for (const p of run) expect(p.y).toBeGreaterThanOrEqual(0);
  });
});
