import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { strokeOutline } from './drawingOutline';
import {
  decodeStroke,
  drawingFrameSize,
  encodeStroke,
  pressureOf,
  UNITS_PER_HEIGHT,
} from './drawingUnits';

const HD = drawingFrameSize(16 / 9);

describe('stroke encoding', () => {
  test('frames are 1920 px on the long side, even', () => {
    expect(HD).toEqual({ width: 1920, height: 1080 });
    expect(drawingFrameSize(9 / 16)).toEqual({ width: 1080, height: 1920 });
    expect(drawingFrameSize(2.39)).toEqual({ width: 1920, height: 804 });
  });

  test('points become integer triples in frame units, centre at 0, height 10,000', () => {
    const encoded = encodeStroke(
      [
        { x: 960, y: 540, pressure: 0.5 },
        { x: 960 + 108, y: 0, pressure: 1 },
        { x: 0, y: 1080, pressure: 0 },
      ],
      HD,
    );
    expect(encoded).toEqual([0, 0, 50, 1_000, -5_000, 100, -8_889, 5_000, 0]);
    expect(encoded.every(Number.isInteger)).toBe(true);
  });

  test('a point repeating the last one is dropped; non-finite points are skipped', () => {
    const p = { x: 100, y: 100, pressure: 0.5 };
    expect(encodeStroke([p, p, { ...p, x: NaN }, p], HD)).toHaveLength(3);
  });

  test('round trip: within half a unit (0.05 px at 1080p) and 1% pressure', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            x: fc.double({ min: -500, max: 2500, noNaN: true }),
            y: fc.double({ min: -500, max: 1500, noNaN: true }),
            pressure: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          { minLength: 1, maxLength: 50 },
        ),
        (points) => {
          const decoded = decodeStroke(encodeStroke(points, HD), HD);
          const tolerance = (0.5 / UNITS_PER_HEIGHT) * HD.height + 1e-9;
          for (const d of decoded) {
            const near = points.some(
              (p) =>
                Math.abs(p.x - d.x) <= tolerance &&
                Math.abs(p.y - d.y) <= tolerance &&
                Math.abs(p.pressure - d.pressure) <= 0.005 + 1e-9,
            );
            expect(near).toBe(true);
          }
        },
      ),
    );
  });

  test('a drawing survives another aspect ratio undistorted, centred', () => {
    const square = encodeStroke(
      [
        { x: 960, y: 540, pressure: 0.5 },
        { x: 1068, y: 648, pressure: 0.5 },
      ],
      HD,
    );
    const [a, b] = decodeStroke(square, drawingFrameSize(4 / 3));
    // 4:3 at 1920 wide is 1440 high: the same 10% of the height, both ways, from the centre.
    expect(a).toMatchObject({ x: 960, y: 720 });
    expect(b!.x - a!.x).toBeCloseTo(144, 5);
    expect(b!.y - a!.y).toBeCloseTo(144, 5);
  });

  test('a pen gives its pressure, a mouse 0.5; tilt widens only the brush', () => {
    expect(pressureOf({ pointerType: 'mouse', pressure: 0.5 }, 'pen')).toBe(0.5);
    expect(pressureOf({ pointerType: 'pen', pressure: 0.2 }, 'pen')).toBe(0.2);
    expect(pressureOf({ pointerType: 'pen', pressure: 0 }, 'pen')).toBe(0.5);
    expect(pressureOf({ pointerType: 'pen', pressure: 0.4, tiltX: 45 }, 'brush')).toBeCloseTo(0.6);
    expect(pressureOf({ pointerType: 'pen', pressure: 0.4, tiltX: 45 }, 'pencil')).toBe(0.4);
  });

  test('more pressure makes a wider outline', () => {
    const line = (pressure: number) =>
      Array.from({ length: 20 }, (_, i) => ({ x: i * 10, y: 100, pressure }));
    const height = (flat: number[]) => {
      const ys = flat.filter((_, i) => i % 2 === 1);
      return Math.max(...ys) - Math.min(...ys);
    };
    const light = height(strokeOutline(line(0.1), 'brush', 20));
    const heavy = height(strokeOutline(line(0.9), 'brush', 20));
    expect(heavy).toBeGreaterThan(light * 1.5);
  });
});
