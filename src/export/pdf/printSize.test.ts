import { describe, expect, test } from 'vitest';
import type { DrawOp } from './drawOps';
import { PRINT_DPI, printBoxes, printPixels } from './printSize';

function image(key: string, width: number, height: number, fit?: 'crop' | 'letterbox'): DrawOp {
  return { kind: 'image', key, x: 0, y: 0, width, height, ...(fit ? { fit } : {}) };
}

describe('print size of frames', () => {
  test('a 1280 × 720 sketch printed 3.5 in wide is stored at 300 dpi: 1050 × 591', () => {
    expect(PRINT_DPI).toBe(300);
    expect(printPixels(1280, 720, { widthPt: 252, heightPt: 141.75, cover: false })).toEqual({
      width: 1050,
      height: 591,
    });
  });

  test('a frame smaller than its print keeps its own pixels (never scaled up)', () => {
    expect(printPixels(640, 360, { widthPt: 252, heightPt: 141.75, cover: false })).toEqual({
      width: 640,
      height: 360,
    });
  });

  test('letterbox fits the picture inside the box; crop covers it', () => {
    // A 2000 × 2000 picture in a 1 × 0.5 in box: 300 × 300 inside it, 300 wide to cover it.
    const box = { widthPt: 72, heightPt: 36 };
    expect(printPixels(2000, 2000, { ...box, cover: false })).toEqual({ width: 150, height: 150 });
    expect(printPixels(2000, 2000, { ...box, cover: true })).toEqual({ width: 300, height: 300 });
  });

  test('a frame drawn twice is stored for the larger of its prints', () => {
    const boxes = printBoxes([
      { ops: [image('a', 100, 50), image('b', 10, 10)] },
      {
        ops: [
          {
            kind: 'text',
            x: 0,
            y: 0,
            sizePt: 8,
            text: 'x',
            color: { r: 0, g: 0, b: 0 },
            bold: false,
          },
          image('a', 300, 20, 'crop'),
        ],
      },
    ]);
    expect(boxes.get('a')).toEqual({ widthPt: 300, heightPt: 50, cover: true });
    expect(boxes.get('b')).toEqual({ widthPt: 10, heightPt: 10, cover: false });
    expect(boxes.size).toBe(2);
  });
});
