/**
 * Which rows of a project's update log to fold into one, once the log is long. Every keystroke is
 * a row now (it is written at once), so folding must be cheap: the largest row is the document's
 * base and stays as it is while the edits since are folded into one row (a merge of a few small
 * updates, milliseconds); only when those edits add up to a good part of the base (FOLD_BASE_AT)
 * is everything folded, which costs time in proportion to the whole document, rarely. Folding the
 * whole log every time cost a 5,000-shot project over a second of main thread per 50 keystrokes.
 */
export const COMPACT_AFTER_ROWS = 50;

/** Edits folded into the base once they weigh this share of it. */
export const FOLD_BASE_AT = 0.25;

export interface LogRowSize {
  readonly seq: number;
  readonly bytes: number;
}

/** The rows to fold (by seq), or null while the log is short enough. */
export function rowsToFold(rows: readonly LogRowSize[]): number[] | null {
  if (rows.length <= COMPACT_AFTER_ROWS) return null;
  const base = rows.reduce((largest, row) => (row.bytes > largest.bytes ? row : largest));
  const edits = rows.filter((row) => row !== base);
  const editBytes = edits.reduce((sum, row) => sum + row.bytes, 0);
  const fold = editBytes >= base.bytes * FOLD_BASE_AT ? rows : edits;
  return fold.map((row) => row.seq);
}
