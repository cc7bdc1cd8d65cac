import { buildFor } from './build';
import type { Point } from './geometry';
import type { HeadInk } from './head';
import { drawNameLabel } from './labels';
import type { Stage } from './stage';

/**
 * ECU: the eyes and the bridge of the nose fill the frame. The rest of the face runs off every
 * edge, which is what makes an extreme close-up read at a glance.
 */
export function drawExtremeCloseUp(stage: Stage, name: string, ink: HeadInk): void {
  const { picture, scene, lines, palette, unit } = stage;
  const build = buildFor(name);
  const spread = Math.min(picture.w * 0.42, picture.h * 0.8);
  const cx = picture.x + picture.w / 2;
  const eyeY = picture.y + picture.h * 0.45;
  const faceRx = spread * 1.3;
  scene.ellipse({ x: cx, y: eyeY + spread * 0.35 }, faceRx, faceRx * 1.35, {
    fill: ink.fill,
    stroke: ink.line,
  });
  if (build.hair !== 'none') {
    const hairline = eyeY - spread * 0.7;
    const hair: Point[] = [
      { x: cx - faceRx * 1.2, y: picture.y - spread },
      { x: cx + faceRx * 1.2, y: picture.y - spread },
      { x: cx + faceRx * 1.1, y: hairline + spread * 0.25 },
      { x: cx + faceRx * 0.4, y: hairline },
      { x: cx - faceRx * 0.3, y: hairline - spread * 0.05 },
      { x: cx - faceRx * 1.1, y: hairline + spread * 0.3 },
    ];
    scene.shape(hair, { fill: ink.hair, alpha: build.hairTone, wobble: 2 });
  }
  const eyeW = spread * 0.5;
  const eyeH = eyeW * 0.4;
  const heavy = { ...lines.figure, width: lines.figure.width * 1.5 };
  for (const side of [-1, 1]) {
    const c = { x: cx + (side * spread) / 2, y: eyeY };
    const upper: Point[] = [];
    const lower: Point[] = [];
    const steps = 12;
    for (let i = 0; i <= steps; i++) {
      const t = i / steps;
      const x = c.x - eyeW / 2 + eyeW * t;
      // The upper lid peaks toward the nose side; the lower lid is flatter.
      const skew = 1 + side * (0.5 - t) * 0.4;
      upper.push({ x, y: c.y - Math.sin(Math.PI * t) * eyeH * 0.55 * skew });
      lower.push({ x, y: c.y + Math.sin(Math.PI * t) * eyeH * 0.4 });
    }
    scene.shape([...upper, ...lower.slice(1, -1).reverse()], {
      fill: palette.highlight,
      wobble: 0.4,
    });
    const iris = { x: c.x - side * eyeW * 0.04, y: c.y - eyeH * 0.04 };
    scene.ellipse(iris, eyeH * 0.42, eyeH * 0.42, { fill: ink.hair, alpha: 0.55, wobble: 0.3 });
    scene.dot(iris, eyeH * 0.17, eyeH * 0.17, palette.pencil, 0.85);
    scene.dot(
      { x: iris.x + eyeH * 0.12, y: iris.y - eyeH * 0.12 },
      eyeH * 0.07,
      eyeH * 0.07,
      palette.highlight,
    );
    scene.polyline(upper, heavy, { wobble: 0.4 });
    scene.polyline(lower, lines.figure, { wobble: 0.4, alpha: 0.7 });
    const crease = upper.map((p) => ({ x: p.x, y: p.y - eyeH * 0.35 }));
    scene.polyline(crease.slice(2, -1), lines.fine, { wobble: 0.4 });
    const brow: Point[] = [];
    for (let i = 0; i <= steps; i++) {
      const t = i / steps;
      const x = c.x - eyeW * 0.6 + eyeW * 1.2 * t;
      const rise = Math.sin(Math.PI * (side < 0 ? t * 0.8 + 0.2 : t * 0.8)) * eyeH * 0.45;
      brow.push({ x, y: c.y - eyeH * 1.35 - rise });
    }
    scene.polyline(
      brow,
      { ...heavy, width: heavy.width * 1.8 },
      { wobble: 0.5, alpha: build.hairTone + 0.35 },
    );
  }
  // The nose: a shadow line down one side of the bridge that curls in at the tip.
  const noseSide = build.shoulders > 1 ? 1 : -1;
  scene.polyline(
    [
      { x: cx + noseSide * spread * 0.08, y: eyeY + eyeH * 0.6 },
      { x: cx + noseSide * spread * 0.11, y: eyeY + spread * 0.3 },
      { x: cx + noseSide * spread * 0.17, y: eyeY + spread * 0.55 },
      { x: cx + noseSide * spread * 0.09, y: eyeY + spread * 0.66 },
    ],
    lines.figure,
    { wobble: 0.5, alpha: 0.7 },
  );
  for (const side of [-1, 1]) {
    const nostril = { x: cx + side * spread * 0.13, y: eyeY + spread * 0.72 };
    scene.polyline(
      [
        { x: nostril.x - side * spread * 0.06, y: nostril.y - spread * 0.02 },
        { x: nostril.x, y: nostril.y + spread * 0.02 },
        { x: nostril.x + side * spread * 0.05, y: nostril.y - spread * 0.04 },
      ],
      lines.figure,
      { wobble: 0.5 },
    );
  }
  // Hatching under the far cheekbone gives the face a side in shadow.
  const hatches = 6;
  for (let i = 0; i < hatches; i++) {
    const x = cx - noseSide * spread * (0.75 + i * 0.06);
    const y = eyeY + eyeH * 1.4;
    scene.line({ x, y }, { x: x + spread * 0.08, y: y + spread * 0.25 }, lines.fine, {
      alpha: 0.45,
    });
  }
  drawNameLabel(
    stage,
    { x: picture.x + picture.w * 0.85, y: picture.y + picture.h * 0.08 },
    name,
    160 * unit,
  );
}
