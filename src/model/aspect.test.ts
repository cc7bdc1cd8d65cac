import { describe, expect, test } from 'vitest';
import { fittedFraming, pictureBox, shownFraction, visiblePart } from './aspect';
import { aspectValue, ASPECT_RATIOS, projectMetaSchema } from './project';

const WIDE = { width: 1920, height: 1080 };
const TALL = { width: 1080, height: 1920 };

describe('re-framing a picture for another aspect ratio', () => {
  test('letterbox and extend show all of a 16:9 frame in 9:16, centred', () => {
    for (const fit of ['letterbox', 'extend'] as const) {
      expect(visiblePart(WIDE, TALL, fit)).toEqual({ x: 0, y: 0, w: 1, h: 1 });
      const box = pictureBox(WIDE, TALL, fit);
      expect(box.w).toBeCloseTo(1080);
      expect(box.h).toBeCloseTo(607.5);
      expect(box.y).toBeCloseTo((1920 - 607.5) / 2);
    }
  });

  test('crop fills 9:16 with the centre of a 16:9 frame', () => {
    const part = visiblePart(WIDE, TALL, 'crop');
    expect(part.h).toBe(1);
    expect(part.w).toBeCloseTo(9 / 16 / (16 / 9));
    expect(part.x).toBeCloseTo((1 - part.w) / 2);
    const box = pictureBox(WIDE, TALL, 'crop');
    expect(box.h).toBeCloseTo(1920);
    expect(box.w).toBeCloseTo(1920 * (16 / 9));
    expect(shownFraction(WIDE, TALL, 'crop')).toBeCloseTo(0.3164, 3);
  });

  test('a portrait picture cropped into scope keeps a centred band', () => {
    const part = visiblePart(TALL, { width: 2390, height: 1000 }, 'crop');
    expect(part.w).toBe(1);
    expect(part.y).toBeCloseTo((1 - part.h) / 2);
  });

  test('going to 9:16 and back gives the same presentation: nothing in the frame changes', () => {
    const before = pictureBox(WIDE, WIDE, 'crop');
    pictureBox(WIDE, TALL, 'crop');
    expect(pictureBox(WIDE, WIDE, 'crop')).toEqual(before);
    expect(visiblePart(WIDE, WIDE, 'crop')).toEqual({ x: 0, y: 0, w: 1, h: 1 });
  });
});

test('every ratio is a width over a height, and older projects read as letterbox', () => {
  expect(ASPECT_RATIOS.map((a) => Number(aspectValue(a).toFixed(3)))).toEqual([
    1.778, 2.39, 1.85, 1.333, 1, 0.563, 0.8,
  ]);
  expect(projectMetaSchema.parse({ aspectRatio: '9:16' }).frameFit).toBe('letterbox');
});

describe('a framing inside what the fit shows', () => {
  const FULL = { x: 0, y: 0, w: 1, h: 1 };

  test('letterbox and extend leave the framing as it is', () => {
    const rect = { x: 0.1, y: 0.2, w: 0.5, h: 0.5 };
    expect(fittedFraming(rect, WIDE, TALL, 'letterbox')).toEqual(rect);
    expect(fittedFraming(rect, WIDE, TALL, 'extend')).toEqual(rect);
  });

  test('under crop the full frame is the visible part, and a zoom is taken within it', () => {
    expect(fittedFraming(FULL, WIDE, TALL, 'crop')).toEqual(visiblePart(WIDE, TALL, 'crop'));
    const part = visiblePart(WIDE, TALL, 'crop');
    const zoom = fittedFraming({ x: 0.5, y: 0, w: 0.5, h: 0.5 }, WIDE, TALL, 'crop');
    expect(zoom.x).toBeCloseTo(part.x + part.w / 2);
    expect(zoom.w).toBeCloseTo(part.w / 2);
    expect(zoom).toMatchObject({ y: 0, h: 0.5 });
  });

  test("a picture that already has the frame's shape is not cropped", () => {
    expect(fittedFraming(FULL, TALL, TALL, 'crop')).toEqual(FULL);
  });
});
