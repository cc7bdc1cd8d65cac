import type { Point } from './geometry';
import type { Stage } from './stage';

/** Names are short; a label never takes more than this share of the picture width. */
const MAX_LABEL_SHARE = 0.34;
const MIN_LABEL_WIDTH_REF_PX = 70;

/** A character's name on a paper tag, so it reads over any line behind it. */
export function drawNameLabel(stage: Stage, anchor: Point, name: string, roomPx: number): void {
  const text = name.trim();
  if (text.length === 0) return;
  const { unit, picture, palette, fonts } = stage;
  const maxWidth = Math.min(
    picture.w * MAX_LABEL_SHARE,
    Math.max(roomPx, MIN_LABEL_WIDTH_REF_PX * unit),
  );
  stage.labels.label(stage.scene.project(anchor), text, {
    font: fonts.label,
    color: palette.labelText,
    align: 'center',
    maxWidth,
    box: { fill: palette.labelBox, padding: Math.max(2, 4 * unit), radius: Math.max(1, 3 * unit) },
  });
}
