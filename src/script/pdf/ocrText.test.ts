import { describe, expect, test } from 'vitest';
import { readScreenplay } from '../../../tests/helpers/fixtures';
import { finishDocument } from '../finish';
import { parseScript, plainText, type ScriptDocument } from '../index';
import { screenplayPdf } from '../testing/screenplayPdf';
import { extractPdfText, type PdfPageText } from './extract';
import { loadPdfJs } from './load';
import { ocrPageText, type OcrLine, type OcrPage, type OcrWord } from './ocrText';
import { readPdfText } from './read';

const SCALE = 300 / 72;
const CHAR = 7.2;

/** A deterministic wobble in [-1, 1] so fake ink boxes are not perfectly aligned. */
function wobble(seed: number): number {
  return Math.sin(seed * 12.9898) * 0.999;
}

/**
 * What an OCR engine reports for a text-layer page: one line per baseline, one word per run of
 * non-spaces, pixel boxes at 300 dpi whose ink starts up to a point right of the advance (letters
 * have side bearings) and whose baselines differ by a pixel or so.
 */
function ocrOf(page: PdfPageText): OcrPage {
  const byBaseline = new Map<number, OcrWord[]>();
  let seed = page.number * 1000;
  for (const item of page.items) {
    for (const match of item.text.matchAll(/\S+/g)) {
      const x = item.x + (match.index ?? 0) * CHAR + 0.5 + 0.5 * wobble(seed++);
      const left = x * SCALE;
      const symbols = [...match[0]].map((_, index) => {
        const x0 = left + (index * CHAR + 0.6 * wobble(seed++)) * SCALE;
        return { bbox: { x0, y0: 0, x1: x0 + 5 * SCALE, y1: 0 } };
      });
      const words = byBaseline.get(item.y) ?? [];
      words.push({
        text: match[0],
        confidence: 90,
        bbox: { x0: left, y0: 0, x1: left + (match[0].length * CHAR - 1.5) * SCALE, y1: 0 },
        symbols,
      });
      byBaseline.set(item.y, words);
    }
  }
  const lines: OcrLine[] = [...byBaseline].map(([y, words]) => {
    const baseline = (page.height - y) * SCALE + wobble(seed++);
    const bbox = { x0: 0, y0: baseline - 9 * SCALE, x1: 0, y1: baseline + 3 * SCALE };
    return { words, bbox, baseline: { x0: 0, y0: baseline - 1, x1: 0, y1: baseline + 1 } };
  });
  return { number: page.number, width: page.width, height: page.height, scale: SCALE, lines };
}

function printed(doc: ScriptDocument): string[] {
  return doc.elements
    .filter((element) => element.type !== 'page_break' && element.type !== 'section')
    .map((element) => `${element.type}: ${plainText(element.text).replace(/\s+/g, ' ').trim()}`);
}

describe('OCR words → a PDF text layer', () => {
  test('a screenplay read by OCR gives the same elements as its text layer', async () => {
    const brick = parseScript(readScreenplay('brick_and_steel.fountain'));
    const extracted = await extractPdfText(
      screenplayPdf(brick, { sceneNumbers: true, continueds: true, linesPerPage: 40 }),
      await loadPdfJs(),
    );
    const fromText = finishDocument(readPdfText(extracted));
    const fromOcr = finishDocument(
      readPdfText({
        pageCount: extracted.pageCount,
        pages: extracted.pages.map((page) => ocrPageText(ocrOf(page))),
      }),
    );
    expect(printed(fromOcr)).toEqual(printed(fromText));
    expect(fromOcr.titlePage).toEqual(fromText.titlePage);
    expect(fromOcr.elements.filter((element) => element.type === 'scene_heading')).toHaveLength(8);
  }, 30_000);

  test('measures the character width from character boxes and puts words on their baseline', () => {
    const word = (text: string, x: number): OcrWord => ({
      text,
      confidence: 95,
      bbox: { x0: x, y0: 100, x1: x + text.length * 20 - 4, y1: 130 },
      symbols: [...text].map((_, index) => ({
        bbox: { x0: x + index * 20, y0: 100, x1: x + index * 20 + 16, y1: 130 },
      })),
    });
    const text = ocrPageText({
      number: 3,
      width: 612,
      height: 792,
      scale: 2,
      lines: [
        {
          words: [word('INT.', 216), word('HOUSE', 316)],
          bbox: { x0: 216, y0: 100, x1: 416, y1: 132 },
          baseline: { x0: 216, y0: 127, x1: 416, y1: 129 },
        },
      ],
    });
    expect(text).toEqual({
      number: 3,
      width: 612,
      height: 792,
      items: [
        { text: 'INT.', x: 108, y: 792 - 64, width: 40, size: 10 / 0.6 },
        { text: 'HOUSE', x: 158, y: 792 - 64, width: 50, size: 10 / 0.6 },
      ],
    });
  });

  test('curly quotes become typewriter quotes; specks of the scan are dropped, words are not', () => {
    const at = (text: string, x: number, confidence: number): OcrWord => ({
      text,
      confidence,
      bbox: { x0: x, y0: 0, x1: x + 40, y1: 20 },
    });
    const text = ocrPageText({
      number: 1,
      width: 612,
      height: 792,
      scale: 1,
      lines: [
        {
          words: [at('BRICK’S', 100, 90), at('“Hi”', 200, 90), at('.', 300, 20), at('a', 400, 20)],
          bbox: { x0: 100, y0: 0, x1: 440, y1: 20 },
        },
      ],
    });
    expect(text.items.map((item) => [item.text, item.y])).toEqual([
      ["BRICK'S", 772],
      ['"Hi"', 772],
      ['a', 772],
    ]);
  });
});
