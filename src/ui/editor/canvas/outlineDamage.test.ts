import { expect, test } from 'vitest';
import { strokeOutline } from '../../../model/drawingOutline';
import type { InputPoint } from '../../../model/drawingUnits';
import { outlineDamage, type Box } from './outlineDamage';

const within = (outer: Box, x: number, y: number) =>
  x >= outer.x0 && x <= outer.x1 && y >= outer.y0 && y <= outer.y1;

/** A wavy pen stroke of `n` points in units, pressure varying. */
function stroke(n: number): InputPoint[] {
  return Array.from({ length: n }, (_, i) => ({
    x: i * 40,
    y: 2000 + Math.sin(i / 9) * 900,
    pressure: 0.3 + 0.6 * Math.abs(Math.sin(i / 30)),
  }));
}

test('an unchanged outline has no damage', () => {
  const outline = strokeOutline(stroke(50), 'pen', 60, false);
  expect(outlineDamage(outline, [...outline])).toBeNull();
});

test('a growing stroke is damaged only near the pen, and the box holds every moved point', () => {
  for (const tool of ['pencil', 'pen', 'eraser'] as const) {
    const points = stroke(400);
    const before = strokeOutline(points.slice(0, 399), tool, 60, false);
    const after = strokeOutline(points, tool, 60, false);
    const box = outlineDamage(before, after);
    expect(box).not.toBeNull();
    // Near the end: far narrower than the stroke (16,000 units long).
    expect(box!.x1 - box!.x0).toBeLessThan(1_000);
    expect(box!.x0).toBeGreaterThan(14_000);
    // Every point of either outline that is not in both lies in the box.
    const key = (o: number[], i: number) => `${o[i]},${o[i + 1]}`;
    const common = new Set(before.map((_, i) => (i % 2 ? '' : key(before, i))));
    for (let i = 0; i < after.length; i += 2) {
      if (!common.has(key(after, i))) expect(within(box!, after[i]!, after[i + 1]!)).toBe(true);
    }
  }
});

test('a brush whose taper reshapes the whole stroke is damaged over all of it', () => {
  const points = stroke(120);
  const before = strokeOutline(points.slice(0, 119), 'brush', 60, false);
  const after = strokeOutline(points, 'brush', 60, false);
  const box = outlineDamage(before, after)!;
  for (let i = 0; i < after.length; i += 2)
    expect(within(box, after[i]!, after[i + 1]!)).toBe(true);
});

test('from nothing, the damage is the whole new outline', () => {
  const after = strokeOutline(stroke(10), 'pen', 60, false);
  const box = outlineDamage([], after)!;
  const xs = after.filter((_, i) => i % 2 === 0);
  expect(box.x0).toBe(Math.min(...xs));
  expect(box.x1).toBe(Math.max(...xs));
});
