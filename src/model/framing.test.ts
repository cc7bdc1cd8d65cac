import { describe, expect, test } from 'vitest';
import { CAMERA_MOVES } from './camera';
import {
  clampRect,
  ease,
  EASINGS,
  framingFor,
  framingRectAt,
  FULL_FRAME,
  isStaticFraming,
  MIN_FRAMING_SIZE,
  normaliseFraming,
  presetFraming,
  shakeOffset,
  shakeSeed,
  type FramingRect,
  type ShotFraming,
} from './framing';

const inside = (r: FramingRect) =>
  r.x >= 0 && r.y >= 0 && r.x + r.w <= 1 + 1e-12 && r.y + r.h <= 1 + 1e-12;

describe('easing', () => {
  test('every easing starts at 0, ends at 1 and never goes backwards', () => {
    for (const easing of EASINGS) {
      expect(ease(easing, 0)).toBe(0);
      expect(ease(easing, 1)).toBe(1);
      let previous = 0;
      for (let i = 1; i <= 100; i++) {
        const value = ease(easing, i / 100);
        expect(value, `${easing} at ${i}%`).toBeGreaterThanOrEqual(previous);
        previous = value;
      }
    }
  });

  test('ease-in starts slow, ease-out ends slow, ease-in-out is symmetric about the middle', () => {
    expect(ease('linear', 0.25)).toBe(0.25);
    expect(ease('ease-in', 0.25)).toBeCloseTo(0.0625);
    expect(ease('ease-out', 0.25)).toBeCloseTo(0.4375);
    expect(ease('ease-in-out', 0.5)).toBeCloseTo(0.5);
    expect(ease('ease-in-out', 0.2) + ease('ease-in-out', 0.8)).toBeCloseTo(1);
  });

  test('progress outside [0, 1] is clamped', () => {
    expect(ease('ease-in', -1)).toBe(0);
    expect(ease('ease-out', 2)).toBe(1);
  });
});

describe('camera presets', () => {
  test('static shows the full frame throughout and is a hold', () => {
    const framing = presetFraming('static');
    expect(framing.start).toEqual(FULL_FRAME);
    expect(framing.end).toEqual(FULL_FRAME);
    expect(isStaticFraming(framing)).toBe(true);
  });

  test('a pan slides horizontally within a zoomed frame; a tilt slides vertically', () => {
    const pan = presetFraming('pan');
    expect(pan.start.w).toBeLessThan(1);
    expect(pan.start.y).toBe(pan.end.y);
    expect(pan.end.x).toBeGreaterThan(pan.start.x);
    expect(pan.start.w).toBe(pan.end.w);
    const tilt = presetFraming('tilt');
    expect(tilt.start.x).toBe(tilt.end.x);
    expect(tilt.start.y).not.toBe(tilt.end.y);
  });

  test('dolly and zoom go from the full frame to a tighter centred frame', () => {
    for (const move of ['dolly', 'zoom'] as const) {
      const framing = presetFraming(move);
      expect(framing.start).toEqual(FULL_FRAME);
      expect(framing.end.w).toBeLessThan(1);
      expect(framing.end.x + framing.end.w / 2).toBeCloseTo(0.5);
      expect(framing.end.y + framing.end.h / 2).toBeCloseTo(0.5);
    }
  });

  test('a truck travels sideways; handheld holds a frame and shakes', () => {
    const truck = presetFraming('truck');
    expect(truck.end.x).toBeGreaterThan(truck.start.x);
    expect(truck.end.y).toBe(truck.start.y);
    const handheld = presetFraming('handheld');
    expect(handheld.start).toEqual(handheld.end);
    expect(handheld.shake).toBeGreaterThan(0);
    expect(isStaticFraming(handheld)).toBe(false);
  });

  test('every preset stays inside the picture at every point of the move', () => {
    for (const move of CAMERA_MOVES) {
      const framing = presetFraming(move);
      for (let i = 0; i <= 50; i++) {
        const rect = framingRectAt(framing, i / 50, i * 100, 12345);
        expect(inside(rect), `${move} at ${i}`).toBe(true);
      }
    }
  });

  test('an explicit framing wins over the preset of the camera move', () => {
    const explicit: ShotFraming = {
      start: { x: 0.1, y: 0.1, w: 0.5, h: 0.5 },
      end: { x: 0.2, y: 0.2, w: 0.5, h: 0.5 },
      easing: 'linear',
      shake: 0,
    };
    expect(framingFor({ cameraMove: 'pan', framing: explicit })).toBe(explicit);
    expect(framingFor({ cameraMove: 'pan', framing: null })).toEqual(presetFraming('pan'));
  });
});

describe('framing over time', () => {
  const move: ShotFraming = {
    start: { x: 0, y: 0, w: 1, h: 1 },
    end: { x: 0.2, y: 0.1, w: 0.6, h: 0.6 },
    easing: 'linear',
    shake: 0,
  };

  test('interpolates from start to end with the easing', () => {
    expect(framingRectAt(move, 0, 0, 1)).toEqual(move.start);
    expect(framingRectAt(move, 1, 0, 1)).toEqual(move.end);
    const mid = framingRectAt(move, 0.5, 0, 1);
    expect(mid.x).toBeCloseTo(0.1);
    expect(mid.w).toBeCloseTo(0.8);
    const eased = framingRectAt({ ...move, easing: 'ease-in' }, 0.5, 0, 1);
    expect(eased.x).toBeCloseTo(0.05);
  });

  test('shake is deterministic per seed, bounded by its amplitude and differs between shots', () => {
    const a = shakeSeed('shot-a');
    const b = shakeSeed('shot-b');
    expect(a).not.toBe(b);
    for (let t = 0; t < 5000; t += 37) {
      const offset = shakeOffset(a, t);
      expect(offset).toEqual(shakeOffset(a, t));
      expect(Math.abs(offset.dx)).toBeLessThanOrEqual(1);
      expect(Math.abs(offset.dy)).toBeLessThanOrEqual(1);
    }
    const moved = [0, 250, 500, 750].map((t) => shakeOffset(a, t).dx);
    expect(new Set(moved).size).toBe(4);
    expect(shakeOffset(a, 300)).not.toEqual(shakeOffset(b, 300));
  });

  test('a shaken frame stays within amplitude × size of the unshaken one', () => {
    const handheld = presetFraming('handheld');
    for (let t = 0; t < 3000; t += 41) {
      const rect = framingRectAt(handheld, t / 3000, t, 99);
      expect(Math.abs(rect.x - handheld.start.x)).toBeLessThanOrEqual(
        handheld.shake * handheld.start.w + 1e-12,
      );
    }
  });
});

describe('normalising framings', () => {
  test('rectangles are forced inside the picture and to a minimum size', () => {
    expect(clampRect({ x: 0.9, y: -0.2, w: 0.5, h: 0.5 })).toEqual({
      x: 0.5,
      y: 0,
      w: 0.5,
      h: 0.5,
    });
    expect(clampRect({ x: 0, y: 0, w: 0, h: 3 })).toEqual({
      x: 0,
      y: 0,
      w: MIN_FRAMING_SIZE,
      h: 1,
    });
    expect(clampRect({ x: Number.NaN, y: 0, w: 0.5, h: 0.5 }).x).toBeCloseTo(0.25);
  });

  test('shake is bounded and easing falls back to linear', () => {
    const framing = normaliseFraming({
      start: FULL_FRAME,
      end: FULL_FRAME,
      easing: 'bounce' as never,
      shake: 5,
    });
    expect(framing.easing).toBe('linear');
    expect(framing.shake).toBeLessThanOrEqual(0.1);
  });
});
