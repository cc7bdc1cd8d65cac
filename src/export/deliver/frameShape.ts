import { pictureBox, visiblePart, type Box } from '../../model/aspect';
import type { FrameFit } from '../../model/project';

/** The project's frame as exported pictures take it: its shape and how a picture fits it. */
export interface FrameShape {
  /** Width over height. */
  readonly aspect: number;
  readonly fit: FrameFit;
}

/**
 * Re-encodes a picture as `toType`, fitted to `frame` when its shape differs; a picture already
 * in that type and shape comes back unchanged (an OffscreenCanvas in the browser and workers).
 */
export type ConvertImage = (
  bytes: Uint8Array,
  fromType: string,
  toType: string,
  frame: FrameShape,
) => Promise<Uint8Array>;

/** How a picture becomes an exported frame: the canvas, and which part of the picture goes where. */
export interface Reframe {
  readonly canvas: Box;
  /** Source rectangle, in picture pixels. */
  readonly source: {
    readonly x: number;
    readonly y: number;
    readonly w: number;
    readonly h: number;
  };
  /** Where it is drawn on the canvas, in canvas pixels. */
  readonly at: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
}

/** Shapes closer than this (relative) are the same: a 1280 × 720 sketch is 16:9. */
const SAME_SHAPE = 0.005;

/**
 * How a picture of another shape is made into the project's frame for an image export, as the
 * boards, the render and the PDF show it: letterbox and extend keep all of it on a canvas of the
 * frame's shape (bars or paper around it), crop keeps the centred part with the frame's shape.
 * The picture keeps its resolution (the canvas grows around it, or the crop is cut from it).
 * Null when the picture already has the frame's shape.
 */
export function reframeFor(picture: Box, frame: FrameShape): Reframe | null {
  if (!(picture.width > 0 && picture.height > 0 && frame.aspect > 0)) return null;
  const aspect = picture.width / picture.height;
  if (Math.abs(aspect / frame.aspect - 1) < SAME_SHAPE) return null;
  if (frame.fit === 'crop') {
    const frameBox = { width: frame.aspect, height: 1 };
    const part = visiblePart(picture, frameBox, 'crop');
    const w = Math.max(1, Math.round(part.w * picture.width));
    const h = Math.max(1, Math.round(part.h * picture.height));
    return {
      canvas: { width: w, height: h },
      source: {
        x: Math.round(part.x * picture.width),
        y: Math.round(part.y * picture.height),
        w,
        h,
      },
      at: { x: 0, y: 0, w, h },
    };
  }
  const canvas =
    aspect > frame.aspect
      ? { width: picture.width, height: Math.round(picture.width / frame.aspect) }
      : { width: Math.round(picture.height * frame.aspect), height: picture.height };
  const at = pictureBox(picture, canvas, frame.fit);
  return {
    canvas,
    source: { x: 0, y: 0, w: picture.width, h: picture.height },
    at: { x: Math.round(at.x), y: Math.round(at.y), w: Math.round(at.w), h: Math.round(at.h) },
  };
}
