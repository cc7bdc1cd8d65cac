import { buildFor, type Build } from './build';
import type { Point } from './geometry';
import type { HeadInk } from './head';
import { drawNameLabel } from './labels';
import type { Pen } from './pen';
import type { Stage } from './stage';

/** A stadium (a rectangle with round ends) across `center`, turned by `angle`: shoulders from above. */
function turnedStadium(
  center: Point,
  halfLength: number,
  halfDepth: number,
  angle: number,
): Point[] {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const points: Point[] = [];
  const steps = 8;
  for (const end of [1, -1]) {
    const cx = end * (halfLength - halfDepth);
    for (let i = 0; i <= steps; i++) {
      const t = -Math.PI / 2 + (Math.PI * i) / steps + (end < 0 ? Math.PI : 0);
      points.push({ x: cx + Math.cos(t) * halfDepth, y: Math.sin(t) * halfDepth });
    }
  }
  return points.map((p) => ({
    x: center.x + p.x * cos - p.y * sin,
    y: center.y + p.x * sin + p.y * cos,
  }));
}

/** A person from above: shoulders, the crown of the head, and a nose showing which way they face. */
function drawTopDown(
  pen: Pen,
  center: Point,
  headR: number,
  heading: number,
  build: Build,
  ink: HeadInk,
): void {
  const across = heading + Math.PI / 2;
  // Shoulders run across the heading.
  const reach = headR * 2.3 * build.shoulders;
  pen.shape(turnedStadium(center, reach, headR * 0.85, across), {
    fill: ink.fill,
    stroke: ink.line,
  });
  pen.ellipse(center, headR, headR, { fill: ink.fill, stroke: ink.line });
  if (build.hair !== 'none') {
    pen.ellipse(
      {
        x: center.x - Math.cos(heading) * headR * 0.18,
        y: center.y - Math.sin(heading) * headR * 0.18,
      },
      headR * 0.8,
      headR * 0.8,
      { fill: ink.hair, alpha: build.hairTone },
    );
  }
  const side = { x: Math.cos(across) * headR * 0.28, y: Math.sin(across) * headR * 0.28 };
  const base = {
    x: center.x + Math.cos(heading) * headR * 0.85,
    y: center.y + Math.sin(heading) * headR * 0.85,
  };
  pen.shape(
    [
      { x: base.x + side.x, y: base.y + side.y },
      {
        x: center.x + Math.cos(heading) * headR * 1.35,
        y: center.y + Math.sin(heading) * headR * 1.35,
      },
      { x: base.x - side.x, y: base.y - side.y },
    ],
    { fill: ink.fill, stroke: ink.line, wobble: 0.3 },
  );
}

/** Overhead shots: figures stand around the middle of the floor, facing it. */
export function drawOverheadCast(stage: Stage, names: readonly string[], ink: HeadInk): void {
  const { picture, framing, unit } = stage;
  const short = Math.min(picture.w, picture.h);
  const headR = (short * framing.overheadHead) / 2;
  const center = { x: picture.x + picture.w / 2, y: picture.y + picture.h / 2 };
  const count = names.length;
  const ringX = count === 1 ? 0 : Math.min(picture.w * 0.3, headR * 2.2 * count);
  const ringY = count === 1 ? 0 : Math.min(picture.h * 0.28, headR * 2.2 * count);
  names.forEach((name, index) => {
    const around = (index / count) * Math.PI * 2 + Math.PI;
    const at = { x: center.x + Math.cos(around) * ringX, y: center.y + Math.sin(around) * ringY };
    // A lone figure faces the bottom of the frame; a group faces its middle.
    const heading = count === 1 ? Math.PI / 2 : Math.atan2(center.y - at.y, center.x - at.x);
    drawTopDown(stage.scene, at, headR, heading, buildFor(name), ink);
    drawNameLabel(
      stage,
      { x: at.x, y: at.y + headR * 2.2 + stage.fonts.label.size * 0.6 },
      name,
      headR * 5 + 40 * unit,
    );
  });
}
