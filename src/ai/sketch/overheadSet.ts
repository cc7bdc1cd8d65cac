import { overscan } from './extended';
import type { Point } from './geometry';
import { puffRing } from './shapes';
import type { Stage } from './stage';

/**
 * Looking straight down: no horizon, only the floor. Interiors get floorboards and a rug;
 * exteriors a path across the ground and a few bushes.
 */
export function drawOverheadSet(stage: Stage, interior: boolean): void {
  const { scene, picture, palette, lines, setRandom: rng } = stage;
  const area = overscan(picture);
  const alpha = stage.framing.setAlpha;
  const zoom = stage.framing.setZoom;
  scene.shape(
    [
      { x: area.x, y: area.y },
      { x: area.x + area.w, y: area.y },
      { x: area.x + area.w, y: area.y + area.h },
      { x: area.x, y: area.y + area.h },
    ],
    { fill: palette.ground, wobble: 0 },
  );
  if (interior) {
    const spacing = Math.min(picture.w, picture.h) * 0.09 * zoom;
    for (let x = area.x; x < area.x + area.w; x += spacing) {
      scene.line({ x, y: area.y }, { x, y: area.y + area.h }, lines.fine, { alpha: alpha * 0.4 });
    }
    const rugW = picture.w * 0.5 * zoom;
    const rugH = picture.h * 0.5 * zoom;
    const cx = picture.x + picture.w * (0.5 + rng.jitter(0.08));
    const cy = picture.y + picture.h * (0.5 + rng.jitter(0.08));
    const rug: Point[] = [
      { x: cx - rugW / 2, y: cy - rugH / 2 },
      { x: cx + rugW / 2, y: cy - rugH / 2 },
      { x: cx + rugW / 2, y: cy + rugH / 2 },
      { x: cx - rugW / 2, y: cy + rugH / 2 },
    ];
    scene.shape(rug, { fill: palette.wall, stroke: lines.set, lineAlpha: alpha });
    return;
  }
  const pathWidth = Math.min(picture.w, picture.h) * 0.16 * zoom;
  const bend = picture.w * rng.jitter(0.15);
  for (const side of [-1, 1]) {
    const offset = (side * pathWidth) / 2;
    const edge: Point[] = [];
    const steps = 8;
    for (let i = 0; i <= steps; i++) {
      const t = i / steps;
      edge.push({
        x: area.x + area.w * t,
        y: picture.y + picture.h * (0.35 + 0.3 * t) + Math.sin(t * Math.PI) * bend * 0.3 + offset,
      });
    }
    scene.polyline(edge, lines.set, { alpha });
  }
  const bushes = 5;
  for (let i = 0; i < bushes; i++) {
    const center = { x: picture.x + picture.w * rng.next(), y: picture.y + picture.h * rng.next() };
    const r = Math.min(picture.w, picture.h) * rng.range(0.04, 0.08) * zoom;
    scene.shape(puffRing(center, r, 6), {
      fill: palette.wall,
      stroke: lines.set,
      lineAlpha: alpha * 0.8,
    });
  }
  // Tufts of grass: small open Vs scattered over the ground.
  const tufts = 24;
  const size = Math.min(picture.w, picture.h) * 0.012 * zoom;
  for (let i = 0; i < tufts; i++) {
    const at = { x: picture.x + picture.w * rng.next(), y: picture.y + picture.h * rng.next() };
    scene.polyline(
      [
        { x: at.x - size, y: at.y - size * 1.4 },
        at,
        { x: at.x + size * 0.9, y: at.y - size * 1.5 },
      ],
      lines.fine,
      { alpha: alpha * 0.6, wobble: 0.2 },
    );
  }
}
