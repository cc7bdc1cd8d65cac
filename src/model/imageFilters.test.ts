import { describe, expect, test } from 'vitest';
import {
  blurRadiusAt,
  filterPixels,
  filtersAreNeutral,
  layerFiltersSchema,
  NO_FILTERS,
  type LayerFilters,
} from './imageFilters';

const px = (...rgba: number[]) => new Uint8ClampedArray(rgba);
const run = (patch: Partial<LayerFilters>, data: Uint8ClampedArray) => {
  filterPixels(data, { ...NO_FILTERS, ...patch });
  return [...data];
};

describe('image layer filters', () => {
  test('the schema fills defaults and refuses what a slider cannot give', () => {
    expect(layerFiltersSchema.parse({ blur: 3 })).toEqual({ ...NO_FILTERS, blur: 3 });
    expect(layerFiltersSchema.safeParse({ brightness: 101 }).success).toBe(false);
    expect(layerFiltersSchema.safeParse({ posterize: 1 }).success).toBe(false);
    expect(layerFiltersSchema.safeParse({ blur: 0.5 }).success).toBe(false);
    expect(filtersAreNeutral(null)).toBe(true);
    expect(filtersAreNeutral(NO_FILTERS)).toBe(true);
    expect(filtersAreNeutral({ ...NO_FILTERS, greyscale: true })).toBe(false);
  });

  test('neutral filters leave pixels as they are', () => {
    expect(run({}, px(10, 120, 250, 77))).toEqual([10, 120, 250, 77]);
  });

  test('brightness adds light, contrast spreads tones from mid-grey, alpha stays', () => {
    expect(run({ brightness: 20 }, px(100, 100, 100, 50))).toEqual([151, 151, 151, 50]);
    const [dark, , , , light] = run({ contrast: 50 }, px(100, 100, 100, 255, 160, 160, 160, 255));
    expect(dark).toBeLessThan(100);
    expect(light).toBeGreaterThan(160);
    expect(run({ contrast: -100 }, px(0, 90, 255, 255)).slice(0, 3)).toEqual([128, 128, 128]);
  });

  test('greyscale and saturation -100 make grey; saturation up moves away from grey', () => {
    const [r, g, b] = run({ greyscale: true }, px(200, 40, 40, 255));
    expect(r).toBe(g);
    expect(g).toBe(b);
    expect(run({ saturation: -100 }, px(200, 40, 40, 255)).slice(0, 3)).toEqual([r, g, b]);
    const [r2, g2] = run({ saturation: 50 }, px(200, 40, 40, 255));
    expect(r2).toBeGreaterThan(200);
    expect(g2).toBeLessThan(40);
  });

  test('posterize keeps only the given levels per channel', () => {
    const out = run({ posterize: 2 }, px(20, 100, 140, 255, 250, 0, 127, 255));
    expect(out).toEqual([0, 0, 255, 255, 255, 0, 0, 255]);
    const ramp = run({ posterize: 4 }, px(...Array.from({ length: 64 }, (_, i) => i * 4)));
    const colours = new Set(ramp.filter((_, i) => i % 4 !== 3));
    expect([...colours].sort((a, b) => a - b)).toEqual([0, 85, 170, 255]);
  });

  test('blur is stored for a 1080-high frame and scales with the canvas', () => {
    expect(blurRadiusAt({ ...NO_FILTERS, blur: 10 }, 1080)).toBe(10);
    expect(blurRadiusAt({ ...NO_FILTERS, blur: 10 }, 540)).toBe(5);
  });
});
