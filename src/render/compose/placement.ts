import type { FramingRect } from '../../model/framing';
import type { Size } from './context';

/** Arguments for the 9-argument `drawImage`: a source rectangle and where it lands. */
export interface Placement {
  readonly sx: number;
  readonly sy: number;
  readonly sw: number;
  readonly sh: number;
  readonly dx: number;
  readonly dy: number;
  readonly dw: number;
  readonly dh: number;
}

/**
 * Where a picture goes on the output for a framing rectangle: the rectangle is scaled to fit the
 * output (as large as fits, centred), and whatever else of the picture then falls inside the
 * output is shown too; outside the picture stays black. So the full-frame rectangle of a 4:3
 * picture in a 16:9 output is the usual pillarbox, and a zoomed rectangle of a picture with the
 * project's aspect ratio fills the frame exactly.
 *
 * The source rectangle is clipped to the picture (drawImage with out-of-range source rectangles
 * behaves differently between browsers). Null when nothing of the picture is visible.
 */
export function placementFor(rect: FramingRect, image: Size, output: Size): Placement | null {
  const rw = rect.w * image.width;
  const rh = rect.h * image.height;
  if (!(rw > 0 && rh > 0)) return null;
  const scale = Math.min(output.width / rw, output.height / rh);
  const cx = rect.x * image.width + rw / 2;
  const cy = rect.y * image.height + rh / 2;
  const left = cx - output.width / (2 * scale);
  const top = cy - output.height / (2 * scale);
  const right = cx + output.width / (2 * scale);
  const bottom = cy + output.height / (2 * scale);
  const sx = Math.max(0, left);
  const sy = Math.max(0, top);
  const sw = Math.min(image.width, right) - sx;
  const sh = Math.min(image.height, bottom) - sy;
  if (sw <= 0 || sh <= 0) return null;
  return {
    sx,
    sy,
    sw,
    sh,
    dx: (sx - left) * scale,
    dy: (sy - top) * scale,
    dw: sw * scale,
    dh: sh * scale,
  };
}
