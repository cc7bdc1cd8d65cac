import type { Point, Rect } from './geometry';
import type { Stage } from './stage';

/**
 * The sky of an exterior, by the light: clouds by day, a moon and stars by night, a low sun at
 * the golden hours. Sun and moon go on undistorted through the screen pen (a keystone would turn
 * them into eggs).
 */
export function drawSky(stage: Stage, area: Rect): void {
  const { scene, picture, horizonY, palette, setRandom: rng, unit } = stage;
  const skyTop = picture.y;
  const skyHeight = horizonY - skyTop;
  if (skyHeight <= 0) return;
  const alpha = stage.framing.setAlpha;
  if (palette.light === 'night') {
    const moon = { x: picture.x + picture.w * rng.range(0.62, 0.85), y: skyTop + skyHeight * 0.3 };
    const r = Math.min(picture.w, picture.h) * 0.035;
    stage.screen.ellipse(scene.project(moon), r, r, { fill: palette.pencil, alpha: 0.8 });
    const stars = 16;
    for (let i = 0; i < stars; i++) {
      const star = {
        x: picture.x + picture.w * rng.next(),
        y: skyTop + skyHeight * rng.range(0.05, 0.8),
      };
      scene.dot(star, unit * 1.3, unit * 1.3, palette.pencil, rng.range(0.3, 0.8) * alpha);
    }
    return;
  }
  if (palette.light === 'golden') {
    const r = Math.min(picture.w, picture.h) * 0.09 * Math.sqrt(stage.framing.setZoom);
    // A low sun, high enough to clear the mountains.
    const sun = {
      x: picture.x + picture.w * rng.range(0.25, 0.75),
      y: horizonY - skyHeight * 0.42,
    };
    stage.screen.ellipse(scene.project(sun), r, r, {
      fill: palette.highlight,
      stroke: stage.lines.fine,
      alpha: 0.9 * alpha,
    });
    return;
  }
  const clouds = 2;
  for (let i = 0; i < clouds; i++) {
    const width = picture.w * rng.range(0.12, 0.2) * Math.sqrt(stage.framing.setZoom);
    const base = {
      x: area.x + area.w * rng.range(0.3, 0.7) + (i - 0.5) * picture.w * 0.45,
      y: skyTop + skyHeight * rng.range(0.25, 0.6),
    };
    drawCloud(stage, base, width);
  }
}

/**
 * A cumulus: a few overlapping circles on a flat base. Its outline is their upper envelope, which
 * gives the scalloped edge a drawn cloud has.
 */
function drawCloud(stage: Stage, base: Point, width: number): void {
  const rng = stage.setRandom;
  const puffs = 4;
  const circles = Array.from({ length: puffs }, (_, i) => {
    const middle = i === 1 || i === 2;
    const r = width * (middle ? rng.range(0.2, 0.27) : rng.range(0.13, 0.18));
    const cx = base.x - width / 2 + r + ((width - 2 * r) * i) / (puffs - 1);
    return { cx, cy: base.y - r * 0.45, r };
  });
  const left = base.x - width / 2;
  const outline: Point[] = [{ x: left, y: base.y }];
  const steps = 36;
  // Samples stop short of both ends so each side rounds down onto the flat base.
  for (let i = 1; i < steps; i++) {
    const x = left + (width * i) / steps;
    let top = base.y;
    for (const c of circles) {
      const dx = x - c.cx;
      if (Math.abs(dx) < c.r) top = Math.min(top, c.cy - Math.sqrt(c.r * c.r - dx * dx));
    }
    outline.push({ x, y: top });
  }
  outline.push({ x: left + width, y: base.y });
  stage.scene.shape(outline, {
    fill: stage.palette.skyHorizon,
    stroke: stage.lines.fine,
    alpha: stage.framing.setAlpha,
    lineAlpha: 0.7,
    wobble: 0.5,
  });
}
