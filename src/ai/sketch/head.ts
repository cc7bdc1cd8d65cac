import type { Build } from './build';
import type { Point } from './geometry';
import type { Stroke } from './ops';
import type { Pen } from './pen';

export interface HeadSpec {
  readonly center: Point;
  readonly rx: number;
  readonly ry: number;
  /** Where the face points: −1 screen left (profile), 0 the camera, 1 screen right. */
  readonly facing: number;
  /** Looking down on the head (+) curves its guide lines one way, looking up the other. */
  readonly pitch: number;
  readonly build: Build;
}

export interface HeadInk {
  readonly fill: string;
  readonly line: Stroke;
  readonly guide: Stroke;
  readonly hair: string;
}

/** Faces get eyes and a nose once the head is big enough for them to read. */
const FEATURE_MIN_RY_PX = 26;
const GUIDE_ALPHA = 0.55;
const MAX_YAW = Math.PI * 0.42;

/** A point on the head as a sphere: longitude from the facing direction, latitude down. */
function onHead(head: HeadSpec, lon: number, lat: number): Point {
  const yaw = head.facing * MAX_YAW;
  const x = Math.sin(lon + yaw) * Math.cos(lat);
  const depth = Math.cos(lon + yaw) * Math.cos(lat);
  const y = Math.sin(lat) - head.pitch * depth * 0.35;
  return { x: head.center.x + x * head.rx, y: head.center.y + y * head.ry };
}

function visible(head: HeadSpec, lon: number): boolean {
  return Math.cos(lon + head.facing * MAX_YAW) > 0.12;
}

const ARC_STEPS = 10;

function arc(from: number, to: number, at: (t: number) => Point): Point[] {
  const points: Point[] = [];
  for (let i = 0; i <= ARC_STEPS; i++) points.push(at(from + ((to - from) * i) / ARC_STEPS));
  return points;
}

/** The storyboard head: an egg with a cross showing where the face looks, then hair and features. */
export function drawHead(pen: Pen, head: HeadSpec, ink: HeadInk): void {
  pen.ellipse(head.center, head.rx, head.ry, { fill: ink.fill, stroke: ink.line });
  drawHair(pen, head, ink);
  const yaw = head.facing * MAX_YAW;
  // Centre line of the face, from brow to chin, and the eye line across the visible half.
  const centre = arc(-0.75, 1.15, (lat) => onHead(head, 0, lat));
  const eyeLine = arc(-Math.PI / 2 - yaw + 0.2, Math.PI / 2 - yaw - 0.2, (lon) =>
    onHead(head, lon, 0.08),
  );
  pen.polyline(centre, ink.guide, { alpha: GUIDE_ALPHA, wobble: 0.4 });
  pen.polyline(eyeLine, ink.guide, { alpha: GUIDE_ALPHA, wobble: 0.4 });
  if (head.ry >= FEATURE_MIN_RY_PX) drawFeatures(pen, head, ink);
}

function drawFeatures(pen: Pen, head: HeadSpec, ink: HeadInk): void {
  const eyeSpread = 0.36;
  for (const side of [-1, 1]) {
    const lon = side * eyeSpread;
    if (!visible(head, lon)) continue;
    const eye = arc(lon - 0.13, lon + 0.13, (l) => onHead(head, l, 0.1));
    pen.polyline(eye, ink.line, { wobble: 0.3 });
    const brow = arc(lon - 0.17, lon + 0.17, (l) =>
      onHead(head, l, -0.1 - 0.03 * Math.cos((l - lon) * 6)),
    );
    pen.polyline(brow, ink.guide, { wobble: 0.3 });
  }
  // Nose: down the centre line, then a short turn towards the near cheek.
  const noseTurn = head.facing >= 0 ? 0.12 : -0.12;
  pen.polyline(
    [onHead(head, 0.02, 0.18), onHead(head, 0.04, 0.42), onHead(head, noseTurn, 0.45)],
    ink.line,
    {
      wobble: 0.3,
    },
  );
  const mouth = arc(-0.2, 0.2, (l) => onHead(head, l, 0.66));
  pen.polyline(mouth, ink.guide, { wobble: 0.3 });
}

function drawHair(pen: Pen, head: HeadSpec, ink: HeadInk): void {
  if (head.build.hair === 'none') return;
  const { center, rx, ry } = head;
  const shift = head.facing * rx * 0.25;
  // Crown: the top of the head down to the temples, with the hairline dipping toward the face.
  const crown: Point[] = [];
  const steps = 16;
  for (let i = 0; i <= steps; i++) {
    const angle = Math.PI + (Math.PI * i) / steps;
    crown.push({
      x: center.x + Math.cos(angle) * rx * 1.04,
      y: center.y + Math.sin(angle) * ry * 1.04,
    });
  }
  for (let i = steps; i >= 0; i--) {
    const angle = Math.PI + (Math.PI * i) / steps;
    const x = center.x + Math.cos(angle) * rx * 0.98;
    crown.push({
      x: x + shift * Math.sin((Math.PI * i) / steps),
      y: center.y - ry * 0.35 + Math.abs(Math.cos(angle)) * ry * 0.3,
    });
  }
  if (head.build.hair === 'long') {
    const side = head.facing >= 0 ? -1 : 1;
    pen.shape(
      [
        { x: center.x + side * rx * 1.02, y: center.y - ry * 0.1 },
        { x: center.x + side * rx * 1.1, y: center.y + ry * 1.05 },
        { x: center.x + side * rx * 0.55, y: center.y + ry * 1.15 },
        { x: center.x + side * rx * 0.6, y: center.y - ry * 0.2 },
      ],
      { fill: ink.hair, alpha: head.build.hairTone },
    );
  }
  if (head.build.hair === 'bun') {
    pen.ellipse(
      { x: center.x - head.facing * rx * 0.5, y: center.y - ry * 1.02 },
      rx * 0.34,
      ry * 0.26,
      { fill: ink.hair, alpha: head.build.hairTone },
    );
  }
  pen.shape(crown, { fill: ink.hair, alpha: head.build.hairTone, wobble: 0.5 });
}
