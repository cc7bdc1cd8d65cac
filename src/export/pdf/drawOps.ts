import type { FrameFit } from '../../model/project';
/**
 * A laid-out page as a list of drawing operations, in points from the top left. The PDF writer
 * (worker) and the dialog's preview (canvas) both draw these, so the preview shows the page the
 * PDF will have.
 */
export interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

export type DrawOp =
  | {
      readonly kind: 'text';
      readonly x: number;
      /** The baseline. */
      readonly y: number;
      readonly sizePt: number;
      readonly text: string;
      readonly color: Rgb;
      readonly bold: boolean;
    }
  | {
      readonly kind: 'rect';
      readonly x: number;
      readonly y: number;
      readonly width: number;
      readonly height: number;
      readonly stroke: Rgb | null;
      readonly fill: Rgb | null;
      readonly lineWidth: number;
    }
  | {
      readonly kind: 'line';
      readonly x1: number;
      readonly y1: number;
      readonly x2: number;
      readonly y2: number;
      readonly color: Rgb;
      readonly lineWidth: number;
    }
  | {
      /**
       * An image (a frame by hash, or `logo`) fitted inside the box, centred, not cropped; a
       * frame carries the project's re-frame setting instead: under crop it covers the box and
       * the box clips it, letterbox and extend fill the rest of the box with bars or paper.
       */
      readonly kind: 'image';
      readonly key: string;
      readonly x: number;
      readonly y: number;
      readonly width: number;
      readonly height: number;
      readonly fit?: FrameFit;
    };

export interface PagePlan {
  readonly ops: readonly DrawOp[];
}

export interface DocumentPlan {
  readonly widthPt: number;
  readonly heightPt: number;
  readonly pages: readonly PagePlan[];
}

export const LOGO_KEY = 'logo';

export function rgb(hex: number): Rgb {
  return { r: ((hex >> 16) & 255) / 255, g: ((hex >> 8) & 255) / 255, b: (hex & 255) / 255 };
}

/** Rec. 709 luma: what a colour prints as in black and white. */
export function grey(color: Rgb): Rgb {
  const y = 0.2126 * color.r + 0.7152 * color.g + 0.0722 * color.b;
  return { r: y, g: y, b: y };
}

/** Where an image of `width` × `height` sits inside `box`, whole and centred. */
export function containIn(
  box: { x: number; y: number; width: number; height: number },
  width: number,
  height: number,
): { x: number; y: number; width: number; height: number } {
  if (width <= 0 || height <= 0) return box;
  const scale = Math.min(box.width / width, box.height / height);
  const w = width * scale;
  const h = height * scale;
  return { x: box.x + (box.width - w) / 2, y: box.y + (box.height - h) / 2, width: w, height: h };
}
