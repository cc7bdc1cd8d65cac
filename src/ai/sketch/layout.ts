import { buildFor, type Build } from './build';
import { figureHeads } from './figure';
import { FIGURE_HEADS } from './framing';
import { clamp } from './geometry';
import type { Stage } from './stage';

/** One figure's place in the frame. */
export interface Placement {
  readonly name: string;
  readonly build: Build;
  readonly x: number;
  readonly top: number;
  readonly head: number;
  readonly facing: number;
}

/** Horizontal room a figure needs beside its neighbours, in heads. */
const SLOT_HEADS = 2.7;
/**
 * A crowded or narrow frame shrinks figures to fit side by side, but never below this share of
 * the shot's size: a medium shot of three people in a 9:16 frame stays a medium shot, with
 * shoulders overlapping and running off the edges, as it would through a real lens.
 */
const MIN_FIT_SCALE = 0.8;
/** A wide shot's tallest figure leaves this share of its height free above its head. */
const WIDE_HEADROOM = 1.05;
const MIN_SPAN_FIT_SCALE = 0.6;
/** Face a little toward the middle of the frame; more when figures talk to each other. */
const SINGLE_FACING = 0.3;
const GROUP_FACING = 0.55;

/** The part of the picture width the figures may use, as fractions (OTS gives them one side). */
export interface Span {
  readonly from: number;
  readonly to: number;
}

const FULL_SPAN: Span = { from: 0, to: 1 };

function facingToward(x: number, middle: number, strength: number): number {
  if (Math.abs(x - middle) < 1) return 0;
  return x < middle ? strength : -strength;
}

/** Medium and close shots: the frame cuts each body at the shot's line, heads near the top. */
export function layoutFramed(
  stage: Stage,
  names: readonly string[],
  span: Span = FULL_SPAN,
): Placement[] {
  // A partial span (the far side of an OTS) is narrow: its figures may shrink further to fit.
  const minFit = span === FULL_SPAN ? MIN_FIT_SCALE : MIN_SPAN_FIT_SCALE;
  const { picture, framing } = stage;
  const visible = framing.visibleHeads ?? FIGURE_HEADS;
  const left = picture.x + picture.w * span.from;
  const width = picture.w * (span.to - span.from);
  const count = names.length;
  const byHeight = picture.h / (framing.headroomHeads + visible);
  const head = Math.min(byHeight, Math.max(width / (count * SLOT_HEADS), byHeight * minFit));
  const top = picture.y + framing.headroomHeads * head;
  const middle = left + width / 2;
  return names.map((name, index) => {
    const build = buildFor(name);
    const x =
      count === 1
        ? middle + (index === 0 && span === FULL_SPAN ? singleOffset(build, width) : 0)
        : left + (width * (index + 0.5)) / count;
    const facing =
      count === 1 && span === FULL_SPAN
        ? facingToward(x, middle, SINGLE_FACING)
        : facingToward(x, middle, GROUP_FACING);
    // Framing is about heads: every head sits at the shot's headroom whatever the body's height.
    return { name, build, x, top, head, facing };
  });
}

/** A lone figure sits off-centre with room to look into, on a side fixed by the name. */
function singleOffset(build: Build, width: number): number {
  const side = build.shoulders > 1 ? 1 : -1;
  return side * width * 0.09;
}

/**
 * Wide shots: figures stand on the ground. The camera height puts their feet below the horizon
 * by a fixed share of their height, so near and far figures obey one perspective.
 */
export function layoutWide(stage: Stage, names: readonly string[]): Placement[] {
  const { picture, framing, angle, horizonY, setRandom } = stage;
  const bottom = picture.y + picture.h * 0.95;
  const topLimit = picture.y + picture.h * 0.05;
  // Keep the nearest figure's head inside the frame; its feet are kept in below.
  const height = Math.min(
    picture.h * framing.wideFigureHeight * angle.wideScale,
    (bottom - topLimit) / WIDE_HEADROOM,
  );
  const count = names.length;
  const spacing = Math.min((picture.w * 0.8) / Math.max(count, 1), height * 0.55);
  const middle = picture.x + picture.w * (0.5 + setRandom.jitter(0.12));
  return names.map((name, index) => {
    const build = buildFor(name);
    const depth = index === 0 ? 1 : 0.78 + setRandom.next() * 0.22;
    const figureHeight = height * depth;
    const feet = clamp(
      horizonY + angle.cameraHeight * figureHeight,
      topLimit + figureHeight,
      bottom,
    );
    const x = middle + (index - (count - 1) / 2) * spacing;
    const head = figureHeight / FIGURE_HEADS;
    const drawnHeads = figureHeads(angle.headScale, angle.legScale);
    return {
      name,
      build,
      x,
      top: feet - head * build.height * drawnHeads,
      head,
      facing: facingToward(x, middle, GROUP_FACING),
    };
  });
}
