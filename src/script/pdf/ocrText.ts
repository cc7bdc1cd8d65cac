import type { PdfPageText, PdfTextItem } from './extract';
import { median } from './lines';

/**
 * OCR output → the positioned text a PDF's text layer would have given, so a scanned script goes
 * through the same reader (lines.ts, bands.ts, elements.ts) as any other PDF. That reader finds a
 * line's kind from its left edge in characters, so what matters here is where each word starts and
 * how wide one character is; words keep their own left edge and share their line's baseline.
 *
 * The shapes below are the part of tesseract.js's `blocks` output this needs (pixels, y down from
 * the top of the rendered page), declared here so the mapping stays pure and testable in Node.
 */
export interface OcrBox {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface OcrWord {
  readonly text: string;
  /** 0–100. */
  readonly confidence: number;
  readonly bbox: OcrBox;
  /** Each recognised character's box, when the engine gave them. */
  readonly symbols?: readonly { readonly bbox: OcrBox }[];
}

export interface OcrLine {
  readonly words: readonly OcrWord[];
  readonly bbox: OcrBox;
  /** The line's baseline from (x0, y0) to (x1, y1); absent or empty when the engine had none. */
  readonly baseline?: OcrBox;
}

export interface OcrPage {
  /** 1-based. */
  readonly number: number;
  /** The PDF page's size in points. */
  readonly width: number;
  readonly height: number;
  /** Rendered pixels per point (2 = 144 dpi). */
  readonly scale: number;
  readonly lines: readonly OcrLine[];
}

/** Courier's advance is 0.6 of its size: a screenplay's font size from its character width. */
const MONOSPACE_ADVANCE = 0.6;
/** Courier 12pt, when a page gives too little to measure. */
const DEFAULT_CHAR_WIDTH = 7.2;
/** Below this confidence a word made only of marks is a speck of the scan, not text. */
const SPECK_CONFIDENCE = 60;
/** Neighbouring characters further apart than this (in advances) are not adjacent. */
const MAX_ADVANCE_RATIO = 1.6;

/**
 * One OCR'd page as a text layer. Screenplays are set in a monospaced font, so every word gets the
 * page's character width (measured from the OCR's own character boxes): a line's width in
 * characters, and so its indent band, then reads as it would from a real text layer.
 */
export function ocrPageText(page: OcrPage): PdfPageText {
  const { scale } = page;
  const charWidth = characterWidth(page.lines) / scale || DEFAULT_CHAR_WIDTH;
  const size = charWidth / MONOSPACE_ADVANCE;
  const items: PdfTextItem[] = [];
  for (const line of page.lines) {
    const baseline = baselineOf(line) / scale;
    for (const word of line.words) {
      const text = typewriterText(word.text.trim());
      if (text === '' || isSpeck(text, word.confidence)) continue;
      items.push({
        text,
        x: word.bbox.x0 / scale,
        y: page.height - baseline,
        width: [...text].length * charWidth,
        size,
      });
    }
  }
  return { number: page.number, width: page.width, height: page.height, items };
}

/**
 * The distance from one character's left edge to the next, in pixels: the median over neighbouring
 * characters of every word (ink boxes vary by letter, their starts step by the advance). Without
 * character boxes, a word's width over its length.
 */
function characterWidth(lines: readonly OcrLine[]): number {
  const words = lines.flatMap((line) => line.words);
  const steps: number[] = [];
  for (const word of words) {
    const symbols = word.symbols ?? [];
    for (let index = 1; index < symbols.length; index++) {
      const step = (symbols[index]?.bbox.x0 ?? 0) - (symbols[index - 1]?.bbox.x0 ?? 0);
      if (step > 0) steps.push(step);
    }
  }
  if (steps.length > 0) {
    const typical = median(steps);
    // Drop steps over a gap the engine merged into one word; keep the rest.
    return median(steps.filter((step) => step <= typical * MAX_ADVANCE_RATIO));
  }
  const perChar = words
    .filter((word) => [...word.text.trim()].length >= 3)
    .map((word) => (word.bbox.x1 - word.bbox.x0) / [...word.text.trim()].length);
  return median(perChar);
}

/** Where the line sits: its baseline halfway along (a scan may be slightly skewed), or its bottom. */
function baselineOf(line: OcrLine): number {
  const { baseline, bbox } = line;
  if (baseline && (baseline.y0 > 0 || baseline.y1 > 0)) return (baseline.y0 + baseline.y1) / 2;
  return bbox.y1;
}

/** Typewriter fonts have straight quotes only; OCR guesses curly ones. */
function typewriterText(text: string): string {
  return text.replace(/[‘’‚′]/g, "'").replace(/[“”„″]/g, '"');
}

function isSpeck(text: string, confidence: number): boolean {
  return confidence < SPECK_CONFIDENCE && !/[\p{L}\p{N}]/u.test(text);
}
