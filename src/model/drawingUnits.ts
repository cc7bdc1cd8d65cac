import type { StrokeItem } from './drawing';

/**
 * Frame units: what drawings are stored in. 10,000 units to the frame's height, origin at the
 * frame's centre, integers (a stroke is a flat array of small numbers, compact in the document
 * and in every update). At 1080 px a unit is 0.1 px, finer than any pen reports.
 */
export const UNITS_PER_HEIGHT = 10_000;
/** Pressure is stored as a whole percentage. */
export const PRESSURE_STEPS = 100;

/** The size a frame is drawn and saved at: 1920 px on its long side (1080p for 16:9). */
export const DRAWING_LONG_SIDE_PX = 1920;

export interface FrameSize {
  readonly width: number;
  readonly height: number;
}

export function drawingFrameSize(aspectRatio: number): FrameSize {
  const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);
  return aspectRatio >= 1
    ? { width: DRAWING_LONG_SIDE_PX, height: even(DRAWING_LONG_SIDE_PX / aspectRatio) }
    : { width: even(DRAWING_LONG_SIDE_PX * aspectRatio), height: DRAWING_LONG_SIDE_PX };
}

export interface InputPoint {
  /** Pixels on a frame of `FrameSize`, from its top-left corner. */
  readonly x: number;
  readonly y: number;
  /** 0–1 (a mouse reports 0.5 while pressed). */
  readonly pressure: number;
}

/** Pixels → units along one axis of a frame of `size`. */
export function toUnitsX(px: number, size: FrameSize): number {
  return Math.round(((px - size.width / 2) / size.height) * UNITS_PER_HEIGHT);
}
export function toUnitsY(py: number, size: FrameSize): number {
  return Math.round(((py - size.height / 2) / size.height) * UNITS_PER_HEIGHT);
}
export function toPixelsX(ux: number, size: FrameSize): number {
  return (ux / UNITS_PER_HEIGHT) * size.height + size.width / 2;
}
export function toPixelsY(uy: number, size: FrameSize): number {
  return (uy / UNITS_PER_HEIGHT) * size.height + size.height / 2;
}
/** A length (line width, font size): units → pixels. */
export function lengthToPixels(units: number, size: FrameSize): number {
  return (units / UNITS_PER_HEIGHT) * size.height;
}
export function lengthToUnits(px: number, size: FrameSize): number {
  return Math.max(1, Math.round((px / size.height) * UNITS_PER_HEIGHT));
}

function quantisePressure(pressure: number): number {
  const p = Number.isFinite(pressure) ? Math.min(1, Math.max(0, pressure)) : 0.5;
  return Math.round(p * PRESSURE_STEPS);
}

/**
 * Input points → the stored flat array (x, y, pressure triples in units). A point that lands
 * on the same unit and pressure as the one before adds nothing and is dropped.
 */
export function encodeStroke(points: readonly InputPoint[], size: FrameSize): number[] {
  return quantiseStroke(
    points.map((p) => ({
      x: ((p.x - size.width / 2) / size.height) * UNITS_PER_HEIGHT,
      y: ((p.y - size.height / 2) / size.height) * UNITS_PER_HEIGHT,
      pressure: p.pressure,
    })),
  );
}

/** Points already in (fractional) frame units → the stored flat array. */
export function quantiseStroke(points: readonly InputPoint[]): number[] {
  const out: number[] = [];
  for (const point of points) {
    if (!Number.isFinite(point.x) || !Number.isFinite(point.y)) continue;
    const x = Math.round(point.x);
    const y = Math.round(point.y);
    const p = quantisePressure(point.pressure);
    const n = out.length;
    if (n >= 3 && out[n - 3] === x && out[n - 2] === y && out[n - 1] === p) continue;
    out.push(x, y, p);
  }
  return out;
}

/** The stored array → points in frame units (what the editor's canvas draws in). */
export function strokePoints(points: readonly number[]): InputPoint[] {
  const out: InputPoint[] = [];
  for (let i = 0; i + 2 < points.length; i += 3) {
    out.push({
      x: points[i] as number,
      y: points[i + 1] as number,
      pressure: (points[i + 2] as number) / PRESSURE_STEPS,
    });
  }
  return out;
}

/** The stored array → points on a frame of `size` (any size: the drawing scales with it). */
export function decodeStroke(points: readonly number[], size: FrameSize): InputPoint[] {
  const out: InputPoint[] = [];
  for (let i = 0; i + 2 < points.length; i += 3) {
    out.push({
      x: toPixelsX(points[i] as number, size),
      y: toPixelsY(points[i + 1] as number, size),
      pressure: (points[i + 2] as number) / PRESSURE_STEPS,
    });
  }
  return out;
}

/**
 * Pressure from a pointer event: a pen's own (with tilt widening a brush laid flat, as a real
 * one spreads), a mouse's fixed 0.5 as it is; 0 from a pen that reports none is taken as 0.5.
 */
export function pressureOf(
  event: { pointerType: string; pressure: number; tiltX?: number; tiltY?: number },
  tool: StrokeItem['tool'],
): number {
  if (event.pointerType !== 'pen') return 0.5;
  const base = event.pressure > 0 ? event.pressure : 0.5;
  if (tool !== 'brush') return base;
  const tilt = Math.min(90, Math.hypot(event.tiltX ?? 0, event.tiltY ?? 0));
  return Math.min(1, base * (1 + tilt / 90));
}

/** The bounding box of a stroke's points, in units, before its placement. */
export function strokeBounds(points: readonly number[]): {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
} {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i + 2 < points.length; i += 3) {
    const x = points[i] as number;
    const y = points[i + 1] as number;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return { minX, minY, maxX, maxY };
}

/**
 * A flat triple array with at most `max` points, evenly picked, first and last kept (a live
 * stroke sent to others does not need every sample).
 */
export function thinStroke(points: readonly number[], max: number): number[] {
  const count = Math.floor(points.length / 3);
  if (count <= max) return [...points.slice(0, count * 3)];
  const out: number[] = [];
  for (let k = 0; k < max; k++) {
    const i = Math.round((k * (count - 1)) / (max - 1)) * 3;
    out.push(points[i] as number, points[i + 1] as number, points[i + 2] as number);
  }
  return out;
}
