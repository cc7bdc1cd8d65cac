import type { ComposeContext, Size } from './context';

/** A mid grey that reads as "nothing here" on any player theme and survives 4:2:0 untouched. */
export const PLACEHOLDER_BACKGROUND = '#4a4a4a';
const PLACEHOLDER_BORDER = '#6a6a6a';
const PLACEHOLDER_TEXT = '#e6e6e6';
/** Text and border scale with the output height so 720p and 1080p cards look the same. */
const TITLE_HEIGHT_RATIO = 0.07;
const LABEL_HEIGHT_RATIO = 0.045;
const BORDER_HEIGHT_RATIO = 0.006;
const INSET_HEIGHT_RATIO = 0.05;

/** The card shown for a shot without a usable picture, so the shot keeps its screen time. */
export function drawPlaceholder(
  ctx: ComposeContext,
  size: Size,
  title: string,
  label: string,
): void {
  const { width, height } = size;
  ctx.fillStyle = PLACEHOLDER_BACKGROUND;
  ctx.fillRect(0, 0, width, height);

  const inset = Math.round(height * INSET_HEIGHT_RATIO);
  ctx.strokeStyle = PLACEHOLDER_BORDER;
  ctx.lineWidth = Math.max(1, Math.round(height * BORDER_HEIGHT_RATIO));
  ctx.strokeRect(inset, inset, width - 2 * inset, height - 2 * inset);

  ctx.fillStyle = PLACEHOLDER_TEXT;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  const titleSize = Math.round(height * TITLE_HEIGHT_RATIO);
  const labelSize = Math.round(height * LABEL_HEIGHT_RATIO);
  ctx.font = `600 ${titleSize}px sans-serif`;
  ctx.fillText(title, width / 2, height / 2 - titleSize * 0.6);
  ctx.font = `400 ${labelSize}px sans-serif`;
  ctx.fillText(label, width / 2, height / 2 + labelSize * 0.9);
}

export const PLACEHOLDER_TITLES = {
  none: 'No frame yet',
  missing: 'Frame missing',
  unreadable: 'Frame could not be read',
} as const;
