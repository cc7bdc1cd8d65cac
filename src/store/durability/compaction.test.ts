import { describe, expect, test } from 'vitest';
import { COMPACT_AFTER_ROWS, rowsToFold } from './compaction';

const rows = (sizes: number[]) => sizes.map((bytes, i) => ({ seq: i + 1, bytes }));

describe('which rows of the update log fold', () => {
  test('a short log is left alone', () => {
    expect(rowsToFold(rows(new Array<number>(COMPACT_AFTER_ROWS).fill(40)))).toBeNull();
  });

  test('a large base stays as it is while the small edits after it fold into one', () => {
    const log = rows([3_000_000, ...new Array<number>(COMPACT_AFTER_ROWS).fill(40)]);
    expect(rowsToFold(log)).toEqual(log.slice(1).map((r) => r.seq));
  });

  test('the base is found wherever it is (a fold adds its row at the end)', () => {
    const log = rows([500, 400, 2_000_000, ...new Array<number>(COMPACT_AFTER_ROWS).fill(40)]);
    expect(rowsToFold(log)).not.toContain(3);
  });

  test('once the edits weigh a quarter of the base, everything folds', () => {
    const log = rows([4_000, ...new Array<number>(COMPACT_AFTER_ROWS).fill(40)]);
    expect(rowsToFold(log)).toEqual(log.map((r) => r.seq));
  });
});
