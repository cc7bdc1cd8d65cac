import { overscan } from './extended';
import { verticalGradient } from './paints';
import type { Stage } from './stage';

/** No INT or EXT: a plain studio floor meeting the paper at the horizon. */
export function drawLimboSet(stage: Stage): void {
  const { scene, picture, horizonY, palette, lines } = stage;
  const area = overscan(picture);
  const cx = picture.x + picture.w / 2;
  scene.shape(
    [
      { x: area.x, y: horizonY },
      { x: area.x + area.w, y: horizonY },
      { x: area.x + area.w, y: area.y + area.h },
      { x: area.x, y: area.y + area.h },
    ],
    {
      fill: verticalGradient(cx, horizonY, picture.y + picture.h, palette.paper, palette.ground),
      wobble: 0,
    },
  );
  scene.line({ x: area.x, y: horizonY }, { x: area.x + area.w, y: horizonY }, lines.fine, {
    alpha: stage.framing.setAlpha * 0.6,
  });
}
