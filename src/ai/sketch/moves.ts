import type { CameraMove } from '../../model/camera';
import type { Point, Rect } from './geometry';
import type { Stage } from './stage';

/** Block-arrow proportions at the reference size, in pixels. */
const SHAFT_HALF_REF_PX = 6;
const HEAD_LENGTH_REF_PX = 22;
const HEAD_HALF_REF_PX = 15;

/** Heights of pan and truck arrows, as shares of the picture height. */
const LOW_ARROW = 0.9;
const HIGH_ARROW = 0.16;
/** Arrow fill opacity: enough to read as a solid arrow, little enough to see the drawing under it. */
const ARROW_FILL_ALPHA = 0.6;

const MOVE_WORDS: Record<CameraMove, string> = {
  static: '',
  pan: 'PAN',
  tilt: 'TILT',
  dolly: 'DOLLY IN',
  truck: 'TRUCK',
  zoom: 'ZOOM IN',
  handheld: 'HANDHELD',
};

/**
 * The outline of a hollow block arrow along a centre line: the storyboard way of marking a move.
 */
function blockArrow(
  line: readonly Point[],
  shaftHalf: number,
  headLength: number,
  headHalf: number,
): Point[] {
  const end = line[line.length - 1];
  const beforeEnd = line[line.length - 2];
  if (!end || !beforeEnd) return [];
  const along = Math.hypot(end.x - beforeEnd.x, end.y - beforeEnd.y) || 1;
  const ux = (end.x - beforeEnd.x) / along;
  const uy = (end.y - beforeEnd.y) / along;
  const neck = { x: end.x - ux * headLength, y: end.y - uy * headLength };
  const shaft = [...line.slice(0, -1), neck];
  const normalAt = (i: number): Point => {
    const a = shaft[Math.max(0, i - 1)] ?? neck;
    const b = shaft[Math.min(shaft.length - 1, i + 1)] ?? neck;
    const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    return { x: -(b.y - a.y) / length, y: (b.x - a.x) / length };
  };
  const left = shaft.map((p, i) => ({
    x: p.x + normalAt(i).x * shaftHalf,
    y: p.y + normalAt(i).y * shaftHalf,
  }));
  const right = shaft.map((p, i) => ({
    x: p.x - normalAt(i).x * shaftHalf,
    y: p.y - normalAt(i).y * shaftHalf,
  }));
  const n = { x: -uy, y: ux };
  return [
    ...left,
    { x: neck.x + n.x * headHalf, y: neck.y + n.y * headHalf },
    end,
    { x: neck.x - n.x * headHalf, y: neck.y - n.y * headHalf },
    ...right.reverse(),
  ];
}

function arcLine(from: Point, to: Point, sag: number): Point[] {
  const steps = 10;
  const points: Point[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    points.push({
      x: from.x + (to.x - from.x) * t,
      y: from.y + (to.y - from.y) * t - Math.sin(Math.PI * t) * sag,
    });
  }
  return points;
}

/** Camera moves drawn on the screen (they belong to the frame, not the scene, so no Dutch roll). */
export function drawCameraMove(stage: Stage): void {
  const move = stage.input.cameraMove;
  if (move === 'static') return;
  const { picture, unit } = stage;
  const arrow = (line: readonly Point[], scale = 1): void => {
    const outline = blockArrow(
      line,
      SHAFT_HALF_REF_PX * unit * scale,
      HEAD_LENGTH_REF_PX * unit * scale,
      HEAD_HALF_REF_PX * unit * scale,
    );
    stage.screen.shape(outline, {
      fill: stage.palette.accentFill,
      alpha: ARROW_FILL_ALPHA,
      lineAlpha: 1 / ARROW_FILL_ALPHA,
      stroke: stage.lines.arrow,
      wobble: 0.5,
    });
  };
  const at = (fx: number, fy: number): Point => ({
    x: picture.x + picture.w * fx,
    y: picture.y + picture.h * fy,
  });
  const word = MOVE_WORDS[move];
  const short = Math.min(picture.w, picture.h);
  switch (move) {
    // Pans and trucks run where they cover least: across the sky of a wide shot, along the
    // bottom (bodies, not faces) of a closer one.
    case 'pan':
    case 'truck': {
      const wide = stage.input.shotType === 'WS' || stage.input.shotType === 'EWS';
      const y = wide ? HIGH_ARROW : LOW_ARROW;
      const sag = move === 'pan' ? short * 0.03 : 0;
      arrow(arcLine(at(0.34, y), at(0.66, y), sag));
      moveLabel(stage, word, { x: at(0.5, 0).x, y: at(0, y).y - sag - 26 * unit });
      return;
    }
    case 'tilt': {
      const x = picture.x + picture.w - 40 * unit;
      const line = arcLine(
        { x, y: picture.y + picture.h * 0.62 },
        { x, y: picture.y + picture.h * 0.24 },
        0,
      );
      arrow(line);
      moveLabel(
        stage,
        word,
        { x: x - 26 * unit, y: picture.y + picture.h * 0.24 - 24 * unit },
        'right',
      );
      return;
    }
    case 'dolly':
    case 'zoom':
      drawPush(stage, move, arrow);
      moveLabel(stage, word, at(0.5, 0.06));
      return;
    case 'handheld':
      drawShake(stage);
      return;
  }
}

/** Dolly and zoom in: arrows from the corners toward the middle; a zoom also marks its end frame. */
function drawPush(
  stage: Stage,
  move: 'dolly' | 'zoom',
  arrow: (line: readonly Point[], scale?: number) => void,
): void {
  const { picture, unit } = stage;
  const inset = 24 * unit;
  // The top arrows start below the slug in the corner.
  const topInset = 56 * unit;
  const target: Rect = {
    x: picture.x + picture.w * 0.2,
    y: picture.y + picture.h * 0.2,
    w: picture.w * 0.6,
    h: picture.h * 0.6,
  };
  const outer: Point[] = [
    { x: picture.x + inset, y: picture.y + topInset },
    { x: picture.x + picture.w - inset, y: picture.y + topInset },
    { x: picture.x + picture.w - inset, y: picture.y + picture.h - inset },
    { x: picture.x + inset, y: picture.y + picture.h - inset },
  ];
  const inner: Point[] = [
    { x: target.x, y: target.y },
    { x: target.x + target.w, y: target.y },
    { x: target.x + target.w, y: target.y + target.h },
    { x: target.x, y: target.y + target.h },
  ];
  if (move === 'zoom') {
    stage.screen.shape(inner, {
      stroke: {
        ...stage.lines.arrow,
        width: stage.lines.arrow.width * 0.7,
        dash: [8 * unit, 6 * unit],
      },
      wobble: 0,
    });
  }
  outer.forEach((from, i) => {
    const to = inner[i];
    if (!to) return;
    // Stop short of the target corner so the arrowhead does not sit on the frame line.
    const reach = move === 'zoom' ? 0.85 : 0.6;
    arrow(
      [from, { x: from.x + (to.x - from.x) * reach, y: from.y + (to.y - from.y) * reach }],
      0.75,
    );
  });
}

/** Handheld: a wavy line in the top-right corner, the storyboard shorthand for a shaky camera. */
function drawShake(stage: Stage): void {
  const { picture, unit } = stage;
  const width = Math.min(picture.w * 0.2, 150 * unit);
  const right = picture.x + picture.w - 24 * unit;
  const y = picture.y + 34 * unit;
  const waves = 4;
  const steps = waves * 6;
  const points: Point[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    points.push({
      x: right - width + width * t,
      y: y + Math.sin(t * waves * Math.PI * 2) * 6 * unit,
    });
  }
  stage.screen.polyline(points, stage.lines.arrow, { wobble: 0.3 });
  moveLabel(stage, MOVE_WORDS.handheld, { x: right, y: y + 24 * unit }, 'right');
}

function moveLabel(
  stage: Stage,
  text: string,
  at: Point,
  align: 'center' | 'right' = 'center',
): void {
  stage.labels.label(at, text, {
    font: { ...stage.fonts.slug, weight: 700 },
    color: stage.palette.accent,
    align,
    maxWidth: 160 * stage.unit,
    box: {
      fill: stage.palette.labelBox,
      padding: Math.max(2, 3 * stage.unit),
      radius: Math.max(1, 3 * stage.unit),
    },
  });
}
