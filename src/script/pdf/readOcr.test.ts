import { describe, expect, test } from 'vitest';
import { readScreenplay } from '../../../tests/helpers/fixtures';
import { OCR_REVIEW_MESSAGE, parsePdfScript, parseScript } from '../index';
import { writeTestPdf } from '../testing/pdfWriter';
import { screenplayPdf } from '../testing/screenplayPdf';
import { extractPdfText, type PdfPageText } from './extract';
import { loadPdfJs } from './load';
import type { PdfOcr } from './ocr';
import { NO_TEXT_FOUND_MESSAGE } from './read';

/** An OCR that "reads" each asked-for page as the given text layer had it, and logs its calls. */
function fakeOcr(pages: readonly PdfPageText[]) {
  const asked: number[][] = [];
  const ocr: PdfOcr = async (_bytes, _pdfjs, numbers, onPage) => {
    asked.push([...numbers]);
    onPage(0, numbers.length);
    return numbers.map((number, index) => {
      onPage(index + 1, numbers.length);
      return pages.find((page) => page.number === number) ?? { ...pages[0]!, number, items: [] };
    });
  };
  return { ocr, asked };
}

describe('a PDF whose pages have no text layer', () => {
  const brick = parseScript(readScreenplay('brick_and_steel.fountain'));
  const text = screenplayPdf(brick, { sceneNumbers: true });

  test('is read by OCR, like the same PDF with text, and flagged for review', async () => {
    const extracted = await extractPdfText(text, await loadPdfJs());
    const scan = writeTestPdf(extracted.pages.map(() => ({ kind: 'image' }) as const));
    const { ocr, asked } = fakeOcr(extracted.pages);
    const pages: string[] = [];
    const doc = await parsePdfScript(scan, {
      ocr,
      onOcrPage: (done, total) => pages.push(`${done}/${total}`),
    });
    const fromText = await parsePdfScript(text);
    expect(doc.elements).toEqual(fromText.elements);
    expect(doc.titlePage).toEqual(fromText.titlePage);
    expect(asked).toEqual([extracted.pages.map((page) => page.number)]);
    expect(pages).toEqual(['0/5', '1/5', '2/5', '3/5', '4/5', '5/5']);
    expect(doc.diagnostics[0]).toEqual({
      line: 0,
      message: OCR_REVIEW_MESSAGE,
      severity: 'warning',
    });
  }, 30_000);

  test('a text PDF never starts the OCR', async () => {
    const { ocr, asked } = fakeOcr([]);
    const doc = await parsePdfScript(text, { ocr });
    expect(asked).toEqual([]);
    expect(doc.diagnostics.map((diagnostic) => diagnostic.message)).not.toContain(
      OCR_REVIEW_MESSAGE,
    );
  }, 30_000);

  test('blank pages that OCR finds nothing on are refused with that reason', async () => {
    const { ocr } = fakeOcr([]);
    const doc = await parsePdfScript(writeTestPdf([{ kind: 'image' }]), { ocr });
    expect(doc.elements).toEqual([]);
    expect(doc.diagnostics).toEqual([
      { line: 0, message: NO_TEXT_FOUND_MESSAGE, severity: 'error' },
    ]);
  });
});
