import type { ClipLayout } from '../../model/timelineEdit';

/**
 * The clips that overlap `[fromMs, toMs)` as a half-open index range (clips are back to back,
 * in order, so a binary search finds the first).
 */
export function clipsWithin(
  layout: readonly ClipLayout[],
  fromMs: number,
  toMs: number,
): [number, number] {
  let lo = 0;
  let hi = layout.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((layout[mid]?.end ?? 0) <= fromMs) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < layout.length && (layout[end]?.start ?? toMs) < toMs) end++;
  return [lo, end];
}

/** One run of mounted clips, with the blank before it that stands for the clips left out. */
export interface ClipRun {
  readonly gapPx: number;
  readonly from: number;
  readonly to: number;
}

/**
 * The mounted clips as runs: the window's range plus any `pinned` clip outside it (the selected
 * one, so focus stays on a mounted element). Each run's gap is the width of what it skips, so
 * clips sit where they would with every clip mounted and a trimmed clip still pushes the rest
 * of its run along while it is dragged.
 */
export function clipRuns(
  layout: readonly ClipLayout[],
  range: readonly [number, number],
  pinned: number,
  xOf: (ms: number) => number,
): ClipRun[] {
  const spans: [number, number][] = [];
  const [from, to] = range;
  if (pinned >= 0 && pinned < from) spans.push([pinned, pinned + 1]);
  if (to > from) spans.push([from, to]);
  if (pinned >= to && pinned < layout.length) spans.push([pinned, pinned + 1]);
  let x = 0;
  return spans.map(([a, b]) => {
    const start = xOf(layout[a]?.start ?? 0);
    const run = { gapPx: Math.max(0, start - x), from: a, to: b };
    x = xOf(layout[b - 1]?.end ?? 0);
    return run;
  });
}
