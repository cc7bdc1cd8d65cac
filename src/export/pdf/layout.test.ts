import { describe, expect, test } from 'vitest';
import type { ShotType } from '../../model/camera';
import { boardGrid } from './boardGrid';
import type { DrawOp } from './drawOps';
import { layoutDocument } from './layoutDocument';
import { pageFrame, pageSize } from './pageGeometry';
import type { PdfBoard, PdfDocumentInput } from './pdfInput';
import { BOARDS_PER_PAGE, DEFAULT_PDF_OPTIONS, type PdfOptions } from './pdfOptions';
import { fixedMeasure } from './testMeasure';

const WIDE = 16 / 9;

function options(patch: Partial<PdfOptions>): PdfOptions {
  return { ...DEFAULT_PDF_OPTIONS, ...patch };
}

function board(index: number, patch: Partial<PdfBoard> = {}): PdfBoard {
  return {
    shotId: `s${index}`,
    number: `${Math.floor(index / 3) + 1}${'ABC'[index % 3]}`,
    sceneNumber: String(Math.floor(index / 3) + 1),
    sceneHeading: 'INT. KITCHEN - NIGHT',
    shotType: 'MS' as ShotType,
    cameraAngle: 'eye',
    cameraMove: 'static',
    durationMs: 3000,
    action: 'Mara opens the card and reads it twice, slowly, while the kettle begins to whistle.',
    dialogue: [{ speaker: 'MARA', parenthetical: 'quietly', line: 'He remembered.' }],
    notes: 'Hold on her hands.',
    frameHash: null,
    approval: null,
    comments: [],
    ...patch,
  };
}

function project(count: number): PdfDocumentInput {
  return {
    title: 'The Last Birthday Card',
    aspect: WIDE,
    version: '3',
    dateText: '5 December 2026',
    boards: Array.from({ length: count }, (_, i) => board(i)),
  };
}

function inside(
  inner: { x: number; y: number; width: number; height: number },
  outer: typeof inner,
) {
  const e = 1e-6;
  return (
    inner.x >= outer.x - e &&
    inner.y >= outer.y - e &&
    inner.x + inner.width <= outer.x + outer.width + e &&
    inner.y + inner.height <= outer.y + outer.height + e
  );
}

describe('paper', () => {
  test('sizes in points, portrait and landscape', () => {
    expect(pageSize({ paper: 'A4', orientation: 'portrait' })).toEqual({
      widthPt: 595.28,
      heightPt: 841.89,
    });
    expect(pageSize({ paper: 'A4', orientation: 'landscape' })).toEqual({
      widthPt: 841.89,
      heightPt: 595.28,
    });
    expect(pageSize({ paper: 'A3', orientation: 'portrait' })).toEqual({
      widthPt: 841.89,
      heightPt: 1190.55,
    });
    expect(pageSize({ paper: 'Letter', orientation: 'portrait' })).toEqual({
      widthPt: 612,
      heightPt: 792,
    });
    expect(pageSize({ paper: 'Legal', orientation: 'landscape' })).toEqual({
      widthPt: 1008,
      heightPt: 612,
    });
    expect(pageSize({ paper: 'Tabloid', orientation: 'portrait' })).toEqual({
      widthPt: 792,
      heightPt: 1224,
    });
  });

  test('header and footer take room from the boards only when shown', () => {
    const bare = pageFrame({ ...DEFAULT_PDF_OPTIONS, header: false, footer: false });
    const banded = pageFrame(DEFAULT_PDF_OPTIONS);
    expect(banded.body.height).toBeLessThan(bare.body.height);
    expect(banded.header.y + banded.header.height).toBeLessThanOrEqual(banded.body.y);
    expect(banded.body.y + banded.body.height).toBeLessThanOrEqual(banded.footer.y);
  });
});

describe('boards per page', () => {
  const shapes = (
    orientation: PdfOptions['orientation'],
    direction: PdfOptions['direction'] = 'horizontal',
  ) =>
    Object.fromEntries(
      BOARDS_PER_PAGE.map((boards) => {
        const o = options({ orientation, direction, layout: { kind: 'perPage', boards } });
        const grid = boardGrid(pageFrame(o).body, WIDE, o);
        return [boards, `${grid.columns}×${grid.rows}`];
      }),
    );

  test('the grid with the largest frames: side by side in landscape, stacked in portrait', () => {
    expect(shapes('landscape')).toEqual({
      1: '1×1',
      2: '2×1',
      3: '3×1',
      4: '2×2',
      6: '3×2',
      9: '3×3',
      12: '4×3',
    });
    expect(shapes('portrait')).toEqual({
      1: '1×1',
      2: '1×2',
      3: '1×3',
      4: '2×2',
      6: '2×3',
      9: '3×3',
      12: '3×4',
    });
  });

  test('the vertical layout puts boards in rows, text beside each frame', () => {
    const o = options({
      orientation: 'portrait',
      direction: 'vertical',
      layout: { kind: 'perPage', boards: 6 },
    });
    const grid = boardGrid(pageFrame(o).body, WIDE, o);
    expect(grid.columns).toBe(1);
    expect(grid.rows).toBe(6);
    for (const box of grid.boxes) {
      expect(box.text.x).toBeGreaterThanOrEqual(box.frame.x + box.frame.width);
      expect(box.text.width).toBeGreaterThan(box.frame.width * 0.8);
    }
  });

  test.each([
    ['horizontal', 'portrait'],
    ['horizontal', 'landscape'],
    ['vertical', 'portrait'],
    ['vertical', 'landscape'],
  ] as const)(
    '%s boards on %s pages: every part inside its cell, frames keep the aspect, nothing overlaps',
    (direction, orientation) => {
      for (const layout of [
        ...BOARDS_PER_PAGE.map((boards) => ({ kind: 'perPage' as const, boards })),
        { kind: 'grid' as const, columns: 8, rows: 8 },
        { kind: 'grid' as const, columns: 5, rows: 2 },
      ]) {
        const o = options({ orientation, direction, layout });
        const body = pageFrame(o).body;
        const grid = boardGrid(body, WIDE, o);
        const expected = layout.kind === 'grid' ? layout.columns * layout.rows : layout.boards;
        expect(grid.boxes).toHaveLength(expected);
        for (const [i, box] of grid.boxes.entries()) {
          expect(inside(box.cell, body)).toBe(true);
          for (const part of [box.caption, box.frame, box.text])
            expect(inside(part, box.cell)).toBe(true);
          expect(box.frame.width / box.frame.height).toBeCloseTo(WIDE, 6);
          expect(box.frame.width).toBeGreaterThan(20);
          for (const other of grid.boxes.slice(i + 1)) {
            const apart =
              other.cell.x >= box.cell.x + box.cell.width ||
              other.cell.y >= box.cell.y + box.cell.height;
            expect(apart).toBe(true);
          }
        }
      }
    },
  );

  test('an 8 × 8 grid still has readable (4.5 pt or larger) text', () => {
    const o = options({ layout: { kind: 'grid', columns: 8, rows: 8 } });
    const grid = boardGrid(pageFrame(o).body, WIDE, o);
    expect(Math.min(...grid.boxes.map((b) => b.fontSizePt))).toBeGreaterThanOrEqual(4.5);
  });
});

function textOps(ops: readonly DrawOp[]) {
  return ops.filter((op) => op.kind === 'text');
}

describe('the document', () => {
  test('a cover, then as many pages as the boards need, numbered "Page x of y"', () => {
    const plan = layoutDocument(
      project(100),
      options({ layout: { kind: 'perPage', boards: 6 } }),
      fixedMeasure,
    );
    expect(plan.pages).toHaveLength(1 + 17);
    const last = textOps(plan.pages.at(-1)?.ops ?? []).map((op) => op.text);
    expect(last).toContain('Page 17 of 17');
    const cover = textOps(plan.pages[0]?.ops ?? []).map((op) => op.text);
    expect(cover).toContain('The Last Birthday Card');
    expect(cover).toContain('34 scenes · 100 shots · 5:00');
    expect(cover).toContain('Version 3');
  });

  test('every shot number is printed, on the page its board is on', () => {
    const input = project(20);
    for (const boards of BOARDS_PER_PAGE) {
      const plan = layoutDocument(
        input,
        options({ cover: false, layout: { kind: 'perPage', boards } }),
        fixedMeasure,
      );
      expect(plan.pages).toHaveLength(Math.ceil(20 / boards));
      const printed = plan.pages.flatMap((page) => textOps(page.ops).map((op) => op.text));
      for (const b of input.boards) expect(printed).toContain(b.number);
    }
  });

  test('durations read as minutes and seconds', () => {
    const input = { ...project(1), boards: [board(0, { durationMs: 65_000 })] };
    const plan = layoutDocument(input, options({ cover: false }), fixedMeasure);
    expect(textOps(plan.pages[0]?.ops ?? []).map((op) => op.text)).toContain('1:05');
  });

  test('every line of text stays inside its board', () => {
    const long = board(0, { action: 'word '.repeat(400), notes: 'note '.repeat(200) });
    const input = { ...project(1), boards: [long, board(1), board(2)] };
    for (const direction of ['horizontal', 'vertical'] as const) {
      const o = options({
        cover: false,
        direction,
        header: false,
        footer: false,
        fields: [...DEFAULT_PDF_OPTIONS.fields, 'notes', 'comments', 'approval'],
      });
      const plan = layoutDocument(input, o, fixedMeasure);
      const grid = boardGrid(pageFrame(o).body, WIDE, o);
      const ops = textOps(plan.pages[0]?.ops ?? []);
      expect(ops.some((op) => op.text.endsWith('…'))).toBe(true);
      for (const op of ops) {
        const cell = grid.boxes.find(
          (b) =>
            op.x >= b.cell.x - 1e-6 &&
            op.x < b.cell.x + b.cell.width &&
            op.y - op.sizePt >= b.cell.y - 1e-6 &&
            op.y - op.sizePt < b.cell.y + b.cell.height,
        );
        expect(cell).toBeDefined();
        if (!cell) continue;
        expect(op.x + fixedMeasure(op.text, op.sizePt)).toBeLessThanOrEqual(
          cell.cell.x + cell.cell.width + 1e-6,
        );
        expect(op.y).toBeLessThanOrEqual(cell.cell.y + cell.cell.height + 1e-6);
      }
    }
  });

  test('a worksheet is empty frames: no shot text, the asked number of pages', () => {
    const plan = layoutDocument(
      project(10),
      options({ worksheet: true, worksheetPages: 3, cover: false }),
      fixedMeasure,
    );
    expect(plan.pages).toHaveLength(3);
    const texts = textOps(plan.pages[0]?.ops ?? []).map((op) => op.text);
    expect(texts).not.toContain('1A');
    expect(plan.pages[0]?.ops.filter((op) => op.kind === 'rect').length).toBe(12);
    expect(plan.pages[0]?.ops.some((op) => op.kind === 'image')).toBe(false);
  });

  test("a frame carries the project's re-frame setting; older inputs letterbox", () => {
    const frameOps = (input: PdfDocumentInput) =>
      (layoutDocument(input, options({ cover: false }), fixedMeasure).pages[0]?.ops ?? []).filter(
        (op) => op.kind === 'image',
      );
    const boards = [board(0, { frameHash: 'abc' })];
    expect(frameOps({ ...project(1), boards, fit: 'crop' })).toMatchObject([{ fit: 'crop' }]);
    expect(frameOps({ ...project(1), boards })).toMatchObject([{ fit: 'letterbox' }]);
  });

  test('frames are placed by hash; black and white draws only greys', () => {
    const input = {
      ...project(2),
      boards: [board(0, { frameHash: 'abc', approval: 'approved' }), board(1)],
    };
    const plan = layoutDocument(
      input,
      options({
        cover: false,
        blackAndWhite: true,
        fields: [...DEFAULT_PDF_OPTIONS.fields, 'approval'],
      }),
      fixedMeasure,
    );
    const ops = plan.pages[0]?.ops ?? [];
    expect(
      ops.filter((op) => op.kind === 'image').map((op) => op.kind === 'image' && op.key),
    ).toEqual(['abc']);
    expect(textOps(ops).map((op) => op.text)).toContain('Approved');
    for (const op of ops) {
      const colors =
        op.kind === 'text'
          ? [op.color]
          : op.kind === 'line'
            ? [op.color]
            : op.kind === 'rect'
              ? [op.stroke, op.fill]
              : [];
      for (const c of colors) if (c) expect(c.r === c.g && c.g === c.b).toBe(true);
    }
  });

  test("the header names the page's scene, or the range of scenes", () => {
    const plan = layoutDocument(
      project(6),
      options({ cover: false, layout: { kind: 'perPage', boards: 3 } }),
      fixedMeasure,
    );
    expect(textOps(plan.pages[0]?.ops ?? []).map((op) => op.text)).toContain(
      'Scene 1 · INT. KITCHEN - NIGHT',
    );
    const two = layoutDocument(
      project(6),
      options({ cover: false, layout: { kind: 'perPage', boards: 6 } }),
      fixedMeasure,
    );
    expect(textOps(two.pages[0]?.ops ?? []).map((op) => op.text)).toContain('Scenes 1–2');
  });
});
