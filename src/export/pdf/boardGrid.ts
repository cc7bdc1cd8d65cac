import type { Rect } from './pageGeometry';
import { hasField, MAX_GRID, type PdfField, type PdfOptions } from './pdfOptions';

/** Where one board's parts go on the page. */
export interface BoardBox {
  readonly cell: Rect;
  /** Shot number, scene heading and duration, above the frame. Zero height when none is shown. */
  readonly caption: Rect;
  readonly frame: Rect;
  /** Action, dialogue, notes…: below the frame (horizontal) or beside it (vertical). */
  readonly text: Rect;
  readonly fontSizePt: number;
}

export interface BoardGrid {
  readonly columns: number;
  readonly rows: number;
  /** Row by row, left to right: the order boards are read in. */
  readonly boxes: readonly BoardBox[];
}

const CAPTION_FIELDS: readonly PdfField[] = ['shotNumber', 'sceneHeading', 'duration'];
const TEXT_FIELDS: readonly PdfField[] = [
  'action',
  'dialogue',
  'notes',
  'camera',
  'comments',
  'approval',
];
/** Line height as a multiple of the font size. */
export const LINE_HEIGHT = 1.25;
const MIN_FONT_PT = 4.5;
const MAX_FONT_PT = 10;
/** In the vertical layout the frame takes at most this share of the board's width. */
const VERTICAL_FRAME_SHARE = 0.48;
/** In the horizontal layout text keeps at least this share of the board's height. */
const HORIZONTAL_TEXT_SHARE = 0.28;

type Direction = PdfOptions['direction'];
type Fields = Pick<PdfOptions, 'fields'>;

/** Text scales with the board: 10 pt on a board per page, 4.5 pt on an 8 × 8 grid. */
export function fontSizeFor(cellWidth: number, cellHeight: number): number {
  const size = Math.min(cellHeight / 16, cellWidth / 24);
  return Math.round(Math.min(MAX_FONT_PT, Math.max(MIN_FONT_PT, size)) * 2) / 2;
}

function gutterFor(body: Rect): number {
  return Math.min(14, Math.max(4, Math.min(body.width, body.height) * 0.02));
}

/** Lays one board out in its cell. `aspect` is the frame's width / height. */
export function boardBox(
  cell: Rect,
  aspect: number,
  direction: Direction,
  fields: Fields,
): BoardBox {
  const fontSizePt = fontSizeFor(cell.width, cell.height);
  const line = fontSizePt * LINE_HEIGHT;
  const captionHeight = CAPTION_FIELDS.some((f) => hasField(fields, f)) ? line * 1.35 : 0;
  const hasText = TEXT_FIELDS.some((f) => hasField(fields, f));
  const caption = { x: cell.x, y: cell.y, width: cell.width, height: captionHeight };
  const top = cell.y + captionHeight;
  const below = cell.height - captionHeight;
  const gap = hasText ? Math.max(2, fontSizePt * 0.4) : 0;
  if (!hasField(fields, 'frame')) {
    // Text-only boards (a shot list on paper): the text takes the whole board.
    return {
      cell,
      caption,
      frame: { x: cell.x, y: top, width: 0, height: 0 },
      text: { x: cell.x, y: top, width: cell.width, height: below },
      fontSizePt,
    };
  }
  if (direction === 'vertical' && hasText) {
    const width = Math.max(0, Math.min(cell.width * VERTICAL_FRAME_SHARE, below * aspect));
    const frame = { x: cell.x, y: top, width, height: width / aspect };
    const textX = cell.x + width + gap;
    return {
      cell,
      caption,
      frame,
      text: { x: textX, y: top, width: Math.max(0, cell.x + cell.width - textX), height: below },
      fontSizePt,
    };
  }
  const textMin = hasText ? Math.max(3 * line, cell.height * HORIZONTAL_TEXT_SHARE) : 0;
  const width = Math.max(0, Math.min(cell.width, (below - textMin - gap) * aspect));
  const height = width / aspect;
  const x = cell.x + (cell.width - width) / 2;
  const frame = { x, y: top, width, height };
  const textY = top + height + gap;
  return {
    cell,
    caption: { ...caption, x, width },
    frame,
    text: { x, y: textY, width, height: Math.max(0, cell.y + cell.height - textY) },
    fontSizePt,
  };
}

/** The cells of a columns × rows grid over `body`, row by row. */
export function gridCells(body: Rect, columns: number, rows: number): Rect[] {
  const gutter = gutterFor(body);
  const width = (body.width - gutter * (columns - 1)) / columns;
  const height = (body.height - gutter * (rows - 1)) / rows;
  const cells: Rect[] = [];
  for (let row = 0; row < rows; row++)
    for (let column = 0; column < columns; column++)
      cells.push({
        x: body.x + column * (width + gutter),
        y: body.y + row * (height + gutter),
        width,
        height,
      });
  return cells;
}

function layoutGrid(
  body: Rect,
  columns: number,
  rows: number,
  aspect: number,
  direction: Direction,
  fields: Fields,
): BoardGrid {
  const boxes = gridCells(body, columns, rows).map((cell) =>
    boardBox(cell, aspect, direction, fields),
  );
  return { columns, rows, boxes };
}

/**
 * The grid for a layout. A count of boards per page takes, of the grids with exactly that many
 * cells, the one whose frames come out largest on this page: 2 per page is side by side in
 * landscape and one above the other in portrait, and the vertical layout prefers rows.
 */
export function boardGrid(
  body: Rect,
  aspect: number,
  options: Pick<PdfOptions, 'layout' | 'direction' | 'fields'>,
): BoardGrid {
  const { layout, direction } = options;
  if (layout.kind === 'grid')
    return layoutGrid(body, layout.columns, layout.rows, aspect, direction, options);
  let best: BoardGrid | null = null;
  let bestArea = -1;
  for (let columns = 1; columns <= Math.min(layout.boards, MAX_GRID * 2); columns++) {
    if (layout.boards % columns !== 0) continue;
    const grid = layoutGrid(body, columns, layout.boards / columns, aspect, direction, options);
    const frame = grid.boxes[0]?.frame;
    const area = frame ? frame.width * frame.height : 0;
    // Ties (1 × 1) keep the first: fewer columns.
    if (area > bestArea + 1e-6) {
      best = grid;
      bestArea = area;
    }
  }
  return best ?? layoutGrid(body, 1, 1, aspect, direction, options);
}
