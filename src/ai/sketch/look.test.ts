import { describe, expect, test } from 'vitest';
import { BUILT_IN_STYLES } from '../frames/stylePresets';
import { applyLook, lightness, parseColor, sketchLookForStyle, type SketchLook } from './look';
import type { Paint, SketchOp } from './ops';
import { planSketch } from './plan';
import { sketchInput } from './testKit';

const W = 640;
const H = 360;

/** Every solid colour a plan paints, with the area or length it covers as its weight. */
function colours(ops: readonly SketchOp[]): { value: number; weight: number }[] {
  const out: { value: number; weight: number }[] = [];
  const add = (paint: Paint | undefined, weight: number) => {
    if (paint === undefined) return;
    const list = typeof paint === 'string' ? [paint] : paint.stops.map((s) => s.color);
    for (const css of list) {
      const c = parseColor(css);
      if (c && c.a > 0) out.push({ value: lightness(c), weight: weight * c.a });
    }
  };
  for (const op of ops) {
    if (op.op === 'rect') add(op.fill, op.w * op.h);
    else if (op.op === 'path') {
      add(op.fill, 200);
      if (op.stroke) add(op.stroke.color, op.stroke.width * 20);
    }
  }
  return out;
}

/** The figures a look is measured by: mean lightness, its spread (contrast), mean line width. */
function measure(look: SketchLook) {
  const ops = planSketch(sketchInput({ timeOfDay: 'DAY', look }), W, H);
  const cs = colours(ops);
  const total = cs.reduce((s, c) => s + c.weight, 0);
  const mean = cs.reduce((s, c) => s + c.value * c.weight, 0) / total;
  const spread = Math.sqrt(cs.reduce((s, c) => s + (c.value - mean) ** 2 * c.weight, 0) / total);
  const widths = ops.flatMap((op) => (op.op === 'path' && op.stroke ? [op.stroke.width] : []));
  const line = widths.reduce((s, w) => s + w, 0) / widths.length;
  const greys = cs.filter((c) => c.value > 0.1 && c.value < 0.9).length / cs.length;
  return { mean, spread, line, greys, ops };
}

describe('style presets change the offline sketch', () => {
  const marker = measure('marker');

  test('noir is darker and more contrasty than the default marker look', () => {
    const noir = measure('noir');
    expect(noir.mean).toBeLessThan(marker.mean - 0.15);
    expect(noir.spread).toBeGreaterThan(marker.spread * 1.3);
  });

  test('ink is inked: heavier lines and almost no greys', () => {
    const ink = measure('ink');
    expect(ink.line).toBeGreaterThan(marker.line * 1.5);
    expect(ink.greys).toBeLessThan(marker.greys / 2);
  });

  test('pencil is lighter with thinner lines', () => {
    const pencil = measure('pencil');
    expect(pencil.mean).toBeGreaterThan(marker.mean);
    expect(pencil.line).toBeLessThan(marker.line);
  });

  test('marker is the plan as drawn (no look applied)', () => {
    expect(marker.ops).toEqual(planSketch(sketchInput({ timeOfDay: 'DAY' }), W, H));
    expect(applyLook(marker.ops, 'marker', W, H)).toEqual(marker.ops);
  });

  test('every built-in style has its look; a project style is read by its words', () => {
    expect(BUILT_IN_STYLES.map((s) => `${s.id}:${sketchLookForStyle(s)}`)).toEqual([
      'pencil-sketch:pencil',
      'ink:ink',
      'storyboard-marker:marker',
      'watercolor:watercolor',
      'noir:noir',
      'anime:cel',
      'photoreal:marker',
    ]);
    const own = (name: string, prompt = '') => sketchLookForStyle({ id: 'x', name, prompt });
    expect(own('Comic book', 'bold inked panels')).toBe('ink');
    expect(own('Neo noir')).toBe('noir');
    expect(own('House style', 'charcoal on grey paper')).toBe('pencil');
    expect(own('Plain')).toBe('marker');
  });
});
