import type { CameraAngle, CameraMove } from '../../model/camera';
import type { SketchOp, TextSpan } from './ops';
import { round } from './pen';
import type { Stage } from './stage';

/** Caption strip height at the reference size; it never gets too small to hold a 9 px line. */
const STRIP_HEIGHT_REF_PX = 46;
const MIN_STRIP_HEIGHT_PX = 16;
const STRIP_MARGIN_REF_PX = 14;

export function stripHeight(unit: number): number {
  return Math.max(MIN_STRIP_HEIGHT_PX, Math.round(STRIP_HEIGHT_REF_PX * unit));
}

const ANGLE_WORDS: Record<CameraAngle, string> = {
  eye: '',
  high: 'High angle',
  low: 'Low angle',
  overhead: 'Overhead',
  dutch: 'Dutch',
  worm: "Worm's-eye",
};

const MOVE_WORDS: Record<CameraMove, string> = {
  static: '',
  pan: 'Pan',
  tilt: 'Tilt',
  dolly: 'Dolly',
  truck: 'Truck',
  zoom: 'Zoom',
  handheld: 'Handheld',
};

/**
 * The strip under the picture: shot number, shot type, angle and move when they are not the
 * default, then the caption, which the painter cuts with an ellipsis where the line runs out.
 */
export function drawCaptionStrip(stage: Stage): void {
  const { input, palette, fonts, unit, width, picture } = stage;
  const ops: SketchOp[] = stage.screen.ops;
  const top = picture.y + picture.h;
  const height = stage.height - top;
  ops.push({
    op: 'rect',
    x: 0,
    y: round(top),
    w: width,
    h: round(height),
    fill: palette.stripFill,
    alpha: 1,
  });
  ops.push({
    op: 'rect',
    x: 0,
    y: round(top),
    w: width,
    h: Math.max(1, round(unit)),
    fill: palette.softPencil,
    alpha: 0.6,
  });
  const gap = fonts.strip.size * 0.9;
  const camera = [ANGLE_WORDS[input.cameraAngle], MOVE_WORDS[input.cameraMove]]
    .filter((w) => w.length > 0)
    .join(' · ');
  const candidates: TextSpan[] = [
    { text: input.shotNumber.trim(), font: fonts.stripBold, color: palette.accent, gapBefore: 0 },
    { text: input.shotType, font: fonts.stripBold, color: palette.stripText, gapBefore: gap },
    { text: camera, font: fonts.strip, color: palette.stripMuted, gapBefore: gap * 0.6 },
    {
      text: input.caption.trim().replace(/\s+/g, ' '),
      font: { ...fonts.strip, italic: true },
      color: palette.stripText,
      gapBefore: gap,
    },
  ];
  const margin = Math.min(STRIP_MARGIN_REF_PX * unit, width * 0.05);
  ops.push({
    op: 'textLine',
    x: round(margin),
    y: round(top + height / 2),
    maxWidth: round(width - margin * 2),
    spans: candidates.filter((span) => span.text.length > 0),
  });
}

/** The scene heading, small in the top-left corner: `INT. KITCHEN — NIGHT`. */
export function drawSlug(stage: Stage): void {
  const { input, picture, palette, fonts, unit } = stage;
  const place = [input.intExt === 'NONE' ? '' : `${input.intExt}.`, input.location.trim()]
    .filter(Boolean)
    .join(' ');
  const time = input.timeOfDay.trim();
  const slug = [place, time].filter(Boolean).join(' — ');
  if (slug.length === 0) return;
  const margin = 12 * unit;
  const padding = Math.max(2, 4 * unit);
  stage.labels.label(
    { x: picture.x + margin + padding, y: picture.y + margin + fonts.slug.size / 2 + padding },
    slug,
    {
      font: fonts.slug,
      color: palette.stripMuted,
      align: 'left',
      maxWidth: picture.w * 0.45,
      box: { fill: palette.labelBox, padding, radius: Math.max(1, 3 * unit) },
    },
  );
}
