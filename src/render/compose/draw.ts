import { FIT_BACKGROUNDS, fittedFraming } from '../../model/aspect';
import type { FrameFit } from '../../model/project';
import type { ComposeContext, Picture, PictureLookup, Size } from './context';
import type { ComposedLayer, FrameComposition, LayerVideo } from './composition';
import { drawOverlays } from './overlays';
import { PLACEHOLDER_TITLES, drawPlaceholder } from './placeholder';
import { placementFor, type Placement } from './placement';

/** Outside the picture (letterbox bars, and where a framing runs off the picture). */
export const BACKGROUND_COLOUR = '#000000';

/**
 * Fills the parts of the output the picture does not cover (black bars, or paper when the fit
 * extends the canvas) at the layer's opacity,
 * so a letterboxed picture fading in also fades its bars in over the shot below it: the blend
 * is then exactly (1 − a)·below + a·(picture with its bars).
 */
function fillBars(ctx: ComposeContext, size: Size, at: Placement, colour: string): void {
  const { width, height } = size;
  const right = at.dx + at.dw;
  const bottom = at.dy + at.dh;
  ctx.fillStyle = colour;
  if (at.dy > 0) ctx.fillRect(0, 0, width, at.dy);
  if (bottom < height) ctx.fillRect(0, bottom, width, height - bottom);
  if (at.dx > 0) ctx.fillRect(0, at.dy, at.dx, at.dh);
  if (right < width) ctx.fillRect(right, at.dy, width - right, at.dh);
}

/**
 * A clip's frame for a layer, already decoded by the caller (the render worker decodes ahead;
 * the preview draws its <video>); null falls back to the shot's picture.
 */
export type ClipFrameLookup = (video: LayerVideo) => Picture | null;

function drawLayer(
  ctx: ComposeContext,
  size: Size,
  layer: ComposedLayer,
  pictures: PictureLookup,
  fit: FrameFit,
  clipFrames: ClipFrameLookup | undefined,
): void {
  if (layer.opacity <= 0) return;
  ctx.save();
  if (layer.clip !== null) {
    const { x, y, w, h } = layer.clip;
    ctx.beginPath();
    ctx.rect(x * size.width, y * size.height, w * size.width, h * size.height);
    ctx.clip();
  }
  ctx.globalAlpha = layer.opacity;
  const clipFrame = layer.video && clipFrames ? clipFrames(layer.video) : null;
  const picture = clipFrame ?? pictures(layer.frameKey);
  if (picture.kind === 'image') {
    // Crop narrows the picture to the part the board shows before the camera frames it.
    const rect = fittedFraming(layer.rect, picture.image, size, fit);
    const at = placementFor(rect, picture.image, size);
    if (at === null) {
      ctx.fillStyle = BACKGROUND_COLOUR;
      ctx.fillRect(0, 0, size.width, size.height);
    } else {
      fillBars(ctx, size, at, FIT_BACKGROUNDS[fit]);
      ctx.drawImage(picture.image, at.sx, at.sy, at.sw, at.sh, at.dx, at.dy, at.dw, at.dh);
    }
  } else {
    drawPlaceholder(ctx, size, PLACEHOLDER_TITLES[picture.kind], `Shot ${layer.label}`);
  }
  ctx.restore();
}

/**
 * Paints a frame. The same routine runs in the render worker (OffscreenCanvas) and in a preview
 * player (a page canvas), so what plays in the editor is what the render writes.
 */
export function drawComposition(
  ctx: ComposeContext,
  size: Size,
  frame: FrameComposition,
  pictures: PictureLookup,
  clipFrames?: ClipFrameLookup,
): void {
  ctx.save();
  ctx.globalAlpha = 1;
  ctx.imageSmoothingEnabled = true;
  // 'low' is bilinear: measured 2× faster than 'high' per 1080p frame in a worker, and a moving
  // frame hides the difference; holds are drawn once, so they could afford more, but preview and
  // render must look the same.
  ctx.imageSmoothingQuality = 'low';
  ctx.fillStyle = BACKGROUND_COLOUR;
  ctx.fillRect(0, 0, size.width, size.height);
  const fit = frame.fit ?? 'letterbox';
  for (const layer of frame.layers) drawLayer(ctx, size, layer, pictures, fit, clipFrames);
  if (frame.fill !== null && frame.fill.opacity > 0) {
    ctx.globalAlpha = frame.fill.opacity;
    ctx.fillStyle = frame.fill.colour;
    ctx.fillRect(0, 0, size.width, size.height);
  }
  ctx.restore();
  drawOverlays(ctx, size, frame.overlay);
}
