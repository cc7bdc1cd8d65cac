import { lerp, type Rect } from './geometry';
import type { Stage } from './stage';

/** Water from the horizon to a shoreline: ripples thin out toward the viewer. */
export function drawWater(stage: Stage, area: Rect): void {
  const { horizonY, picture, setRandom: rng, palette, scene, lines } = stage;
  const groundBottom = picture.y + picture.h;
  const shoreY = lerp(horizonY, groundBottom, 0.5);
  if (shoreY <= horizonY) return;
  scene.shape(
    [
      { x: area.x, y: horizonY },
      { x: area.x + area.w, y: horizonY },
      { x: area.x + area.w, y: shoreY + picture.h * 0.02 },
      { x: area.x, y: shoreY - picture.h * 0.02 },
    ],
    { fill: palette.skyHorizon, wobble: 0 },
  );
  const alpha = stage.framing.setAlpha;
  const rows = 8;
  for (let i = 1; i <= rows; i++) {
    const t = i / (rows + 1);
    const y = lerp(horizonY, shoreY, t * t);
    for (let k = 0; k < 2; k++) {
      const x = picture.x + picture.w * rng.range(0.05, 0.95);
      const half = picture.w * (0.01 + 0.05 * t);
      scene.line({ x: x - half, y }, { x: x + half, y }, lines.fine, { alpha: alpha * 0.6 });
    }
  }
  scene.line(
    { x: area.x, y: shoreY - picture.h * 0.02 },
    { x: area.x + area.w, y: shoreY + picture.h * 0.02 },
    lines.set,
    { alpha },
  );
}

/** A few short strokes on the ground, closer together near the horizon: that reads as depth. */
export function drawGroundHatch(stage: Stage, area: Rect): void {
  const { horizonY, picture, setRandom: rng, scene, lines } = stage;
  const groundBottom = picture.y + picture.h;
  if (groundBottom <= horizonY) return;
  const alpha = stage.framing.setAlpha * 0.55;
  const rows = 6;
  for (let i = 1; i <= rows; i++) {
    const t = i / rows;
    const y = lerp(horizonY, groundBottom, t * t * 0.95);
    const strokes = 2;
    for (let k = 0; k < strokes; k++) {
      const x = area.x + area.w * rng.range(0.3, 0.7) + (k - 0.5) * picture.w * 0.5;
      const half = picture.w * (0.01 + 0.04 * t);
      scene.line({ x: x - half, y }, { x: x + half, y }, lines.fine, { alpha });
    }
  }
}

/** A road running to a vanishing point on the horizon, with a dashed centre line. */
export function drawRoad(stage: Stage, area: Rect): void {
  const { horizonY, picture, setRandom: rng, palette, scene, lines } = stage;
  const vanishing = { x: picture.x + picture.w * (0.5 + rng.jitter(0.12)), y: horizonY };
  const far = area.y + area.h;
  const spread = (far - horizonY) * 1.4;
  const leftFoot = { x: vanishing.x - spread, y: far };
  const rightFoot = { x: vanishing.x + spread * 0.9, y: far };
  const alpha = stage.framing.setAlpha;
  scene.shape([vanishing, rightFoot, leftFoot], { fill: palette.wall, wobble: 0 });
  scene.line(vanishing, leftFoot, lines.set, { alpha });
  scene.line(vanishing, rightFoot, lines.set, { alpha });
  const centreFoot = { x: (leftFoot.x + rightFoot.x) / 2, y: far };
  const dashes = 7;
  for (let i = 0; i < dashes; i++) {
    const a = Math.pow(i / dashes, 2);
    const b = Math.pow((i + 0.45) / dashes, 2);
    scene.line(
      { x: lerp(vanishing.x, centreFoot.x, a), y: lerp(vanishing.y, centreFoot.y, a) },
      { x: lerp(vanishing.x, centreFoot.x, b), y: lerp(vanishing.y, centreFoot.y, b) },
      lines.fine,
      { alpha: alpha * 0.5 },
    );
  }
}
