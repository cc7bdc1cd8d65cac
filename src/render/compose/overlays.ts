import type { ComposeContext, Size } from './context';
import type { OverlayText } from './composition';
import type { ShotInfo } from './shotInfo';

/**
 * Burn-in: captions at the bottom, the shot number top left, timecode top right. Sizes are
 * fractions of the output height so every resolution looks alike.
 */
const CAPTION_FONT_HEIGHT_RATIO = 0.045;
const CAPTION_BOTTOM_MARGIN_RATIO = 0.06;
const CAPTION_LINE_SPACING = 1.3;
/** A caption wider than this share of the frame is set smaller (portrait outputs). */
const CAPTION_MAX_WIDTH_RATIO = 0.9;
const LABEL_FONT_HEIGHT_RATIO = 0.032;
const LABEL_MARGIN_RATIO = 0.03;
const BOX_PADDING_EM = 0.3;
const BOX_COLOUR = 'rgba(0, 0, 0, 0.62)';
const TEXT_COLOUR = '#ffffff';
/** The shot info band: a strip across the bottom, one line, text cut with an ellipsis. */
const INFO_FONT_HEIGHT_RATIO = 0.028;
const INFO_BAND_HEIGHT_EM = 2.2;
const INFO_GAP_EM = 1.2;
const INFO_TEXT_COLOUR = 'rgba(255, 255, 255, 0.85)';
const ELLIPSIS = '…';

function boxedText(
  ctx: ComposeContext,
  text: string,
  x: number,
  y: number,
  fontPx: number,
  align: 'left' | 'center' | 'right',
): void {
  const width = ctx.measureText(text).width;
  const pad = fontPx * BOX_PADDING_EM;
  const left = align === 'left' ? x : align === 'right' ? x - width : x - width / 2;
  ctx.fillStyle = BOX_COLOUR;
  ctx.fillRect(left - pad, y - fontPx / 2 - pad, width + 2 * pad, fontPx + 2 * pad);
  ctx.fillStyle = TEXT_COLOUR;
  ctx.textAlign = align;
  ctx.fillText(text, x, y);
}

/** The longest start of `text` that fits `maxWidth` at the current font, with an ellipsis if cut. */
function fitText(ctx: ComposeContext, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ctx.measureText(text.slice(0, mid) + ELLIPSIS).width <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : text.slice(0, lo).trimEnd() + ELLIPSIS;
}

/** Draws the band and returns its height, so the caption sits above it. */
function drawShotInfo(ctx: ComposeContext, size: Size, info: ShotInfo): number {
  const fontPx = Math.max(1, Math.round(size.height * INFO_FONT_HEIGHT_RATIO));
  const bandPx = Math.round(fontPx * INFO_BAND_HEIGHT_EM);
  const top = size.height - bandPx;
  const y = top + bandPx / 2;
  const margin = fontPx * INFO_GAP_EM;
  ctx.fillStyle = BOX_COLOUR;
  ctx.fillRect(0, top, size.width, bandPx);
  ctx.textAlign = 'left';
  ctx.font = `700 ${fontPx}px sans-serif`;
  const title = fitText(ctx, info.title, size.width - 2 * margin);
  ctx.fillStyle = TEXT_COLOUR;
  ctx.fillText(title, margin, y);
  const textX = margin + ctx.measureText(title).width + margin;
  ctx.font = `italic 400 ${fontPx}px sans-serif`;
  const text = fitText(ctx, info.text, size.width - margin - textX);
  if (text.length > 0) {
    ctx.fillStyle = INFO_TEXT_COLOUR;
    ctx.fillText(text, textX, y);
  }
  return bandPx;
}

function drawCaption(ctx: ComposeContext, size: Size, caption: string, above = 0): void {
  const lines = caption.split('\n');
  let fontPx = Math.round(size.height * CAPTION_FONT_HEIGHT_RATIO);
  ctx.font = `600 ${fontPx}px sans-serif`;
  const widest = Math.max(...lines.map((line) => ctx.measureText(line).width));
  const maxWidth = size.width * CAPTION_MAX_WIDTH_RATIO;
  if (widest > maxWidth) {
    fontPx = Math.max(1, Math.floor((fontPx * maxWidth) / widest));
    ctx.font = `600 ${fontPx}px sans-serif`;
  }
  const lineHeight = fontPx * CAPTION_LINE_SPACING;
  const bottom = size.height * (1 - CAPTION_BOTTOM_MARGIN_RATIO) - above;
  lines.forEach((line, i) => {
    const y = bottom - (lines.length - 1 - i) * lineHeight - fontPx / 2;
    boxedText(ctx, line, size.width / 2, y, fontPx, 'center');
  });
}

export function drawOverlays(ctx: ComposeContext, size: Size, overlay: OverlayText): void {
  const info = overlay.shotInfo ?? null;
  if (
    overlay.caption === null &&
    overlay.shotLabel === null &&
    overlay.timecode === null &&
    info === null
  ) {
    return;
  }
  ctx.save();
  ctx.globalAlpha = 1;
  ctx.textBaseline = 'middle';
  const labelPx = Math.round(size.height * LABEL_FONT_HEIGHT_RATIO);
  const margin = size.height * LABEL_MARGIN_RATIO;
  const labelY = margin + labelPx / 2;
  if (overlay.shotLabel !== null) {
    ctx.font = `600 ${labelPx}px sans-serif`;
    boxedText(ctx, overlay.shotLabel, margin, labelY, labelPx, 'left');
  }
  if (overlay.timecode !== null) {
    ctx.font = `500 ${labelPx}px monospace`;
    boxedText(ctx, overlay.timecode, size.width - margin, labelY, labelPx, 'right');
  }
  // The band first and the caption above it: the dialogue is never under the band.
  const band = info === null ? 0 : drawShotInfo(ctx, size, info);
  if (overlay.caption !== null) drawCaption(ctx, size, overlay.caption, band);
  ctx.restore();
}
