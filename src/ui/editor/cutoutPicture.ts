import { cutoutSize } from '../../ai/frames/removeBackground';
import type { ImageBytes } from '../../ai/providers/types';
import type { AssetHash } from '../../model/ids';
import { canvasToPng } from './canvas/flatten';

/** What background removers take as they are; anything else is sent as PNG. */
const SENDABLE = new Set(['image/png', 'image/jpeg', 'image/webp']);

/**
 * The stored picture as a background remover takes it: its own bytes when their type and size
 * are within the API's limits, else redrawn at the size that fits (cutoutSize) as PNG.
 */
export async function cutoutPicture(
  assets: { get(hash: AssetHash): Promise<Blob | null | undefined> },
  hash: AssetHash,
): Promise<ImageBytes> {
  const blob = await assets.get(hash);
  if (!blob) throw new Error('The picture is not on this device yet.');
  const bitmap = await createImageBitmap(blob);
  try {
    const size = cutoutSize(bitmap.width, bitmap.height);
    if (SENDABLE.has(blob.type) && size.width === bitmap.width && size.height === bitmap.height)
      return { bytes: new Uint8Array(await blob.arrayBuffer()), mimeType: blob.type };
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot prepare the picture.');
    ctx.drawImage(bitmap, 0, 0, size.width, size.height);
    return { bytes: new Uint8Array(await canvasToPng(canvas)), mimeType: 'image/png' };
  } finally {
    bitmap.close();
  }
}
