import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * A PDF page drawn for OCR, in a worker: pdf.js renders into an OffscreenCanvas (there is no DOM
 * here), on white, at `dpi`, and the result is handed over as a greyscale PGM image, which the
 * engine reads without decoding a PNG first.
 */
export async function renderPageImage(
  page: PDFPageProxy,
  dpi: number,
): Promise<{ image: Blob; scale: number }> {
  const scale = dpi / 72;
  const viewport = page.getViewport({ scale });
  const width = Math.ceil(viewport.width);
  const height = Math.ceil(viewport.height);
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('This browser cannot draw PDF pages off screen (no 2D canvas).');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  // pdf.js types name the DOM canvas; it draws on an OffscreenCanvas the same way.
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport }).promise;
  const pixels = context.getImageData(0, 0, width, height).data;
  canvas.width = canvas.height = 0;
  return { image: new Blob([greyPgm(pixels, width, height)]), scale };
}

/** RGBA → 8-bit grey (Rec. 601 luma), as a binary PGM (P5). */
export function greyPgm(
  rgba: Uint8ClampedArray,
  width: number,
  height: number,
): Uint8Array<ArrayBuffer> {
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const out = new Uint8Array(header.length + width * height);
  out.set(header);
  for (let pixel = 0, at = header.length; pixel < width * height; pixel++, at++) {
    const i = pixel * 4;
    out[at] = (299 * (rgba[i] ?? 0) + 587 * (rgba[i + 1] ?? 0) + 114 * (rgba[i + 2] ?? 0)) / 1000;
  }
  return out;
}

/**
 * Canvases for pdf.js's own scratch work (masks, patterns) in a worker: pdf.js's default makes
 * them with `document.createElement`, which a worker does not have.
 */
export class OffscreenCanvasFactory {
  create(width: number, height: number) {
    if (width <= 0 || height <= 0) throw new Error('Invalid canvas size');
    const canvas = new OffscreenCanvas(width, height);
    return { canvas, context: canvas.getContext('2d', { willReadFrequently: true }) };
  }
  reset(target: { canvas: OffscreenCanvas | null }, width: number, height: number) {
    if (!target.canvas) throw new Error('Canvas is not specified');
    target.canvas.width = width;
    target.canvas.height = height;
  }
  destroy(target: { canvas: OffscreenCanvas | null; context: unknown }) {
    if (target.canvas) target.canvas.width = target.canvas.height = 0;
    target.canvas = null;
    target.context = null;
  }
}

/** No SVG filters in a worker (pdf.js's default builds them in the DOM): draw without them. */
export class NoFilterFactory {
  addFilter(): string {
    return 'none';
  }
  addHCMFilter(): string {
    return 'none';
  }
  addAlphaFilter(): string {
    return 'none';
  }
  addLuminosityFilter(): string {
    return 'none';
  }
  addHighlightHCMFilter(): string {
    return 'none';
  }
  destroy(): void {}
}
