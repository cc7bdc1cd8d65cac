import type { PdfPageText, PdfTextItem } from './extract';

/** A stretch of a line with no wide gap in it (a column of dual dialogue, a margin number). */
export interface PdfSegment {
  readonly text: string;
  readonly x: number;
  readonly right: number;
}

/** One printed line: the text items that share a baseline, left to right. */
export interface PdfLine {
  /** 1-based number of the line in reading order over the whole PDF (what `line` means for PDFs). */
  readonly index: number;
  readonly page: number;
  readonly pageWidth: number;
  readonly pageHeight: number;
  readonly y: number;
  /** Width of one character (Courier 12pt: 7.2pt). */
  readonly charWidth: number;
  readonly text: string;
  /** Left edge of the first visible character; right edge of the last. */
  readonly x: number;
  readonly right: number;
  readonly segments: readonly PdfSegment[];
}

/** Items this close to a line's baseline (in font sizes) belong to it. */
const SAME_LINE_SIZES = 0.35;
/** A gap this many characters wide splits a line into segments. */
export const SEGMENT_GAP_CHARS = 3;
/** Within a segment, a gap wider than this share of a character is a space. */
const SPACE_GAP_CHARS = 0.3;
/** Inside one string, this many spaces in a row are a gap between columns. */
const COLUMN_SPACES = 4;
/** Courier's advance is 0.6 of its size; used when an item reports no width. */
const MONOSPACE_ADVANCE = 0.6;

export function buildLines(pages: readonly PdfPageText[]): PdfLine[][] {
  let index = 0;
  return pages.map((page) =>
    groupByBaseline(page.items).map((items) => {
      index++;
      return lineOf(items, index, page);
    }),
  );
}

function groupByBaseline(items: readonly PdfTextItem[]): PdfTextItem[][] {
  const visible = items.filter((item) => item.text.trim() !== '');
  visible.sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  let baseline = Number.NaN;
  for (const item of visible) {
    const tolerance = Math.max(1, item.size * SAME_LINE_SIZES);
    const group = groups.at(-1);
    if (group && Math.abs(item.y - baseline) <= tolerance) {
      group.push(item);
    } else {
      groups.push([item]);
      baseline = item.y;
    }
  }
  for (const group of groups) group.sort((a, b) => a.x - b.x);
  return groups;
}

interface Piece {
  text: string;
  x: number;
  right: number;
}

function lineOf(items: readonly PdfTextItem[], index: number, page: PdfPageText): PdfLine {
  const advances = items.map(advanceOf);
  const charWidth = median(advances);
  const pieces: Piece[] = [];
  items.forEach((item, position) =>
    pieces.push(...piecesOf(item, advances[position] ?? charWidth)),
  );
  const segments: PdfSegment[] = [];
  let current: Piece | undefined;
  for (const piece of pieces) {
    const gap = current ? piece.x - current.right : 0;
    if (current && gap < SEGMENT_GAP_CHARS * charWidth) {
      current.text += (gap > SPACE_GAP_CHARS * charWidth ? ' ' : '') + piece.text;
      current.right = Math.max(current.right, piece.right);
    } else {
      if (current) segments.push(current);
      current = { ...piece };
    }
  }
  if (current) segments.push(current);
  const first = segments[0];
  return {
    index,
    page: page.number,
    pageWidth: page.width,
    pageHeight: page.height,
    y: items[0]?.y ?? 0,
    charWidth,
    text: segments.map((segment) => segment.text).join(' '),
    x: first?.x ?? 0,
    right: segments.at(-1)?.right ?? 0,
    segments,
  };
}

function advanceOf(item: PdfTextItem): number {
  const length = [...item.text].length;
  const measured = length > 0 ? item.width / length : 0;
  return measured > 0 ? measured : item.size * MONOSPACE_ADVANCE || 1;
}

/** The visible parts of one item, split where it holds a run of spaces wide enough to be a gap. */
function piecesOf(item: PdfTextItem, advance: number): Piece[] {
  const pieces: Piece[] = [];
  const chars = [...item.text];
  let start = -1;
  let spaces = 0;
  const close = (end: number): void => {
    if (start === -1) return;
    const text = chars.slice(start, end).join('').trimEnd();
    pieces.push({
      text,
      x: item.x + start * advance,
      right: item.x + (start + [...text].length) * advance,
    });
    start = -1;
  };
  chars.forEach((char, position) => {
    if (char.trim() === '') {
      spaces++;
      if (spaces === COLUMN_SPACES) close(position);
      return;
    }
    if (start === -1) start = position;
    spaces = 0;
  });
  close(chars.length);
  return pieces;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * The distance between two lines of one paragraph. Blank lines make many gaps twice as large
 * (a script of one-line speeches has more of those than of the real line gap), so this takes a
 * low quantile of the gaps rather than their median.
 */
export function lineSpacing(lines: readonly PdfLine[]): number {
  const gaps: number[] = [];
  for (let index = 1; index < lines.length; index++) {
    const above = lines[index - 1];
    const below = lines[index];
    if (above && below && above.page === below.page && above.y > below.y)
      gaps.push(above.y - below.y);
  }
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length * LINE_SPACING_QUANTILE)] ?? DEFAULT_LINE_SPACING;
}

const LINE_SPACING_QUANTILE = 0.1;
/** 6 lines per inch, the screenplay standard. */
const DEFAULT_LINE_SPACING = 12;
