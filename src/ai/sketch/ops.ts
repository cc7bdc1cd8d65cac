/**
 * The drawing operations a sketch plan is made of. Plain JSON data in canvas pixels: the planner
 * decides everything (geometry, colour, wobble), the painter only executes, so plans can be
 * compared in Node tests and a plan paints the same on any canvas.
 *
 * Geometry is already transformed (Dutch tilt, keystone) and clipped to the canvas; only paint
 * parameters such as gradient end points may lie outside it.
 */

export interface ColorStop {
  readonly offset: number;
  readonly color: string;
}

export interface LinearPaint {
  readonly kind: 'linear';
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly stops: readonly ColorStop[];
}

export interface RadialPaint {
  readonly kind: 'radial';
  readonly x: number;
  readonly y: number;
  /** Radius where the first stop sits. */
  readonly r0: number;
  /** Radius where the last stop sits. */
  readonly r1: number;
  readonly stops: readonly ColorStop[];
}

/** A CSS colour or a gradient. */
export type Paint = string | LinearPaint | RadialPaint;

export interface Stroke {
  readonly color: string;
  readonly width: number;
  /** Dash pattern in pixels; omitted for a solid line. */
  readonly dash?: readonly number[];
}

export interface FontSpec {
  readonly size: number;
  readonly weight: 400 | 600 | 700;
  readonly italic: boolean;
}

export interface TextBox {
  readonly fill: string;
  /** Space between the text and the box edge, in pixels. */
  readonly padding: number;
  readonly radius: number;
}

/** Fills a rectangle; used for the paper and the caption strip. */
export interface RectOp {
  readonly op: 'rect';
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly fill: Paint;
  readonly alpha: number;
}

/**
 * A polyline or polygon as flat `[x0, y0, x1, y1, …]`. `smooth` draws quadratic curves through
 * the midpoints, which is what makes pencil lines look drawn rather than plotted.
 */
export interface PathOp {
  readonly op: 'path';
  readonly points: readonly number[];
  readonly closed: boolean;
  readonly smooth: boolean;
  readonly fill?: Paint;
  readonly stroke?: Stroke;
  readonly alpha: number;
  /** Gaussian blur radius in pixels (out-of-focus foreground); omitted when sharp. */
  readonly blur?: number;
}

/** A clean ellipse, for small shapes that lie wholly inside the canvas (irises, moon, stars). */
export interface EllipseOp {
  readonly op: 'ellipse';
  readonly cx: number;
  readonly cy: number;
  readonly rx: number;
  readonly ry: number;
  readonly rotation: number;
  readonly fill?: Paint;
  readonly stroke?: Stroke;
  readonly alpha: number;
}

export type TextAlign = 'left' | 'center' | 'right';

/**
 * Text the painter fits into `maxWidth`: it wraps onto at most `maxLines` lines and ends the last
 * with an ellipsis when the text is longer. `y` is the middle of the first line.
 */
export interface TextOp {
  readonly op: 'text';
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly font: FontSpec;
  readonly color: string;
  readonly align: TextAlign;
  readonly maxWidth: number;
  readonly maxLines: number;
  /** Line height as a multiple of the font size. */
  readonly lineHeight: number;
  /** A box drawn behind the text, sized to the measured text. */
  readonly box?: TextBox;
}

export interface TextSpan {
  readonly text: string;
  readonly font: FontSpec;
  readonly color: string;
  /** Space before this span, in pixels (ignored for the first span). */
  readonly gapBefore: number;
}

/**
 * Spans set one after another on a single line, left-aligned at `x`, middle at `y`. The span that
 * crosses `maxWidth` is cut with an ellipsis and the rest are dropped.
 */
export interface TextLineOp {
  readonly op: 'textLine';
  readonly x: number;
  readonly y: number;
  readonly maxWidth: number;
  readonly spans: readonly TextSpan[];
}

export type SketchOp = RectOp | PathOp | EllipseOp | TextOp | TextLineOp;
