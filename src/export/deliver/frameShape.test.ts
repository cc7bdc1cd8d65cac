import { describe, expect, test } from 'vitest';
import { reframeFor } from './frameShape';

const wide = { width: 1920, height: 1080 };

describe('pictures made into the project frame for image exports', () => {
  test('a picture of the frame’s shape is left alone', () => {
    expect(reframeFor({ width: 1280, height: 720 }, { aspect: 16 / 9, fit: 'crop' })).toBeNull();
  });

  test('crop keeps the centred part with the frame’s shape, at the picture’s resolution', () => {
    expect(reframeFor(wide, { aspect: 9 / 16, fit: 'crop' })).toEqual({
      canvas: { width: 608, height: 1080 },
      source: { x: 656, y: 0, w: 608, h: 1080 },
      at: { x: 0, y: 0, w: 608, h: 1080 },
    });
  });

  test('letterbox keeps all of it, centred on a canvas of the frame’s shape', () => {
    expect(reframeFor(wide, { aspect: 1, fit: 'letterbox' })).toEqual({
      canvas: { width: 1920, height: 1920 },
      source: { x: 0, y: 0, w: 1920, h: 1080 },
      at: { x: 0, y: 420, w: 1920, h: 1080 },
    });
  });

  test('extend grows the canvas sideways for a tall picture', () => {
    const r = reframeFor({ width: 720, height: 1280 }, { aspect: 16 / 9, fit: 'extend' });
    expect(r?.canvas).toEqual({ width: 2276, height: 1280 });
    expect(r?.at).toEqual({ x: 778, y: 0, w: 720, h: 1280 });
  });

  test('an unreadable size is left alone', () => {
    expect(reframeFor({ width: 0, height: 0 }, { aspect: 1, fit: 'crop' })).toBeNull();
  });
});
