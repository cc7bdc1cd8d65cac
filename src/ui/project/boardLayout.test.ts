import { describe, expect, test } from 'vitest';
import {
  boardPageAway,
  boardRowsAway,
  layoutBoards,
  packRows,
  placeOf,
  rowsWithin,
  type GridMetrics,
} from './boardLayout';
import { boardGeometry } from './boardSizes';

const metrics: GridMetrics = {
  columns: 6,
  boardHeight: 100,
  headerHeight: 40,
  rowGap: 10,
  sceneGap: 20,
  minSpan: 2,
};

describe('packing scenes into rows', () => {
  test('short scenes share a row, each at least minSpan wide', () => {
    const rows = packRows([1, 3, 2, 4], 6, 2);
    expect(rows.map((r) => r.segments.map((s) => [s.scene, s.column, s.span]))).toEqual([
      [
        [0, 0, 2],
        [1, 2, 3],
      ],
      [
        [2, 0, 2],
        [3, 2, 4],
      ],
    ]);
    expect(rows.every((r) => r.head)).toBe(true);
  });

  test('a long scene starts its own row and goes on in rows without a header', () => {
    const rows = packRows([2, 14, 1], 6, 2);
    expect(rows.map((r) => [r.head, r.segments.map((s) => [s.scene, s.first, s.count])])).toEqual([
      [true, [[0, 0, 2]]],
      [true, [[1, 0, 6]]],
      [false, [[1, 6, 6]]],
      [false, [[1, 12, 2]]],
      [true, [[2, 0, 1]]],
    ]);
  });

  test('an empty scene still gets its header', () => {
    const rows = packRows([0, 0], 6, 3);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.segments.map((s) => [s.scene, s.count, s.span])).toEqual([
      [0, 0, 3],
      [1, 0, 3],
    ]);
  });

  test('with one column every scene has rows of its own', () => {
    const rows = packRows([2, 1], 1, 2);
    expect(rows.map((r) => r.segments.map((s) => [s.scene, s.first, s.count]))).toEqual([
      [[0, 0, 1]],
      [[0, 1, 1]],
      [[1, 0, 1]],
    ]);
  });
});

describe('the laid-out grid', () => {
  const layout = layoutBoards([2, 14, 1], metrics);

  test('rows stack with gaps; head rows are taller and further apart', () => {
    expect(layout.rows.map((r) => [r.top, r.height])).toEqual([
      [0, 140],
      [170, 140],
      [320, 100],
      [430, 100],
      [560, 140],
    ]);
    expect(layout.height).toBe(700);
    expect(layout.sceneRow).toEqual([0, 1, 4]);
  });

  test('the rows overlapping a span of pixels', () => {
    expect(rowsWithin(layout, 0, 100)).toEqual([0, 1]);
    expect(rowsWithin(layout, 150, 330)).toEqual([1, 3]);
    expect(rowsWithin(layout, 690, 2000)).toEqual([4, 5]);
    expect(rowsWithin(layout, 5000, 6000)).toEqual([5, 5]);
  });

  test('where a board is', () => {
    expect(placeOf(layout, { scene: 1, index: 0 })).toEqual({ row: 1, column: 0 });
    expect(placeOf(layout, { scene: 1, index: 13 })).toEqual({ row: 3, column: 1 });
    const packed = layoutBoards([1, 3], metrics);
    expect(placeOf(packed, { scene: 1, index: 2 })).toEqual({ row: 0, column: 4 });
  });

  test('up and down go to the nearest board in the next row with boards', () => {
    expect(boardRowsAway(layout, { scene: 1, index: 4 }, 1)).toEqual({ scene: 1, index: 10 });
    expect(boardRowsAway(layout, { scene: 1, index: 13 }, 1)).toEqual({ scene: 2, index: 0 });
    expect(boardRowsAway(layout, { scene: 1, index: 5 }, -1)).toEqual({ scene: 0, index: 1 });
    expect(boardRowsAway(layout, { scene: 0, index: 0 }, -1)).toBeNull();
    // A page down stops at the last row.
    expect(boardRowsAway(layout, { scene: 0, index: 0 }, 10)).toEqual({ scene: 2, index: 0 });
  });

  test('a page up or down moves by the pane’s height, scene headers counted', () => {
    // Eight scenes of a full row each: every row is a head row, 140 px tall, 170 px apart.
    const scenes = layoutBoards([6, 6, 6, 6, 6, 6, 6, 6], metrics);
    expect(scenes.rows.map((row) => row.top).slice(0, 5)).toEqual([0, 170, 340, 510, 680]);
    // A 600 px pane: the row at 510 is the last whose top is within a page (a count of board
    // rows, 600 / 110, would have gone 5 rows, 850 px, past what the pane showed).
    expect(boardPageAway(scenes, { scene: 0, index: 2 }, 600, 1)).toEqual({ scene: 3, index: 2 });
    expect(boardPageAway(scenes, { scene: 6, index: 2 }, 600, -1)).toEqual({ scene: 3, index: 2 });
    // Near the ends it stops at the last or first row; at the end there is nowhere to go.
    expect(boardPageAway(scenes, { scene: 6, index: 0 }, 600, 1)).toEqual({ scene: 7, index: 0 });
    expect(boardPageAway(scenes, { scene: 7, index: 0 }, 600, 1)).toBeNull();
    // A pane shorter than a row still moves one row.
    expect(boardPageAway(scenes, { scene: 0, index: 0 }, 50, 1)).toEqual({ scene: 1, index: 0 });
  });

  test('up skips a row of empty scenes', () => {
    const withEmpty = layoutBoards([2, 0, 3], { ...metrics, columns: 3, minSpan: 3 });
    expect(boardRowsAway(withEmpty, { scene: 2, index: 1 }, -1)).toEqual({ scene: 0, index: 1 });
  });
});

describe('board sizes', () => {
  test('smaller boards fit more columns; boards stretch to fill the width', () => {
    const small = boardGeometry('small', 1000);
    const medium = boardGeometry('medium', 1000);
    const large = boardGeometry('large', 1000);
    expect(small.metrics.columns).toBeGreaterThan(medium.metrics.columns);
    expect(medium.metrics.columns).toBeGreaterThan(large.metrics.columns);
    for (const g of [small, medium, large]) {
      const used = g.metrics.columns * g.boardWidth + (g.metrics.columns - 1) * g.gap;
      expect(used).toBeCloseTo(1000);
    }
  });

  test('a narrow grid still has one column', () => {
    expect(boardGeometry('large', 120).metrics.columns).toBe(1);
  });
});
