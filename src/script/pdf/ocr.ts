import type { PdfPageText } from './extract';
import { builtOcrAssets, type OcrAssets } from './ocrAssets';
import { startOcrEngine } from './ocrEngine';
import { NoFilterFactory, OffscreenCanvasFactory, renderPageImage } from './ocrRender';
import { ocrPageText } from './ocrText';
import type { PdfJs } from './load';

/** Scanner resolution for typed pages: Courier 12pt's lower case is then ~20 px high. */
export const OCR_DPI = 300;
/** OCR takes seconds a page: a scanned feature is ~120 pages; past this the rest is left out. */
export const MAX_OCR_PAGES = 200;

/** Pages read so far out of those to read (0 before the first). */
export type OcrPageListener = (done: number, total: number) => void;

/** Reads the given pages (1-based) of a PDF as images: the text layer they lack. */
export type PdfOcr = (
  bytes: Uint8Array,
  pdfjs: PdfJs,
  pageNumbers: readonly number[],
  onPage: OcrPageListener,
) => Promise<PdfPageText[]>;

/**
 * OCR where this runtime can do it: a browser worker of a build that ships the engine
 * (ocrAssets.ts). Null elsewhere (Node tests), and a scanned PDF is then refused as before.
 */
export function browserOcr(): PdfOcr | null {
  const assets = builtOcrAssets();
  if (!assets || typeof OffscreenCanvas === 'undefined' || typeof Worker === 'undefined')
    return null;
  return (bytes, pdfjs, pageNumbers, onPage) => ocrPages(assets, bytes, pdfjs, pageNumbers, onPage);
}

async function ocrPages(
  assets: OcrAssets,
  bytes: Uint8Array,
  pdfjs: PdfJs,
  pageNumbers: readonly number[],
  onPage: OcrPageListener,
): Promise<PdfPageText[]> {
  onPage(0, pageNumbers.length);
  const engine = await startOcrEngine(assets, OCR_DPI);
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    disableAutoFetch: true,
    disableStream: true,
    enableXfa: false,
    CanvasFactory: OffscreenCanvasFactory,
    FilterFactory: NoFilterFactory,
  });
  try {
    const document = await task.promise;
    const pages: PdfPageText[] = [];
    for (const [index, number] of pageNumbers.entries()) {
      const page = await document.getPage(number);
      const { image, scale } = await renderPageImage(page, OCR_DPI);
      const { width, height } = page.getViewport({ scale: 1 });
      const lines = await engine.recognize(image);
      pages.push(ocrPageText({ number, width, height, scale, lines }));
      page.cleanup();
      onPage(index + 1, pageNumbers.length);
    }
    return pages;
  } finally {
    await engine.terminate().catch(() => undefined);
    await task.destroy().catch(() => undefined);
  }
}
