import { sniffMedia } from '../../model/mediaType';
import type { PreparedImage } from './pdfWriter';

/** JPEG quality for converted frames: indistinguishable from the source at print sizes. */
const JPEG_QUALITY = 0.9;

async function deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  // 'deflate' is the zlib format, which is what a PDF's FlateDecode reads.
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * A frame or logo as the PDF takes it, in the worker. JPEG goes in as it is (a PDF holds JPEG
 * data unchanged). Everything else (PNG — the sketches are RGBA PNGs —, WebP, AVIF, GIF) is
 * decoded by the browser, laid on white and stored as lossless RGB pixels compressed by the
 * browser's own zlib: pdf-lib's PNG path does the same in JavaScript and took ~100 ms a frame.
 * In black and white every image is drawn through a greyscale filter and stored as grey.
 */
export async function prepareImage(
  blob: Blob,
  blackAndWhite: boolean,
): Promise<PreparedImage | null> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const type = sniffMedia(bytes.subarray(0, 4096))?.mimeType;
  if (!type?.startsWith('image/')) return null;
  if (!blackAndWhite && type === 'image/jpeg') return { kind: 'jpg', bytes };
  const bitmap = await createImageBitmap(new Blob([bytes], { type }));
  try {
    const { width, height } = bitmap;
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return null;
    // Frames are opaque pictures; a transparent logo prints on white paper.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    if (blackAndWhite) context.filter = 'grayscale(1)';
    context.drawImage(bitmap, 0, 0);
    if (type === 'image/gif' && !blackAndWhite) {
      // A GIF's few colours compress better as JPEG than as pixels, and print the same.
      const out = await canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
      return { kind: 'jpg', bytes: new Uint8Array(await out.arrayBuffer()) };
    }
    const rgba = context.getImageData(0, 0, width, height).data;
    const channels = blackAndWhite ? 1 : 3;
    const pixels = new Uint8Array(width * height * channels);
    // RGBA → RGB (or grey): `?? 0` only satisfies the index checks; every index is in range.
    for (let i = 0, o = 0; i < rgba.length; i += 4) {
      pixels[o++] = rgba[i] ?? 0;
      if (channels === 1) continue;
      pixels[o++] = rgba[i + 1] ?? 0;
      pixels[o++] = rgba[i + 2] ?? 0;
    }
    return { kind: 'pixels', width, height, grey: blackAndWhite, deflated: await deflate(pixels) };
  } finally {
    bitmap.close();
  }
}
