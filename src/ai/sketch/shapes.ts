import type { Point } from './geometry';

/**
 * A ring of puffs around `center`: a tree's crown from the side, a bush from above. The radius
 * swells `puffs` times around the ring; `squash` narrows it horizontally.
 */
export function puffRing(center: Point, radius: number, puffs: number, squash = 1): Point[] {
  const steps = puffs * 6;
  const ring: Point[] = [];
  for (let s = 0; s < steps; s++) {
    const angle = (s / steps) * Math.PI * 2;
    const bump = Math.abs(Math.sin((angle * puffs) / 2));
    const r = radius * (0.82 + 0.18 * bump);
    ring.push({ x: center.x + Math.cos(angle) * r * squash, y: center.y + Math.sin(angle) * r });
  }
  return ring;
}

/** A smooth curve through points (Catmull-Rom sampled), for rolling hills. */
export function smoothThrough(points: readonly Point[], steps = 6): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[Math.max(0, i - 1)];
    const p1 = points[i];
    const p2 = points[i + 1];
    const p3 = points[Math.min(points.length - 1, i + 2)];
    if (!p0 || !p1 || !p2 || !p3) continue;
    for (let s = 0; s < steps; s++) {
      const t = s / steps;
      const t2 = t * t;
      const t3 = t2 * t;
      const at = (a: number, b: number, c: number, d: number): number =>
        0.5 *
        (2 * b + (c - a) * t + (2 * a - 5 * b + 4 * c - d) * t2 + (3 * b - a - 3 * c + d) * t3);
      out.push({ x: at(p0.x, p1.x, p2.x, p3.x), y: at(p0.y, p1.y, p2.y, p3.y) });
    }
  }
  const last = points[points.length - 1];
  if (last) out.push(last);
  return out;
}
