import type { Point } from './geometry';
import type { Random } from './random';

/**
 * Hand-drawn lines. A pencil line is never straight: it drifts slowly sideways (one low wave per
 * line) with a little tremor, stays close to its end points so joints still meet, and often runs a
 * touch past them.
 */
export interface WobbleParams {
  /** Largest sideways drift in pixels. */
  readonly amplitude: number;
  /** Roughly how far apart the sample points are, in pixels. */
  readonly step: number;
}

const TREMOR_SHARE = 0.3;
/** Short lines wobble less: a 10-pixel tick drawn with a 2-pixel drift looks broken. */
const AMPLITUDE_PER_LENGTH = 0.04;

/** Points along a → b with a smooth sideways drift that fades to nothing at both ends. */
export function wobbleSegment(a: Point, b: Point, params: WobbleParams, rng: Random): Point[] {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy);
  const count = Math.max(2, Math.ceil(length / params.step));
  const amplitude = Math.min(params.amplitude, length * AMPLITUDE_PER_LENGTH);
  const normal = length > 0 ? { x: -dy / length, y: dx / length } : { x: 0, y: 0 };
  const phase = rng.range(0, Math.PI * 2);
  const waves = rng.range(0.5, 1.5);
  const points: Point[] = [];
  for (let i = 0; i <= count; i++) {
    const t = i / count;
    const envelope = Math.sin(Math.PI * t);
    const drift = Math.sin(phase + t * waves * Math.PI * 2) * (1 - TREMOR_SHARE);
    const tremor = rng.jitter(TREMOR_SHARE);
    const offset = (drift + tremor) * amplitude * envelope;
    points.push({ x: a.x + dx * t + normal.x * offset, y: a.y + dy * t + normal.y * offset });
  }
  return points;
}

/** A polyline through `points`, each segment wobbled; shared corners are kept exact. */
export function wobblePolyline(
  points: readonly Point[],
  params: WobbleParams,
  rng: Random,
): Point[] {
  const out: Point[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (!a || !b) continue;
    const segment = wobbleSegment(a, b, params, rng);
    out.push(...(out.length === 0 ? segment : segment.slice(1)));
  }
  return out;
}

/** Extends a line past both ends by up to `amount` pixels, as a quick pencil stroke does. */
export function overshoot(
  a: Point,
  b: Point,
  amount: number,
  rng: Random,
): readonly [Point, Point] {
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  if (length === 0 || amount <= 0) return [a, b];
  const ux = (b.x - a.x) / length;
  const uy = (b.y - a.y) / length;
  const before = rng.range(0, amount);
  const after = rng.range(0, amount);
  return [
    { x: a.x - ux * before, y: a.y - uy * before },
    { x: b.x + ux * after, y: b.y + uy * after },
  ];
}

export interface EllipseSample {
  /** A closed outline, for fills. */
  readonly ring: Point[];
  /** An open loop that starts anywhere and runs slightly past its start, as a drawn circle does. */
  readonly loop: Point[];
}

const MIN_ELLIPSE_POINTS = 24;
const MAX_ELLIPSE_POINTS = 96;
const LOOP_OVERLAP_RADIANS = 0.35;

export function wobbleEllipse(
  center: Point,
  rx: number,
  ry: number,
  params: WobbleParams,
  rng: Random,
): EllipseSample {
  const perimeter = Math.PI * (rx + ry);
  const count = Math.round(
    Math.min(MAX_ELLIPSE_POINTS, Math.max(MIN_ELLIPSE_POINTS, perimeter / params.step)),
  );
  const amplitude = Math.min(params.amplitude, Math.min(rx, ry) * AMPLITUDE_PER_LENGTH * 2);
  const phase = rng.range(0, Math.PI * 2);
  const start = rng.range(0, Math.PI * 2);
  const at = (angle: number, drift: number): Point => {
    const wave = Math.sin(phase + angle * 2) * amplitude + drift;
    return {
      x: center.x + Math.cos(angle) * (rx + wave),
      y: center.y + Math.sin(angle) * (ry + wave),
    };
  };
  const ring: Point[] = [];
  for (let i = 0; i < count; i++) ring.push(at(start + (i / count) * Math.PI * 2, 0));
  // The loop spirals out a little so its overlapping tail does not sit on its own start.
  const loop: Point[] = [];
  const loopCount = Math.round(count * (1 + LOOP_OVERLAP_RADIANS / (Math.PI * 2)));
  for (let i = 0; i <= loopCount; i++) {
    const t = i / count;
    loop.push(at(start + t * Math.PI * 2, t * amplitude * 0.8));
  }
  return { ring, loop };
}
