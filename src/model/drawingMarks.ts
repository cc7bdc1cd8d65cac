/**
 * Geometry of the storyboard marks (pure, in frame units): the chunky outlined arrow that shows
 * a camera move, and the speed lines that trail behind a moving subject. The editor's Konva
 * nodes draw these polygons and segments; the item keeps only its two points.
 */

export const CAMERA_MOVES = ['pan', 'tilt', 'push-in', 'pull-out', 'track'] as const;
export type CameraMove = (typeof CAMERA_MOVES)[number];

export const CAMERA_MOVE_LABELS: Readonly<Record<CameraMove, string>> = {
  pan: 'Pan',
  tilt: 'Tilt',
  'push-in': 'Push in',
  'pull-out': 'Pull out',
  track: 'Track',
};

/**
 * A block arrow from (x1, y1) to (x2, y2) as a closed polygon (flat x, y pairs): a shaft
 * `width` wide and a head twice as wide, at most half the arrow long. Empty when too short.
 */
export function cameraArrowOutline(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  width: number,
): number[] {
  const length = Math.hypot(x2 - x1, y2 - y1);
  if (length < 1 || width <= 0) return [];
  const ux = (x2 - x1) / length;
  const uy = (y2 - y1) / length;
  // Perpendicular, to the left of the direction of travel.
  const px = -uy;
  const py = ux;
  const half = width / 2;
  const head = Math.min(width * 2, length / 2);
  const neckX = x2 - ux * head;
  const neckY = y2 - uy * head;
  const at = (x: number, y: number, side: number) => [x + px * side, y + py * side];
  return [
    ...at(x1, y1, half),
    ...at(neckX, neckY, half),
    ...at(neckX, neckY, width),
    x2,
    y2,
    ...at(neckX, neckY, -width),
    ...at(neckX, neckY, -half),
    ...at(x1, y1, -half),
  ];
}

/** How long each speed line is, as a share of the drag, across the bundle (ragged on purpose). */
const LINE_SHARES = [0.55, 0.85, 1, 0.7, 0.45] as const;

/**
 * Speed lines for a subject moving from (x1, y1) towards (x2, y2): parallel segments (flat
 * x1, y1, x2, y2 quads) spread across the direction of travel, `spacing` apart, all ending
 * at the leading edge and trailing back by different lengths.
 */
export function motionLineSegments(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  spacing: number,
): number[] {
  const length = Math.hypot(x2 - x1, y2 - y1);
  if (length < 1) return [];
  const ux = (x2 - x1) / length;
  const uy = (y2 - y1) / length;
  const px = -uy;
  const py = ux;
  const out: number[] = [];
  LINE_SHARES.forEach((share, i) => {
    const offset = (i - (LINE_SHARES.length - 1) / 2) * spacing;
    const endX = x2 + px * offset;
    const endY = y2 + py * offset;
    out.push(endX - ux * length * share, endY - uy * length * share, endX, endY);
  });
  return out;
}
