import { describe, expect, test } from 'vitest';
import { ASPECT_RATIOS, aspectValue } from '../model/project';
import { evenDimensions, RESOLUTION_CLASSES, resolutionFor } from './resolution';

describe('output resolution', () => {
  test('16:9 maps to the standard 720p and 1080p sizes', () => {
    expect(resolutionFor(16 / 9, 720)).toEqual({ width: 1280, height: 720 });
    expect(resolutionFor(16 / 9, 1080)).toEqual({ width: 1920, height: 1080 });
    expect(resolutionFor(16 / 9, 2160)).toEqual({ width: 3840, height: 2160 });
  });

  test('other aspects fit inside the 16:9 box, portrait inside the turned box', () => {
    expect(resolutionFor(2.39, 1080)).toEqual({ width: 1920, height: 804 });
    expect(resolutionFor(4 / 3, 1080)).toEqual({ width: 1440, height: 1080 });
    expect(resolutionFor(1, 720)).toEqual({ width: 720, height: 720 });
    expect(resolutionFor(9 / 16, 1080)).toEqual({ width: 1080, height: 1920 });
  });

  test('every project aspect ratio gives even sizes within the box at both classes', () => {
    for (const aspect of ASPECT_RATIOS) {
      for (const size of RESOLUTION_CLASSES) {
        const { width, height } = resolutionFor(aspectValue(aspect), size);
        expect(width % 2, `${aspect} @ ${size}`).toBe(0);
        expect(height % 2, `${aspect} @ ${size}`).toBe(0);
        expect(Math.max(width, height)).toBeLessThanOrEqual((size * 16) / 9);
        expect(Math.min(width, height)).toBeLessThanOrEqual(size);
        expect(Math.abs(width / height - aspectValue(aspect))).toBeLessThan(0.01);
      }
    }
  });

  test('odd and fractional sizes round to the nearest even size, never below 2', () => {
    expect(evenDimensions(1279, 721)).toEqual({ width: 1280, height: 722 });
    expect(evenDimensions(803.3, 1)).toEqual({ width: 804, height: 2 });
    expect(() => evenDimensions(Number.NaN, 2)).toThrow();
  });
});
