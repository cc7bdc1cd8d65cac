import type { Point } from './geometry';
import { drawNameLabel } from './labels';
import type { Placement } from './layout';
import type { Stage } from './stage';

/** How much bigger the near head is than the far one: it is much closer to the lens. */
const NEAR_HEAD_SCALE = 1.8;

/**
 * OTS: the back of the near character's head and shoulder, dark and out of focus, fills one side;
 * the far character faces them (and us) on the other. The near figure is the first named.
 */
export function drawOverShoulder(
  stage: Stage,
  nearName: string | null,
  far: readonly Placement[],
): void {
  const { picture, palette, unit } = stage;
  const farHead = far[0]?.head ?? picture.h / 3.5;
  const head = farHead * NEAR_HEAD_SCALE;
  const center = { x: picture.x + picture.w * 0.13, y: picture.y + picture.h * 0.58 };
  const rx = head * 0.42;
  const ry = head * 0.52;
  const neckY = center.y + ry * 0.85;
  const bottom = picture.y + picture.h + head;
  const shoulder: Point[] = [
    { x: center.x - head * 2.6, y: bottom },
    { x: center.x - head * 2.2, y: neckY + head * 0.55 },
    { x: center.x - head * 0.9, y: neckY + head * 0.1 },
    { x: center.x - rx * 0.5, y: neckY - head * 0.1 },
    { x: center.x + rx * 0.6, y: neckY - head * 0.05 },
    { x: center.x + head * 1.1, y: neckY + head * 0.25 },
    { x: center.x + head * 1.9, y: neckY + head * 0.9 },
    { x: center.x + head * 2.2, y: bottom },
  ];
  const mass = { fill: palette.shadow, alpha: 0.82, blur: 5 * unit, wobble: 2 };
  stage.scene.shape(shoulder, mass);
  stage.scene.ellipse(center, rx, ry, mass);
  if (nearName !== null) {
    drawNameLabel(stage, { x: center.x, y: picture.y + picture.h * 0.9 }, nearName, head * 2);
  }
}
