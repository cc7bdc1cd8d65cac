/** Painting one shot's picture onto the output canvas. Browser/worker only (canvas APIs). */

type Context2D = OffscreenCanvasRenderingContext2D;

const LETTERBOX_COLOUR = '#000000';
/** A mid grey that reads as "nothing here" on any player theme and survives 4:2:0 untouched. */
const PLACEHOLDER_BACKGROUND = '#4a4a4a';
const PLACEHOLDER_BORDER = '#6a6a6a';
const PLACEHOLDER_TEXT = '#e6e6e6';
/** Text and border scale with the output height so 720p and 1080p cards look the same. */
const PLACEHOLDER_TITLE_HEIGHT_RATIO = 0.07;
const PLACEHOLDER_LABEL_HEIGHT_RATIO = 0.045;
const PLACEHOLDER_BORDER_HEIGHT_RATIO = 0.006;
const PLACEHOLDER_INSET_HEIGHT_RATIO = 0.05;

/** Draws `image` as large as fits, centred, with black bars where the aspect ratios differ. */
export function drawContained(ctx: Context2D, image: ImageBitmap): void {
  const { width, height } = ctx.canvas;
  ctx.fillStyle = LETTERBOX_COLOUR;
  ctx.fillRect(0, 0, width, height);
  const scale = Math.min(width / image.width, height / image.height);
  const drawWidth = image.width * scale;
  const drawHeight = image.height * scale;
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(image, (width - drawWidth) / 2, (height - drawHeight) / 2, drawWidth, drawHeight);
}

/** The card shown for a shot without a usable picture, so the shot keeps its screen time. */
export function drawPlaceholder(ctx: Context2D, title: string, label: string): void {
  const { width, height } = ctx.canvas;
  ctx.fillStyle = PLACEHOLDER_BACKGROUND;
  ctx.fillRect(0, 0, width, height);

  const inset = Math.round(height * PLACEHOLDER_INSET_HEIGHT_RATIO);
  ctx.strokeStyle = PLACEHOLDER_BORDER;
  ctx.lineWidth = Math.max(1, Math.round(height * PLACEHOLDER_BORDER_HEIGHT_RATIO));
  ctx.strokeRect(inset, inset, width - 2 * inset, height - 2 * inset);

  ctx.fillStyle = PLACEHOLDER_TEXT;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const titleSize = Math.round(height * PLACEHOLDER_TITLE_HEIGHT_RATIO);
  const labelSize = Math.round(height * PLACEHOLDER_LABEL_HEIGHT_RATIO);
  ctx.font = `600 ${titleSize}px sans-serif`;
  ctx.fillText(title, width / 2, height / 2 - titleSize * 0.6);
  ctx.font = `400 ${labelSize}px sans-serif`;
  ctx.fillText(label, width / 2, height / 2 + labelSize * 0.9);
}
