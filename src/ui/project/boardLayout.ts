/**
 * Where every scene header and board of the grid sits, worked out from the number of shots per
 * scene alone, so the grid can mount only the rows near the viewport (virtualised) and still
 * know the whole scroll height and where any board is. Pure; pixel sizes come from outside.
 *
 * A scene starts a "head" row: its header band over its first boards. Scenes short enough share
 * a head row, side by side, each at least `minSpan` columns wide (room for its header). A scene
 * longer than a row goes on in rows of boards alone, and the next scene starts a new row.
 */

export interface GridMetrics {
  readonly columns: number;
  /** A board's box, in px. */
  readonly boardHeight: number;
  /** A scene header band, in px (head rows only). */
  readonly headerHeight: number;
  /** Between two rows of boards, in px. */
  readonly rowGap: number;
  /** Above a head row that is not the first, in px (on top of rowGap). */
  readonly sceneGap: number;
  /** The fewest columns a scene sharing a row takes, so its header has room. */
  readonly minSpan: number;
}

/** One scene's part of a row: boards `first … first + count - 1` of the scene. */
export interface Segment {
  readonly scene: number;
  readonly first: number;
  readonly count: number;
  readonly column: number;
  readonly span: number;
}

export interface Row {
  /** With a header band (the row starts its scenes). */
  readonly head: boolean;
  readonly top: number;
  readonly height: number;
  readonly segments: readonly Segment[];
}

export interface BoardLayout {
  readonly rows: readonly Row[];
  readonly height: number;
  /** For each scene, the index of its head row. */
  readonly sceneRow: readonly number[];
  readonly columns: number;
}

export interface BoardPlace {
  readonly scene: number;
  readonly index: number;
}

/** Packs scenes into rows (see the module comment). */
export function packRows(
  sizes: readonly number[],
  columns: number,
  minSpan: number,
): { head: boolean; segments: Segment[] }[] {
  const cols = Math.max(1, Math.floor(columns));
  const least = Math.min(cols, Math.max(1, Math.floor(minSpan)));
  const rows: { head: boolean; segments: Segment[] }[] = [];
  /** The head row short scenes may still join, and the columns it has used. */
  let open: { segments: Segment[]; used: number } | null = null;
  sizes.forEach((size, scene) => {
    if (size <= cols) {
      const span = Math.max(size, least);
      if (!open || open.used + span > cols) {
        open = { segments: [], used: 0 };
        rows.push({ head: true, segments: open.segments });
      }
      open.segments.push({ scene, first: 0, count: size, column: open.used, span });
      open.used += span;
      return;
    }
    open = null;
    for (let first = 0; first < size; first += cols) {
      const count = Math.min(cols, size - first);
      rows.push({ head: first === 0, segments: [{ scene, first, count, column: 0, span: cols }] });
    }
  });
  return rows;
}

export function layoutBoards(sizes: readonly number[], metrics: GridMetrics): BoardLayout {
  const packed = packRows(sizes, metrics.columns, metrics.minSpan);
  const sceneRow = new Array<number>(sizes.length).fill(0);
  const rows: Row[] = [];
  let y = 0;
  packed.forEach((row, i) => {
    if (i > 0) y += metrics.rowGap + (row.head ? metrics.sceneGap : 0);
    const height = metrics.boardHeight + (row.head ? metrics.headerHeight : 0);
    for (const segment of row.segments) if (segment.first === 0) sceneRow[segment.scene] = i;
    rows.push({ head: row.head, top: y, height, segments: row.segments });
    y += height;
  });
  return { rows, height: y, sceneRow, columns: Math.max(1, Math.floor(metrics.columns)) };
}

/** The rows that overlap `[from, to)` (px), as a half-open index range. */
export function rowsWithin(layout: BoardLayout, from: number, to: number): [number, number] {
  const { rows } = layout;
  // The first row whose bottom is below `from`.
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const row = rows[mid];
    if (row && row.top + row.height <= from) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < rows.length && (rows[end]?.top ?? to) < to) end++;
  return [lo, end];
}

/** The row a board is in, and its column. */
export function placeOf(layout: BoardLayout, place: BoardPlace): { row: number; column: number } {
  const head = layout.sceneRow[place.scene] ?? 0;
  const headRow = layout.rows[head];
  const segment = headRow?.segments.find((s) => s.scene === place.scene);
  if (!segment || place.index < segment.count) {
    return { row: head, column: (segment?.column ?? 0) + place.index };
  }
  // Rows after the head row hold `columns` boards each, from column 0.
  const after = place.index - segment.count;
  return {
    row: head + 1 + Math.floor(after / layout.columns),
    column: after % layout.columns,
  };
}

/** The board nearest `column` in row `row`, or null if the row holds none. */
export function boardAt(layout: BoardLayout, row: number, column: number): BoardPlace | null {
  const segments = layout.rows[row]?.segments.filter((s) => s.count > 0) ?? [];
  let best: BoardPlace | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const s of segments) {
    const at = Math.min(Math.max(column, s.column), s.column + s.count - 1);
    const distance = Math.abs(at - column);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = { scene: s.scene, index: s.first + at - s.column };
    }
  }
  return best;
}

/**
 * The board `rows` rows up (negative) or down from `from`, nearest its column, skipping rows
 * without boards (empty scenes); it stops at the first or last row that has one. Null when
 * there is none that way.
 */
export function boardRowsAway(
  layout: BoardLayout,
  from: BoardPlace,
  rows: number,
): BoardPlace | null {
  const { row, column } = placeOf(layout, from);
  const step = rows < 0 ? -1 : 1;
  let found: BoardPlace | null = null;
  let moved = 0;
  for (let r = row + step; r >= 0 && r < layout.rows.length; r += step) {
    const there = boardAt(layout, r, column);
    if (!there) continue;
    found = there;
    moved++;
    if (moved >= Math.abs(rows)) break;
  }
  return found;
}

/**
 * The board a page (`pageHeight` px, the pane's height) up or down from `from`, nearest its
 * column: the farthest row with boards whose top is still within a page, at least one row away.
 * Measured in pixels, so scene header bands and scene gaps count as the eye sees them (a count of
 * board rows jumped past what the pane showed). Null when there is no board that way.
 */
export function boardPageAway(
  layout: BoardLayout,
  from: BoardPlace,
  pageHeight: number,
  direction: 1 | -1,
): BoardPlace | null {
  const { row, column } = placeOf(layout, from);
  const start = layout.rows[row];
  if (!start) return null;
  const goal = start.top + direction * pageHeight;
  let found: BoardPlace | null = null;
  for (let r = row + direction; r >= 0 && r < layout.rows.length; r += direction) {
    const top = layout.rows[r]?.top ?? 0;
    const within = direction > 0 ? top <= goal : top >= goal;
    if (!within && found) break;
    const there = boardAt(layout, r, column);
    if (!there) continue;
    found = there;
    if (!within) break;
  }
  return found;
}
