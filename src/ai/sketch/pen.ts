import { clamp, clipPolygon, clipPolyline, type Point, type Rect } from './geometry';
import type { FontSpec, Paint, SketchOp, Stroke, TextAlign, TextBox } from './ops';
import type { Random } from './random';
import type { View } from './view';
import { overshoot, wobbleEllipse, wobblePolyline, type WobbleParams } from './wobble';

export interface ShapeStyle {
  readonly fill?: Paint;
  readonly stroke?: Stroke;
  /** Opacity of the whole shape; 1 when omitted. */
  readonly alpha?: number;
  /**
   * Extra opacity for the outline only. Set lines are faint, but a wall's fill must stay solid
   * or the lines behind it show through.
   */
  readonly lineAlpha?: number;
  /** Gaussian blur radius in pixels, for out-of-focus shapes. */
  readonly blur?: number;
  /** Multiplies the pen's wobble; 0 draws ruler-straight. */
  readonly wobble?: number;
}

export interface LineStyle {
  readonly alpha?: number;
  readonly wobble?: number;
  /** How far the stroke may run past its ends, in pixels; 0 when omitted. */
  readonly overshoot?: number;
}

export interface LabelStyle {
  readonly font: FontSpec;
  readonly color: string;
  readonly align: TextAlign;
  readonly maxWidth: number;
  readonly maxLines?: number;
  readonly box?: TextBox;
}

/**
 * Draws into a shared op list through a view and a clip rectangle: points go in scene space and
 * come out transformed, wobbled, clipped and rounded. Two pens usually share one list: one for the
 * scene (through the camera's view, clipped to the picture) and one for marks on the screen.
 */
export interface Pen {
  readonly ops: SketchOp[];
  readonly clip: Rect;
  line(a: Point, b: Point, stroke: Stroke, style?: LineStyle): void;
  polyline(points: readonly Point[], stroke: Stroke, style?: LineStyle): void;
  shape(points: readonly Point[], style: ShapeStyle): void;
  ellipse(center: Point, rx: number, ry: number, style: ShapeStyle): void;
  /** A small clean ellipse (iris, star); dropped when it would leave the clip rectangle. */
  dot(center: Point, rx: number, ry: number, fill: Paint, alpha?: number): void;
  /** Fills the clip rectangle, or part of it, in screen space. */
  fillRect(rect: Rect, fill: Paint, alpha?: number): void;
  /** Text anchored at a scene point; kept wholly inside the clip rectangle. */
  label(anchor: Point, text: string, style: LabelStyle): void;
  /** The scene point's place on the canvas. */
  project(p: Point): Point;
}

export interface PenParams {
  readonly ops: SketchOp[];
  readonly rng: Random;
  readonly view: View;
  readonly clip: Rect;
  readonly wobble: WobbleParams;
  /** Labels keep this far from the clip edges, in pixels. */
  readonly labelMargin: number;
}

const COORDINATE_SCALE = 100;
/** Line spacing of multi-line labels, as a multiple of the font size. */
const LABEL_LINE_HEIGHT = 1.2;

/** Two decimals keep plans small and stable; `|| 0` folds -0 (and NaN) into 0. */
export function round(value: number): number {
  return Math.round(value * COORDINATE_SCALE) / COORDINATE_SCALE || 0;
}

function flatten(points: readonly Point[]): number[] {
  const flat: number[] = [];
  for (const p of points) flat.push(round(p.x), round(p.y));
  return flat;
}

function inside(p: Point, rect: Rect): boolean {
  return p.x >= rect.x && p.x <= rect.x + rect.w && p.y >= rect.y && p.y <= rect.y + rect.h;
}

export function createPen({ ops, rng, view, clip, wobble, labelMargin }: PenParams): Pen {
  const wobbleWith = (factor: number | undefined): WobbleParams => ({
    amplitude: wobble.amplitude * (factor ?? 1),
    step: wobble.step,
  });

  const mapPaint = (paint: Paint): Paint => {
    if (typeof paint === 'string') return paint;
    if (paint.kind === 'linear') {
      const a = view.map({ x: paint.x0, y: paint.y0 });
      const b = view.map({ x: paint.x1, y: paint.y1 });
      return { ...paint, x0: round(a.x), y0: round(a.y), x1: round(b.x), y1: round(b.y) };
    }
    const c = view.map({ x: paint.x, y: paint.y });
    return { ...paint, x: round(c.x), y: round(c.y) };
  };

  const strokeRuns = (mapped: readonly Point[], stroke: Stroke, alpha: number): void => {
    for (const run of clipPolyline(mapped, clip)) {
      ops.push({ op: 'path', points: flatten(run), closed: false, smooth: true, stroke, alpha });
    }
  };

  const polyline = (points: readonly Point[], stroke: Stroke, style: LineStyle = {}): void => {
    const wobbled = wobblePolyline(points, wobbleWith(style.wobble), rng);
    strokeRuns(wobbled.map(view.map), stroke, style.alpha ?? 1);
  };

  /** Fill and outline are separate ops: the outline is the drawn loop, not the fill's edge. */
  const fillAndStroke = (ring: readonly Point[], outline: readonly Point[], style: ShapeStyle) => {
    const alpha = style.alpha ?? 1;
    if (style.fill !== undefined) {
      const filled = clipPolygon(ring.map(view.map), clip);
      if (filled.length >= 3) {
        ops.push({
          op: 'path',
          points: flatten(filled),
          closed: true,
          smooth: false,
          fill: mapPaint(style.fill),
          alpha,
          ...(style.blur === undefined ? {} : { blur: round(style.blur) }),
        });
      }
    }
    if (style.stroke)
      strokeRuns(outline.map(view.map), style.stroke, alpha * (style.lineAlpha ?? 1));
  };

  return {
    ops,
    clip,
    polyline,
    line(a, b, stroke, style = {}) {
      const [from, to] = overshoot(a, b, style.overshoot ?? 0, rng);
      polyline([from, to], stroke, style);
    },
    shape(points, style) {
      const first = points[0];
      if (!first) return;
      const ring = wobblePolyline([...points, first], wobbleWith(style.wobble), rng).slice(0, -1);
      fillAndStroke(ring, [...ring, ring[0] ?? first], style);
    },
    ellipse(center, rx, ry, style) {
      const { ring, loop } = wobbleEllipse(center, rx, ry, wobbleWith(style.wobble), rng);
      fillAndStroke(ring, loop, style);
    },
    dot(center, rx, ry, fill, alpha = 1) {
      const c = view.map(center);
      const scale = view.scaleAt(center);
      const sx = rx * scale;
      const sy = ry * scale;
      const box = { x: c.x - sx, y: c.y - sy, w: sx * 2, h: sy * 2 };
      if (
        !inside({ x: box.x, y: box.y }, clip) ||
        !inside({ x: box.x + box.w, y: box.y + box.h }, clip)
      ) {
        return;
      }
      ops.push({
        op: 'ellipse',
        cx: round(c.x),
        cy: round(c.y),
        rx: round(sx),
        ry: round(sy),
        rotation: round(view.rotation),
        fill: mapPaint(fill),
        alpha,
      });
    },
    fillRect(rect, fill, alpha = 1) {
      const x0 = Math.max(rect.x, clip.x);
      const y0 = Math.max(rect.y, clip.y);
      const x1 = Math.min(rect.x + rect.w, clip.x + clip.w);
      const y1 = Math.min(rect.y + rect.h, clip.y + clip.h);
      if (x1 <= x0 || y1 <= y0) return;
      ops.push({
        op: 'rect',
        x: round(x0),
        y: round(y0),
        w: round(x1 - x0),
        h: round(y1 - y0),
        fill,
        alpha,
      });
    },
    label(anchor, text, style) {
      if (text.length === 0) return;
      const p = view.map(anchor);
      const padding = (style.box?.padding ?? 0) + labelMargin;
      const maxLines = style.maxLines ?? 1;
      const lineHeight = LABEL_LINE_HEIGHT;
      const maxWidth = Math.max(0, Math.min(style.maxWidth, clip.w - 2 * padding));
      // Keeps the whole box (padding included) inside the clip, a margin away from its edges.
      const halfHeight = style.font.size * 0.5 + padding;
      const extraLines = (maxLines - 1) * style.font.size * lineHeight;
      const left = style.align === 'left' ? 0 : style.align === 'center' ? maxWidth / 2 : maxWidth;
      const right = maxWidth - left;
      const x = clamp(p.x, clip.x + padding + left, clip.x + clip.w - padding - right);
      const y = clamp(p.y, clip.y + halfHeight, clip.y + clip.h - halfHeight - extraLines);
      ops.push({
        op: 'text',
        x: round(x),
        y: round(y),
        text,
        font: style.font,
        color: style.color,
        align: style.align,
        maxWidth: round(maxWidth),
        maxLines,
        lineHeight,
        ...(style.box ? { box: style.box } : {}),
      });
    },
    project: (p) => view.map(p),
  };
}
