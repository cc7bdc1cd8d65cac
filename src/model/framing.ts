import { z } from 'zod';
import type { CameraMove } from './camera';
import type { Stored } from './stored';

/** CSS-style easing names: how progress through the move is spread over the shot's time. */
export const EASINGS = ['linear', 'ease-in', 'ease-out', 'ease-in-out'] as const;
export type Easing = (typeof EASINGS)[number];

export const EASING_LABELS: Record<Easing, string> = {
  linear: 'Linear',
  'ease-in': 'Ease in',
  'ease-out': 'Ease out',
  'ease-in-out': 'Ease in and out',
};

/** Smaller than this the "camera" shows a few source pixels blown up to the whole frame. */
export const MIN_FRAMING_SIZE = 0.05;
/** More than this reads as an earthquake, not a handheld camera. */
export const MAX_SHAKE = 0.1;

/**
 * Camera moves over a still frame. A shot's picture is a drawing; the "camera" is a rectangle
 * over it that the animatic shows, moving from a start framing to an end framing over the shot.
 *
 * Coordinates are normalised to the source picture: `x` and `w` are fractions of its width, `y`
 * and `h` of its height, so a framing stays right when the picture is redrawn at another size.
 * The full frame is `{ x: 0, y: 0, w: 1, h: 1 }`. A rectangle always lies inside the picture
 * (`clampRect`), so a move never reveals an edge.
 */
export const framingRectSchema = z.object({
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
  w: z.number().min(MIN_FRAMING_SIZE).max(1),
  h: z.number().min(MIN_FRAMING_SIZE).max(1),
});
export type FramingRect = Stored<typeof framingRectSchema>;

/**
 * One shot's camera: from `start` to `end` with `easing`, plus optional handheld wobble. The move
 * spans the whole time the shot is visible, including its halves of the transitions on either
 * side (see transition.ts), so the picture never stops moving mid-dissolve.
 */
export const shotFramingSchema = z.object({
  start: framingRectSchema,
  end: framingRectSchema,
  easing: z.enum(EASINGS),
  /**
   * Handheld wobble: the largest drift of the framing, as a fraction of the framing's own size
   * (0.01 = 1 % of the visible width/height). 0 means locked off. The wobble is seeded by the
   * shot's id, so it is the same in every preview and every render.
   */
  shake: z.number().min(0).max(MAX_SHAKE).default(0),
});
export type ShotFraming = Stored<typeof shotFramingSchema>;

export const FULL_FRAME: FramingRect = { x: 0, y: 0, w: 1, h: 1 };

/** Forces a rectangle inside the picture: size within [MIN_FRAMING_SIZE, 1], then position. */
export function clampRect(rect: FramingRect): FramingRect {
  const size = (value: number) =>
    Number.isFinite(value) ? Math.min(1, Math.max(MIN_FRAMING_SIZE, value)) : 1;
  const w = size(rect.w);
  const h = size(rect.h);
  const position = (value: number, extent: number) =>
    Number.isFinite(value) ? Math.min(1 - extent, Math.max(0, value)) : (1 - extent) / 2;
  return { x: position(rect.x, w), y: position(rect.y, h), w, h };
}

/** A framing made safe to store: rectangles inside the picture, shake within bounds. */
export function normaliseFraming(framing: ShotFraming): ShotFraming {
  const shake = Number.isFinite(framing.shake) ? framing.shake : 0;
  return {
    start: clampRect(framing.start),
    end: clampRect(framing.end),
    easing: EASINGS.includes(framing.easing) ? framing.easing : 'linear',
    shake: Math.min(MAX_SHAKE, Math.max(0, shake)),
  };
}

/** A centred square-ish crop: `size` of the picture's width and of its height. */
export function centredRect(size: number): FramingRect {
  return { x: (1 - size) / 2, y: (1 - size) / 2, w: size, h: size };
}

/**
 * How much of the picture a sliding move (pan, tilt, truck) shows: it has to be zoomed in to
 * have somewhere to slide to. 0.8 leaves 20 % of the picture to travel across.
 */
const PAN_FRAME_SIZE = 0.8;
/** A truck (the camera itself moving sideways) travels less than a pan sweeps. */
const TRUCK_FRAME_SIZE = 0.85;
/** A dolly in ends on this much of the picture; a zoom, which magnifies more, on ZOOM_END_SIZE. */
const DOLLY_END_SIZE = 0.8;
const ZOOM_END_SIZE = 0.6;
/** Handheld leaves a margin so the wobble never shows the picture's edge. */
const HANDHELD_FRAME_SIZE = 0.92;
const HANDHELD_SHAKE = 0.012;

function framing(start: FramingRect, end: FramingRect, easing: Easing, shake = 0): ShotFraming {
  return { start, end, easing, shake };
}

/**
 * The move each camera-move label stands for when nobody drew one. Directions follow the most
 * common reading of a board: a pan or truck travels left to right, a tilt goes up (from the
 * lower part of the picture to the upper), dolly and zoom push in on the centre.
 */
export function presetFraming(move: CameraMove): ShotFraming {
  const slide = (1 - PAN_FRAME_SIZE) / 2;
  const truckSlide = (1 - TRUCK_FRAME_SIZE) / 2;
  switch (move) {
    case 'static':
      return framing(FULL_FRAME, FULL_FRAME, 'linear');
    case 'pan':
      return framing(
        { x: 0, y: slide, w: PAN_FRAME_SIZE, h: PAN_FRAME_SIZE },
        { x: 1 - PAN_FRAME_SIZE, y: slide, w: PAN_FRAME_SIZE, h: PAN_FRAME_SIZE },
        'ease-in-out',
      );
    case 'tilt':
      return framing(
        { x: slide, y: 1 - PAN_FRAME_SIZE, w: PAN_FRAME_SIZE, h: PAN_FRAME_SIZE },
        { x: slide, y: 0, w: PAN_FRAME_SIZE, h: PAN_FRAME_SIZE },
        'ease-in-out',
      );
    case 'dolly':
      return framing(FULL_FRAME, centredRect(DOLLY_END_SIZE), 'ease-in-out');
    case 'zoom':
      return framing(FULL_FRAME, centredRect(ZOOM_END_SIZE), 'ease-in');
    case 'truck':
      return framing(
        { x: 0, y: truckSlide, w: TRUCK_FRAME_SIZE, h: TRUCK_FRAME_SIZE },
        { x: 1 - TRUCK_FRAME_SIZE, y: truckSlide, w: TRUCK_FRAME_SIZE, h: TRUCK_FRAME_SIZE },
        'linear',
      );
    case 'handheld': {
      const rect = centredRect(HANDHELD_FRAME_SIZE);
      return framing(rect, rect, 'linear', HANDHELD_SHAKE);
    }
  }
}

/** The shot's camera: the framing someone set explicitly, else the preset of its camera move. */
export function framingFor(shot: {
  readonly cameraMove: CameraMove;
  readonly framing: ShotFraming | null;
}): ShotFraming {
  return shot.framing ?? presetFraming(shot.cameraMove);
}

export function rectsEqual(a: FramingRect, b: FramingRect): boolean {
  return a.x === b.x && a.y === b.y && a.w === b.w && a.h === b.h;
}

/** A framing that never changes over time: the render can encode the shot as one held picture. */
export function isStaticFraming(framing: ShotFraming): boolean {
  return framing.shake === 0 && rectsEqual(framing.start, framing.end);
}

/** Eased progress for linear progress `p` in [0, 1] (clamped). Quadratic curves, as CSS's are. */
export function ease(easing: Easing, p: number): number {
  const t = Math.min(1, Math.max(0, p));
  switch (easing) {
    case 'linear':
      return t;
    case 'ease-in':
      return t * t;
    case 'ease-out':
      return 1 - (1 - t) * (1 - t);
    case 'ease-in-out':
      return t < 0.5 ? 2 * t * t : 1 - 2 * (1 - t) * (1 - t);
  }
}

function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

/** Seed for a shot's handheld wobble: FNV-1a of its id, so each shot shakes its own way. */
export function shakeSeed(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Wobble components: slow sway, mid drift and a little jitter. Frequencies in hertz; weights sum
 * to 1 so the offset never exceeds the amplitude.
 */
const SHAKE_COMPONENTS = [
  { hz: 0.7, weight: 0.6 },
  { hz: 1.9, weight: 0.3 },
  { hz: 4.3, weight: 0.1 },
] as const;
const MILLISECONDS_PER_SECOND = 1000;

/** Phase in [0, 2π) from the seed and a component index: different per shot, axis and component. */
function phase(seed: number, index: number): number {
  const mixed = Math.imul(seed ^ Math.imul(index + 1, 0x9e3779b1), 0x85ebca6b) >>> 0;
  return (mixed / 0x1_0000_0000) * 2 * Math.PI;
}

/**
 * Handheld offset at `tMs` into the shot, each axis in [-1, 1]: a sum of sines, so it is smooth,
 * repeatable for a seed and needs no state (any frame can be drawn on its own, in any order).
 */
export function shakeOffset(seed: number, tMs: number): { dx: number; dy: number } {
  const seconds = tMs / MILLISECONDS_PER_SECOND;
  let dx = 0;
  let dy = 0;
  SHAKE_COMPONENTS.forEach((component, i) => {
    const angle = 2 * Math.PI * component.hz * seconds;
    dx += component.weight * Math.sin(angle + phase(seed, 2 * i));
    dy += component.weight * Math.sin(angle + phase(seed, 2 * i + 1));
  });
  return { dx, dy };
}

/**
 * Where the camera is: `progress` in [0, 1] through the move, `elapsedMs` since the shot became
 * visible (drives the wobble). The result always lies inside the picture.
 */
export function framingRectAt(
  framing: ShotFraming,
  progress: number,
  elapsedMs: number,
  seed: number,
): FramingRect {
  const t = ease(framing.easing, progress);
  const rect = {
    x: lerp(framing.start.x, framing.end.x, t),
    y: lerp(framing.start.y, framing.end.y, t),
    w: lerp(framing.start.w, framing.end.w, t),
    h: lerp(framing.start.h, framing.end.h, t),
  };
  if (framing.shake === 0) return rect;
  const { dx, dy } = shakeOffset(seed, elapsedMs);
  return clampRect({
    ...rect,
    x: rect.x + dx * framing.shake * rect.w,
    y: rect.y + dy * framing.shake * rect.h,
  });
}
