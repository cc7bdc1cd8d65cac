import type { FramingRect } from './framing';
import type { AspectRatio, FrameFit } from './project';

/** How the settings list the ratios: widest first, as cinematographers name them. */
export const ASPECT_CHOICES: readonly { readonly value: AspectRatio; readonly label: string }[] = [
  { value: '2.39:1', label: '2.39 (scope)' },
  { value: '1.85:1', label: '1.85 (flat)' },
  { value: '16:9', label: '16:9' },
  { value: '4:3', label: '4:3' },
  { value: '1:1', label: '1:1 (square)' },
  { value: '9:16', label: '9:16 (vertical)' },
  { value: '4:5', label: '4:5 (portrait)' },
];

export const FRAME_FIT_LABELS: Record<FrameFit, string> = {
  letterbox: 'Letterbox',
  crop: 'Crop',
  extend: 'Extend the canvas',
};

/**
 * What fills a frame around a picture of another shape: letterbox bars are black (as in a
 * cinema), an extended canvas is blank paper. The board grid's CSS (boards.css) uses the same two.
 */
export const FIT_BACKGROUNDS: Record<FrameFit, string> = {
  letterbox: '#000000',
  crop: '#000000',
  extend: '#f3eee4',
};

export interface Box {
  readonly width: number;
  readonly height: number;
}

/**
 * The part of a picture (normalised to it, like a framing rectangle) that fills a frame of
 * `frame`'s shape under `fit`. Letterbox and extend show all of it (the rest of the frame is
 * bars or paper); crop keeps the centred part with the frame's shape. Pure maths: the board
 * grid, the preview and the render place pictures with it.
 */
export function visiblePart(picture: Box, frame: Box, fit: FrameFit): FramingRect {
  const full = { x: 0, y: 0, w: 1, h: 1 };
  if (fit !== 'crop' || !(picture.width > 0 && picture.height > 0)) return full;
  const pictureAspect = picture.width / picture.height;
  const frameAspect = frame.width / frame.height;
  if (pictureAspect > frameAspect) {
    const w = frameAspect / pictureAspect;
    return { x: (1 - w) / 2, y: 0, w, h: 1 };
  }
  const h = pictureAspect / frameAspect;
  return { x: 0, y: (1 - h) / 2, w: 1, h };
}

/**
 * Where a picture lands in a frame, in frame pixels: all of it centred (letterbox, extend) or
 * scaled to cover (crop, whose overflow the frame cuts).
 */
export function pictureBox(
  picture: Box,
  frame: Box,
  fit: FrameFit,
): { x: number; y: number; w: number; h: number } {
  const contain = Math.min(frame.width / picture.width, frame.height / picture.height);
  const cover = Math.max(frame.width / picture.width, frame.height / picture.height);
  const scale = fit === 'crop' ? cover : contain;
  const w = picture.width * scale;
  const h = picture.height * scale;
  return { x: (frame.width - w) / 2, y: (frame.height - h) / 2, w, h };
}

/** Fraction of the picture still shown: 1 for letterbox and extend, less when cropping. */
export function shownFraction(picture: Box, frame: Box, fit: FrameFit): number {
  const part = visiblePart(picture, frame, fit);
  return part.w * part.h;
}

/**
 * A framing rectangle (normalised to the picture) moved into the part of the picture the fit
 * shows: under crop the full frame becomes the centred part with the frame's shape, and a
 * camera move travels within what the board shows. Letterbox and extend show all of it, so
 * the rectangle stays as it is.
 */
export function fittedFraming(
  rect: FramingRect,
  picture: Box,
  frame: Box,
  fit: FrameFit,
): FramingRect {
  if (fit !== 'crop') return rect;
  const part = visiblePart(picture, frame, fit);
  return {
    x: part.x + rect.x * part.w,
    y: part.y + rect.y * part.h,
    w: rect.w * part.w,
    h: rect.h * part.h,
  };
}
