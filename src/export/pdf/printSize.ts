import type { DrawOp } from './drawOps';

/**
 * Pixels per inch an image is stored at in the PDF: what a print shop calls print quality. A
 * frame with more pixels than its printed size needs is scaled down before it is embedded (a
 * 1280 px sketch printed 3.5 in wide keeps 1040 of them); one with fewer keeps its own.
 */
export const PRINT_DPI = 300;

const POINTS_PER_INCH = 72;

/**
 * The largest printed box an image is drawn into, in points, and whether it covers the box
 * (crop: the box cuts it) or fits inside it (every other image).
 */
export interface PrintBox {
  readonly widthPt: number;
  readonly heightPt: number;
  readonly cover: boolean;
}

/** Each image's largest printed box over all pages (a frame may be drawn more than once). */
export function printBoxes(
  pages: readonly { readonly ops: readonly DrawOp[] }[],
): Map<string, PrintBox> {
  const boxes = new Map<string, PrintBox>();
  for (const page of pages)
    for (const op of page.ops) {
      if (op.kind !== 'image') continue;
      const seen = boxes.get(op.key);
      const cover = op.fit === 'crop';
      boxes.set(op.key, {
        widthPt: Math.max(seen?.widthPt ?? 0, op.width),
        heightPt: Math.max(seen?.heightPt ?? 0, op.height),
        cover: (seen?.cover ?? false) || cover,
      });
    }
  return boxes;
}

/**
 * The pixel size to store a `width` × `height` picture at so it prints at PRINT_DPI in `box`:
 * its own size when that is already no more than the print needs (never scaled up).
 */
export function printPixels(
  width: number,
  height: number,
  box: PrintBox,
): { readonly width: number; readonly height: number } {
  if (!(width > 0 && height > 0)) return { width, height };
  const wantWidth = (box.widthPt / POINTS_PER_INCH) * PRINT_DPI;
  const wantHeight = (box.heightPt / POINTS_PER_INCH) * PRINT_DPI;
  const fit = box.cover ? Math.max : Math.min;
  const scale = fit(wantWidth / width, wantHeight / height);
  if (!(scale < 1)) return { width, height };
  return {
    width: Math.max(1, Math.ceil(width * scale)),
    height: Math.max(1, Math.ceil(height * scale)),
  };
}
