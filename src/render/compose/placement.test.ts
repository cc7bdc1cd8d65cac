import { describe, expect, test } from 'vitest';
import { FULL_FRAME } from '../../model/framing';
import { placementFor } from './placement';

const HD = { width: 1920, height: 1080 };

describe('placing a framing on the output', () => {
  test('the full frame of a picture with the output aspect fills it exactly', () => {
    expect(placementFor(FULL_FRAME, { width: 1280, height: 720 }, HD)).toEqual({
      sx: 0,
      sy: 0,
      sw: 1280,
      sh: 720,
      dx: 0,
      dy: 0,
      dw: 1920,
      dh: 1080,
    });
  });

  test('a 4:3 picture is pillarboxed, centred', () => {
    expect(placementFor(FULL_FRAME, { width: 1440, height: 1080 }, HD)).toEqual({
      sx: 0,
      sy: 0,
      sw: 1440,
      sh: 1080,
      dx: 240,
      dy: 0,
      dw: 1440,
      dh: 1080,
    });
  });

  test('a zoomed rectangle is cut out of the picture and fills the frame', () => {
    const at = placementFor({ x: 0.25, y: 0.5, w: 0.5, h: 0.5 }, HD, HD);
    expect(at).toEqual({ sx: 480, sy: 540, sw: 960, sh: 540, dx: 0, dy: 0, dw: 1920, dh: 1080 });
  });

  test('a narrow rectangle on a wide picture shows the picture beside it, not bars', () => {
    // Half the width, full height of a 16:9 picture: fitted by height, the rest of the picture
    // left and right of the rectangle comes into view.
    const at = placementFor({ x: 0.25, y: 0, w: 0.5, h: 1 }, HD, HD)!;
    expect(at.dw).toBeCloseTo(1920);
    expect(at.sw).toBeCloseTo(1920);
    expect(at.dx).toBeCloseTo(0);
  });

  test('the source rectangle never leaves the picture', () => {
    const at = placementFor({ x: 0, y: 0, w: 0.5, h: 1 }, { width: 1000, height: 1000 }, HD)!;
    expect(at.sx).toBeGreaterThanOrEqual(0);
    expect(at.sx + at.sw).toBeLessThanOrEqual(1000);
    expect(at.dx).toBeGreaterThan(0);
  });

  test('an empty rectangle places nothing', () => {
    expect(placementFor({ x: 0, y: 0, w: 0, h: 1 }, HD, HD)).toBeNull();
  });
});
