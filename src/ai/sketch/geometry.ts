export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

export function lerpPoint(a: Point, b: Point, t: number): Point {
  return { x: lerp(a.x, b.x, t), y: lerp(a.y, b.y, t) };
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * Sutherland–Hodgman: the part of a polygon inside an axis-aligned rectangle. Convexity of the
 * rectangle is all it needs; the polygon may be concave.
 */
export function clipPolygon(points: readonly Point[], rect: Rect): Point[] {
  const right = rect.x + rect.w;
  const bottom = rect.y + rect.h;
  const edges: ((p: Point) => number)[] = [
    (p) => p.x - rect.x,
    (p) => right - p.x,
    (p) => p.y - rect.y,
    (p) => bottom - p.y,
  ];
  let output: Point[] = [...points];
  for (const inside of edges) {
    const input = output;
    output = [];
    for (let i = 0; i < input.length; i++) {
      const current = input[i];
      const previous = input[(i + input.length - 1) % input.length];
      if (!current || !previous) continue;
      const dc = inside(current);
      const dp = inside(previous);
      if (dc >= 0) {
        if (dp < 0) output.push(lerpPoint(previous, current, dp / (dp - dc)));
        output.push(current);
      } else if (dp >= 0) {
        output.push(lerpPoint(previous, current, dp / (dp - dc)));
      }
    }
    if (output.length === 0) break;
  }
  return output;
}

/** Liang–Barsky for one segment: the `[t0, t1]` part inside `rect`, or null when none is. */
function clipSegment(a: Point, b: Point, rect: Rect): readonly [number, number] | null {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const checks: readonly (readonly [number, number])[] = [
    [-dx, a.x - rect.x],
    [dx, rect.x + rect.w - a.x],
    [-dy, a.y - rect.y],
    [dy, rect.y + rect.h - a.y],
  ];
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of checks) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return null;
  }
  return [t0, t1];
}

/** The parts of a polyline inside `rect`; a line that leaves and re-enters becomes two runs. */
export function clipPolyline(points: readonly Point[], rect: Rect): Point[][] {
  const runs: Point[][] = [];
  let run: Point[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (!a || !b) continue;
    const part = clipSegment(a, b, rect);
    if (!part) {
      if (run.length > 1) runs.push(run);
      run = [];
      continue;
    }
    const start = lerpPoint(a, b, part[0]);
    const end = lerpPoint(a, b, part[1]);
    if (run.length === 0 || part[0] > 0) {
      if (run.length > 1) runs.push(run);
      run = [start];
    }
    run.push(end);
    if (part[1] < 1) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 1) runs.push(run);
  return runs;
}
