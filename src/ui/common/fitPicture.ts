import { downscaledSize } from '../../model/picturePlacement';
import type { FitPicture } from '../../workflows/framePictures';

/** JPEG quality of a scaled-down photo: no visible loss on a storyboard frame. */
const JPEG_QUALITY = 0.9;

/**
 * The page's FitPicture: createImageBitmap decodes (and, given a size, resizes) off the main
 * thread; the small bitmap is encoded on an OffscreenCanvas, also asynchronously. A picture no
 * larger than the frame keeps its own bytes. A PNG stays a PNG (it may be a drawing with
 * transparency or flat colour), anything else scaled becomes a JPEG.
 */
export const fitPictureInBrowser: FitPicture = async (bytes, mimeType, frame) => {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType });
  const probe = await createImageBitmap(blob);
  const from = { width: probe.width, height: probe.height };
  probe.close();
  const to = downscaledSize(from, frame);
  if (!to) return { bytes, mimeType, from, to: null };
  const bitmap = await createImageBitmap(blob, {
    resizeWidth: to.width,
    resizeHeight: to.height,
    resizeQuality: 'high',
  });
  const canvas = new OffscreenCanvas(to.width, to.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas.');
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const type = mimeType === 'image/png' ? 'image/png' : 'image/jpeg';
  const out = await canvas.convertToBlob({ type, quality: JPEG_QUALITY });
  return { bytes: new Uint8Array(await out.arrayBuffer()), mimeType: out.type, from, to };
};
