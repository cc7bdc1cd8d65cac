/** A box in frame units: left, top, right, bottom. */
export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/**
 * Where a stroke's outline polygon changed between two paints, in its own units, or null when
 * it did not. Both are flat x, y arrays; perfect-freehand lists the left side, the end cap, the
 * right side backwards and the start cap, so a growing stroke keeps a common head and tail and
 * changes only in the middle (the pen's end). The box holds the changed points of both
 * polygons and their unchanged neighbours, so it holds every edge that moved: a fill of the
 * new polygon clipped to it, over the old one cleared from it, paints what a full redraw would.
 */
export function outlineDamage(before: readonly number[], after: readonly number[]): Box | null {
  const pairs = Math.min(before.length, after.length) >> 1;
  let head = 0;
  while (head < pairs && samePoint(before, head * 2, after, head * 2)) head++;
  let tail = 0;
  while (
    tail < pairs - head &&
    samePoint(before, before.length - 2 - tail * 2, after, after.length - 2 - tail * 2)
  )
    tail++;
  if (head === pairs && before.length === after.length) return null;
  const box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const outline of [before, after]) {
    const count = outline.length >> 1;
    if (count === 0) continue;
    // Changed points, plus the unchanged point on each side (a closed polygon wraps around).
    for (let i = head - 1; i <= count - tail; i++) {
      const at = ((i % count) + count) % count;
      grow(box, outline[at * 2] as number, outline[at * 2 + 1] as number);
    }
  }
  return box.x0 <= box.x1 ? box : null;
}

function samePoint(a: readonly number[], i: number, b: readonly number[], j: number): boolean {
  return a[i] === b[j] && a[i + 1] === b[j + 1];
}

function grow(box: { x0: number; y0: number; x1: number; y1: number }, x: number, y: number) {
  if (x < box.x0) box.x0 = x;
  if (x > box.x1) box.x1 = x;
  if (y < box.y0) box.y0 = y;
  if (y > box.y1) box.y1 = y;
}
