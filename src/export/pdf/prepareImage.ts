import { sniffMedia, SNIFF_WINDOW_BYTES } from '../../model/mediaType';
import type { PreparedImage } from './pdfWriter';
import { printPixels, type PrintBox } from './printSize';

/**
 * JPEG quality for frames: at PRINT_DPI the ringing JPEG leaves around a sketch's lines is far
 * below what paper shows, and a 6-up page of them is written in a fraction of the time lossless
 * pixels take (compressing 2.7 MB of pixels a frame was most of a PDF's time).
 */
export const FRAME_JPEG_QUALITY = 0.92;

export interface PrepareOptions {
  /** Drawn through a greyscale filter. */
  readonly blackAndWhite: boolean;
  /** Where it prints: pixels beyond PRINT_DPI there are scaled away. Null keeps them all. */
  readonly print: PrintBox | null;
  /**
   * Stored as lossless pixels (the cover's logo: lettering and flat brand colours, one image)
   * rather than as JPEG (frames).
   */
  readonly lossless: boolean;
}

async function deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  // 'deflate' is the zlib format, which is what a PDF's FlateDecode reads.
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A drawn canvas as lossless 8-bit RGB (or grey) pixels, compressed by the browser's zlib. */
async function losslessPixels(
  context: OffscreenCanvasRenderingContext2D,
  grey: boolean,
): Promise<PreparedImage> {
  const { width, height } = context.canvas;
  const rgba = context.getImageData(0, 0, width, height).data;
  const channels = grey ? 1 : 3;
  const pixels = new Uint8Array(width * height * channels);
  // RGBA → RGB (or grey): `?? 0` only satisfies the index checks; every index is in range.
  for (let i = 0, o = 0; i < rgba.length; i += 4) {
    pixels[o++] = rgba[i] ?? 0;
    if (channels === 1) continue;
    pixels[o++] = rgba[i + 1] ?? 0;
    pixels[o++] = rgba[i + 2] ?? 0;
  }
  return { kind: 'pixels', width, height, grey, deflated: await deflate(pixels) };
}

/**
 * A frame or logo as the PDF takes it, in the worker. A colour JPEG goes in as it is (a PDF
 * holds JPEG data unchanged). Everything else (PNG — the sketches are RGBA PNGs —, WebP, AVIF,
 * GIF) is decoded by the browser, scaled down to what it needs at its printed size, laid on
 * white and encoded as JPEG by the browser (pdf-lib passes the bytes through); the logo is kept
 * as lossless pixels. In black and white every image is drawn through a greyscale filter.
 */
export async function prepareImage(
  blob: Blob,
  options: PrepareOptions,
): Promise<PreparedImage | null> {
  const head = new Uint8Array(await blob.slice(0, SNIFF_WINDOW_BYTES).arrayBuffer());
  const type = sniffMedia(head)?.mimeType;
  if (!type?.startsWith('image/')) return null;
  if (!options.blackAndWhite && type === 'image/jpeg')
    return { kind: 'jpg', bytes: new Uint8Array(await blob.arrayBuffer()) };
  // The Blob as the type it really is (the stored one may say otherwise); no bytes are copied.
  const bitmap = await createImageBitmap(new Blob([blob], { type }));
  try {
    const size = options.print
      ? printPixels(bitmap.width, bitmap.height, options.print)
      : { width: bitmap.width, height: bitmap.height };
    const canvas = new OffscreenCanvas(size.width, size.height);
    const context = canvas.getContext('2d', { willReadFrequently: options.lossless });
    if (!context) return null;
    // Frames are opaque pictures; a transparent logo prints on white paper.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, size.width, size.height);
    if (options.blackAndWhite) context.filter = 'grayscale(1)';
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    if (options.lossless) return await losslessPixels(context, options.blackAndWhite);
    const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality: FRAME_JPEG_QUALITY });
    return { kind: 'jpg', bytes: new Uint8Array(await jpeg.arrayBuffer()) };
  } finally {
    bitmap.close();
  }
}
