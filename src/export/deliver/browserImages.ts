import type { AssetHash } from '../../model/ids';
import { timelineShots, type ProjectSnapshot } from '../../model/project';
import { readAssets, throwIfCancelled, type AssetSource, type ExportControl } from './assetSource';
import { contactSheetLayout, drawContactSheet } from './contactSheet';
import { FIT_BACKGROUNDS } from '../../model/aspect';
import { reframeFor } from './frameShape';
import type { ConvertImage } from './imageSequence';

/** JPEG quality for sequences and sheets: visually clean boards at a third of PNG's size. */
const JPEG_QUALITY = 0.92;

/**
 * A frame for an image export, in the browser: decoded, fitted to the project's frame when its
 * shape differs (frameShape.ts), encoded in the format asked for. A frame already in that format
 * and shape comes back unchanged.
 */
export const convertWithCanvas: ConvertImage = async (bytes, fromType, toType, frame) => {
  const bitmap = await createImageBitmap(
    new Blob([bytes as Uint8Array<ArrayBuffer>], { type: fromType }),
  );
  try {
    const reframe = reframeFor(bitmap, frame);
    if (!reframe && fromType === toType) return bytes;
    const {
      canvas: size,
      source,
      at,
    } = reframe ?? {
      canvas: bitmap,
      source: { x: 0, y: 0, w: bitmap.width, h: bitmap.height },
      at: { x: 0, y: 0, w: bitmap.width, h: bitmap.height },
    };
    const canvas = new OffscreenCanvas(size.width, size.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw on an OffscreenCanvas');
    // Around a picture of another shape: the bars or paper the boards show.
    if (reframe) {
      ctx.fillStyle = FIT_BACKGROUNDS[frame.fit];
      ctx.fillRect(0, 0, size.width, size.height);
    }
    // JPEG has no transparency: a transparent drawing goes onto white paper, not black.
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(at.x, at.y, at.w, at.h);
    ctx.drawImage(bitmap, source.x, source.y, source.w, source.h, at.x, at.y, at.w, at.h);
    const blob = await canvas.convertToBlob({ type: toType, quality: JPEG_QUALITY });
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    bitmap.close();
  }
};

/** The contact sheet drawn on an OffscreenCanvas, as PNG. */
export async function contactSheetBlob(
  snapshot: ProjectSnapshot,
  assets: AssetSource,
  control: ExportControl = {},
): Promise<{ readonly blob: Blob; readonly missing: number }> {
  const shots = timelineShots(snapshot);
  const hashes = shots.flatMap((s) => (s.frameHash ? [s.frameHash] : []));
  const found = await readAssets(assets, hashes, control);
  const bitmaps = new Map<AssetHash, ImageBitmap | null>();
  for (const [hash, asset] of found) {
    throwIfCancelled(control.signal);
    const blob = new Blob([asset.bytes as Uint8Array<ArrayBuffer>], { type: asset.type });
    bitmaps.set(hash, await createImageBitmap(blob).catch(() => null));
  }
  const layout = contactSheetLayout(snapshot);
  const canvas = new OffscreenCanvas(layout.width, layout.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw on an OffscreenCanvas');
  const pictures = shots.map((s) => (s.frameHash ? (bitmaps.get(s.frameHash) ?? null) : null));
  drawContactSheet(ctx, layout, pictures);
  for (const bitmap of bitmaps.values()) bitmap?.close();
  return {
    blob: await canvas.convertToBlob({ type: 'image/png' }),
    missing: pictures.filter((p) => p === null).length,
  };
}
