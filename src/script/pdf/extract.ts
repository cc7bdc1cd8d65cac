import type { PdfJs } from './load';

/** One run of text as pdf.js places it: page coordinates in points, y up from the page bottom. */
export interface PdfTextItem {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** Font size in points (the text matrix's vertical scale). */
  readonly size: number;
}

export interface PdfPageText {
  /** 1-based. */
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly items: readonly PdfTextItem[];
}

export interface ExtractedPdf {
  readonly pages: readonly PdfPageText[];
  readonly pageCount: number;
}

/** A feature script is ~120 pages; past this a file is not a screenplay (and reading it is slow). */
export const MAX_PDF_PAGES = 600;

/**
 * The text layer of every page. pdf.js detaches the buffer it is given, so it gets a copy; the
 * document is always destroyed, also when reading fails. Fonts are never loaded or evaluated:
 * only positions and strings are needed.
 */
export async function extractPdfText(bytes: Uint8Array, pdfjs: PdfJs): Promise<ExtractedPdf> {
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isOffscreenCanvasSupported: false,
    disableAutoFetch: true,
    disableStream: true,
    enableXfa: false,
  });
  try {
    const document = await task.promise;
    const pageCount = document.numPages;
    const pages: PdfPageText[] = [];
    for (let number = 1; number <= Math.min(pageCount, MAX_PDF_PAGES); number++) {
      const page = await document.getPage(number);
      const [left = 0, bottom = 0, right = 0, top = 0] = page.view;
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [, , c = 0, d = 0, e = 0, f = 0] = item.transform as number[];
        items.push({
          text: item.str,
          x: e - left,
          y: f - bottom,
          width: item.width,
          size: Math.hypot(c, d) || item.height,
        });
      }
      pages.push({ number, width: right - left, height: top - bottom, items });
      page.cleanup();
    }
    return { pages, pageCount };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
