import { withAlpha } from './color';
import type { Point } from './geometry';
import type { Stage } from './stage';

/** POV: the frame darkens toward its edges and gets viewfinder corners: we are seeing through eyes. */
export function drawPointOfView(stage: Stage): void {
  const { picture, palette, screen, unit } = stage;
  const cx = picture.x + picture.w / 2;
  const cy = picture.y + picture.h / 2;
  const reach = Math.hypot(picture.w, picture.h) / 2;
  screen.fillRect(picture, {
    kind: 'radial',
    x: cx,
    y: cy,
    r0: reach * 0.5,
    r1: reach,
    stops: [
      { offset: 0, color: withAlpha(palette.shadow, 0) },
      { offset: 1, color: withAlpha(palette.shadow, 0.55) },
    ],
  });
  const inset = 18 * unit;
  const arm = Math.min(picture.w, picture.h) * 0.1;
  const corners: readonly (readonly [Point, number, number])[] = [
    [{ x: picture.x + inset, y: picture.y + inset }, 1, 1],
    [{ x: picture.x + picture.w - inset, y: picture.y + inset }, -1, 1],
    [{ x: picture.x + picture.w - inset, y: picture.y + picture.h - inset }, -1, -1],
    [{ x: picture.x + inset, y: picture.y + picture.h - inset }, 1, -1],
  ];
  for (const [c, dx, dy] of corners) {
    screen.polyline(
      [{ x: c.x + dx * arm, y: c.y }, c, { x: c.x, y: c.y + dy * arm }],
      stage.lines.figure,
      {
        alpha: 0.75,
      },
    );
  }
}
