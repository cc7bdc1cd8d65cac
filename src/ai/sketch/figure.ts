import type { Build } from './build';
import type { Point } from './geometry';
import { drawHead, type HeadInk } from './head';
import type { Pen } from './pen';

/** A standing figure, placed by the top of its head; sizes in head heights. */
export interface FigureSpec {
  /** Centre line of the body. */
  readonly x: number;
  /** Top of the head. */
  readonly top: number;
  /** One head height in pixels: the unit of the whole body. */
  readonly head: number;
  /** −1 screen left, 0 the camera, 1 screen right. */
  readonly facing: number;
  readonly build: Build;
  /** Foreshortening from the camera angle. */
  readonly headScale: number;
  readonly legScale: number;
  /** Looking down on the figure (+) or up at it (−), for the head's guide lines. */
  readonly pitch: number;
}

/** Where the planner may hang a label or measure a figure. */
export interface FigureMarks {
  readonly chest: Point;
  readonly feet: Point;
  readonly headCenter: Point;
  readonly halfWidth: number;
}

/*
 * Body landmarks in head heights, measured down from the shoulder line (the top of the head is
 * one head plus SHOULDER_DROP above it). They follow the artist's 7½-head figure.
 */
const SHOULDER_DROP = 0.25;
const CHEST = 0.95;
const WAIST = 1.8;
const HIP_JOINT = 2.5;
const CROTCH = 2.85;
const KNEE = 4.2;
const ANKLE = 5.9;
const SOLE = 6.05;
/** Construction lines are drawn lighter than outlines. */
const GUIDE_ALPHA = 0.45;

/** Head top to sole, in heads, for a figure drawn with these foreshortening factors. */
export function figureHeads(headScale: number, legScale: number): number {
  return headScale + SHOULDER_DROP + HIP_JOINT + (SOLE - HIP_JOINT) * legScale;
}

/** A tapered limb with round ends: the mannequin look. */
function capsule(a: Point, b: Point, ra: number, rb: number): Point[] {
  const angle = Math.atan2(b.y - a.y, b.x - a.x);
  const points: Point[] = [];
  const steps = 6;
  for (let i = 0; i <= steps; i++) {
    const t = angle - Math.PI / 2 + (Math.PI * i) / steps;
    points.push({ x: b.x + Math.cos(t) * rb, y: b.y + Math.sin(t) * rb });
  }
  for (let i = 0; i <= steps; i++) {
    const t = angle + Math.PI / 2 + (Math.PI * i) / steps;
    points.push({ x: a.x + Math.cos(t) * ra, y: a.y + Math.sin(t) * ra });
  }
  return points;
}

interface Frame {
  readonly h: number;
  readonly headH: number;
  readonly shoulderY: number;
  /** y of a landmark at or below the hip joint, with the legs foreshortened. */
  readonly below: (heads: number) => number;
}

function frameOf(spec: FigureSpec): Frame {
  const h = spec.head * spec.build.height;
  const headH = h * spec.headScale;
  const shoulderY = spec.top + headH + h * SHOULDER_DROP;
  const hipY = shoulderY + h * HIP_JOINT;
  return {
    h,
    headH,
    shoulderY,
    below: (heads) => hipY + (heads - HIP_JOINT) * h * spec.legScale,
  };
}

export function figureMarks(spec: FigureSpec): FigureMarks {
  const f = frameOf(spec);
  return {
    headCenter: { x: spec.x, y: spec.top + f.headH / 2 },
    chest: { x: spec.x, y: f.shoulderY + f.h * CHEST },
    feet: { x: spec.x, y: f.below(SOLE) },
    halfWidth: f.h * spec.build.shoulders * 0.95,
  };
}

export function drawFigure(pen: Pen, spec: FigureSpec, ink: HeadInk): FigureMarks {
  const { x, facing, build } = spec;
  const { h, headH, shoulderY, below } = frameOf(spec);
  // Turning away from the camera narrows the shoulders and hips, as it does a real body.
  const narrow = 1 - 0.3 * Math.abs(facing);
  const shoulder = h * 0.82 * build.shoulders * narrow;
  const lean = facing * h * 0.05;
  const at = (dx: number, heads: number): Point => ({
    x: x + dx + lean * (1 - heads / SOLE),
    y: shoulderY + heads * h,
  });
  const low = (dx: number, heads: number): Point => ({ x: x + dx, y: below(heads) });
  const body = { fill: ink.fill, stroke: ink.line };

  const legs = [-1, 1].map((side) => ({
    side,
    hip: low(side * h * 0.3, HIP_JOINT),
    knee: low(side * h * (0.28 + build.stance * 0.35), KNEE),
    ankle: low(side * h * (0.26 + build.stance * 0.8), ANKLE),
  }));
  const arms = [-1, 1].map((side) => {
    const joint = at(side * shoulder * 0.93, 0.2);
    const elbow = at(side * (shoulder + h * (0.06 + build.armSwing * 0.3)), 1.45);
    const wrist = at(side * (shoulder + h * (0.02 + build.armSwing)), 2.45);
    return { side, joint, elbow, wrist };
  });
  const farSide = facing > 0.25 ? -1 : facing < -0.25 ? 1 : 0;
  const drawArm = (arm: (typeof arms)[number]): void => {
    pen.shape(capsule(arm.joint, arm.elbow, h * 0.15, h * 0.12), body);
    pen.shape(capsule(arm.elbow, arm.wrist, h * 0.12, h * 0.085), body);
    pen.ellipse(
      { x: arm.wrist.x + arm.side * h * 0.02, y: arm.wrist.y + h * 0.2 },
      h * 0.1,
      h * 0.17,
      body,
    );
  };

  // Shadow on the ground anchors a full figure; it is cut off with the feet in closer shots.
  const feet = below(SOLE);
  pen.ellipse({ x: x + h * 0.2, y: feet }, h * 1.1, h * 0.2, {
    fill: ink.line.color,
    alpha: 0.12,
    wobble: 0.3,
  });

  for (const arm of arms) if (arm.side === farSide) drawArm(arm);
  for (const leg of legs) {
    pen.shape(capsule(leg.hip, leg.knee, h * 0.25, h * 0.17), body);
    pen.shape(capsule(leg.knee, leg.ankle, h * 0.16, h * 0.1), body);
    const toeDirection = facing === 0 ? leg.side * 0.25 : facing;
    const toe = { x: leg.ankle.x + toeDirection * h * 0.3, y: feet - h * 0.02 };
    pen.shape(capsule(leg.ankle, toe, h * 0.1, h * 0.08), body);
  }

  const neckHalf = h * 0.14;
  pen.shape(
    [
      at(-neckHalf, -0.35),
      at(neckHalf, -0.35),
      at(neckHalf * 1.1, 0.05),
      at(-neckHalf * 1.1, 0.05),
    ],
    body,
  );
  const side = (s: number): Point[] => [
    at(s * h * 0.22, -0.1),
    at(s * shoulder * 0.85, 0.04),
    at(s * shoulder, 0.22),
    at(s * shoulder * 0.9, 0.62),
    at(s * h * 0.62 * narrow, CHEST + 0.35),
    at(s * h * 0.48 * narrow, WAIST),
    low(s * h * 0.6 * narrow, HIP_JOINT - 0.1),
    low(s * h * 0.5 * narrow, CROTCH - 0.1),
    low(s * h * 0.12, CROTCH),
  ];
  pen.shape([...side(-1), ...side(1).reverse()], body);
  // Construction lines: the body's centre line turns with it; the belt line marks the waist.
  const turn = facing * h * 0.3;
  pen.polyline(
    [at(turn * 0.6, 0.15), at(turn, CHEST), at(turn * 0.8, WAIST), low(turn * 0.5, CROTCH - 0.15)],
    ink.guide,
    {
      alpha: GUIDE_ALPHA,
    },
  );
  pen.polyline(
    [
      at(-h * 0.47 * narrow, WAIST + 0.05),
      at(turn * 0.8, WAIST + 0.15),
      at(h * 0.47 * narrow, WAIST + 0.05),
    ],
    ink.guide,
    { alpha: GUIDE_ALPHA },
  );
  for (const arm of arms) if (arm.side !== farSide) drawArm(arm);

  drawHead(
    pen,
    {
      center: { x: x + lean, y: spec.top + headH / 2 },
      rx: headH * 0.4,
      ry: headH * 0.5,
      facing,
      pitch: spec.pitch,
      build,
    },
    ink,
  );
  return figureMarks(spec);
}
