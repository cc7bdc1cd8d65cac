import type { FontSpec, Paint, PathOp, SketchOp, TextLineOp, TextOp } from './ops';
import { truncate, wrap } from './textFit';

/**
 * The part of a 2D context the painter uses. Both CanvasRenderingContext2D and
 * OffscreenCanvasRenderingContext2D fit it, and so does a recording fake in Node tests.
 */
export type SketchContext = Pick<
  CanvasRenderingContext2D,
  | 'save'
  | 'restore'
  | 'beginPath'
  | 'closePath'
  | 'moveTo'
  | 'lineTo'
  | 'quadraticCurveTo'
  | 'ellipse'
  | 'rect'
  | 'fill'
  | 'stroke'
  | 'fillRect'
  | 'fillText'
  | 'measureText'
  | 'setLineDash'
  | 'createLinearGradient'
  | 'createRadialGradient'
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'lineCap'
  | 'lineJoin'
  | 'globalAlpha'
  | 'font'
  | 'textAlign'
  | 'textBaseline'
  | 'filter'
>;

/** System fonts only: a sketch must render offline in a worker without loading anything. */
const FONT_STACK = '"Helvetica Neue", "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif';

export function cssFont(font: FontSpec): string {
  return `${font.italic ? 'italic ' : ''}${font.weight} ${font.size}px ${FONT_STACK}`;
}

export function paintSketch(ctx: SketchContext, ops: readonly SketchOp[]): void {
  for (const op of ops) {
    ctx.save();
    switch (op.op) {
      case 'rect':
        ctx.globalAlpha = op.alpha;
        ctx.fillStyle = toStyle(ctx, op.fill);
        ctx.fillRect(op.x, op.y, op.w, op.h);
        break;
      case 'path':
        paintPath(ctx, op);
        break;
      case 'ellipse':
        ctx.globalAlpha = op.alpha;
        ctx.beginPath();
        ctx.ellipse(op.cx, op.cy, op.rx, op.ry, op.rotation, 0, Math.PI * 2);
        if (op.fill !== undefined) {
          ctx.fillStyle = toStyle(ctx, op.fill);
          ctx.fill();
        }
        if (op.stroke) {
          ctx.strokeStyle = op.stroke.color;
          ctx.lineWidth = op.stroke.width;
          ctx.stroke();
        }
        break;
      case 'text':
        paintText(ctx, op);
        break;
      case 'textLine':
        paintTextLine(ctx, op);
        break;
    }
    ctx.restore();
  }
}

function toStyle(ctx: SketchContext, paint: Paint): string | CanvasGradient {
  if (typeof paint === 'string') return paint;
  const gradient =
    paint.kind === 'linear'
      ? ctx.createLinearGradient(paint.x0, paint.y0, paint.x1, paint.y1)
      : ctx.createRadialGradient(paint.x, paint.y, paint.r0, paint.x, paint.y, paint.r1);
  for (const stop of paint.stops) gradient.addColorStop(stop.offset, stop.color);
  return gradient;
}

/** Smooth paths run quadratic curves through segment midpoints, so they bend instead of kink. */
function tracePath(
  ctx: SketchContext,
  points: readonly number[],
  closed: boolean,
  smooth: boolean,
): void {
  const count = Math.floor(points.length / 2);
  const x = (i: number): number => points[i * 2] ?? 0;
  const y = (i: number): number => points[i * 2 + 1] ?? 0;
  ctx.beginPath();
  if (count === 0) return;
  ctx.moveTo(x(0), y(0));
  if (!smooth || count < 3) {
    for (let i = 1; i < count; i++) ctx.lineTo(x(i), y(i));
  } else {
    for (let i = 1; i < count - 1; i++) {
      ctx.quadraticCurveTo(x(i), y(i), (x(i) + x(i + 1)) / 2, (y(i) + y(i + 1)) / 2);
    }
    ctx.lineTo(x(count - 1), y(count - 1));
  }
  if (closed) ctx.closePath();
}

function paintPath(ctx: SketchContext, op: PathOp): void {
  ctx.globalAlpha = op.alpha;
  if (op.blur !== undefined && op.blur > 0) ctx.filter = `blur(${op.blur}px)`;
  tracePath(ctx, op.points, op.closed, op.smooth);
  if (op.fill !== undefined) {
    ctx.fillStyle = toStyle(ctx, op.fill);
    ctx.fill();
  }
  if (op.stroke) {
    ctx.strokeStyle = op.stroke.color;
    ctx.lineWidth = op.stroke.width;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    if (op.stroke.dash) ctx.setLineDash([...op.stroke.dash]);
    ctx.stroke();
  }
}

function paintText(ctx: SketchContext, op: TextOp): void {
  ctx.font = cssFont(op.font);
  ctx.textBaseline = 'middle';
  ctx.textAlign = op.align;
  const measure = (text: string): number => ctx.measureText(text).width;
  const lines = wrap(op.text, op.maxWidth, op.maxLines, measure);
  if (lines.length === 0) return;
  const step = op.font.size * op.lineHeight;
  if (op.box) {
    const widest = Math.max(...lines.map(measure));
    const left =
      op.align === 'left' ? op.x : op.align === 'center' ? op.x - widest / 2 : op.x - widest;
    const pad = op.box.padding;
    ctx.fillStyle = op.box.fill;
    ctx.beginPath();
    roundedRect(
      ctx,
      left - pad,
      op.y - op.font.size / 2 - pad,
      widest + pad * 2,
      step * (lines.length - 1) + op.font.size + pad * 2,
      op.box.radius,
    );
    ctx.fill();
  }
  ctx.fillStyle = op.color;
  lines.forEach((line, i) => ctx.fillText(line, op.x, op.y + i * step));
}

function roundedRect(
  ctx: SketchContext,
  x: number,
  y: number,
  w: number,
  h: number,
  r: number,
): void {
  const radius = Math.min(r, w / 2, h / 2);
  ctx.moveTo(x + radius, y);
  ctx.lineTo(x + w - radius, y);
  ctx.quadraticCurveTo(x + w, y, x + w, y + radius);
  ctx.lineTo(x + w, y + h - radius);
  ctx.quadraticCurveTo(x + w, y + h, x + w - radius, y + h);
  ctx.lineTo(x + radius, y + h);
  ctx.quadraticCurveTo(x, y + h, x, y + h - radius);
  ctx.lineTo(x, y + radius);
  ctx.quadraticCurveTo(x, y, x + radius, y);
  ctx.closePath();
}

function paintTextLine(ctx: SketchContext, op: TextLineOp): void {
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  const end = op.x + op.maxWidth;
  let cursor = op.x;
  for (const [index, span] of op.spans.entries()) {
    if (index > 0) cursor += span.gapBefore;
    ctx.font = cssFont(span.font);
    const room = end - cursor;
    if (room <= 0) break;
    const text = truncate(span.text, room, (t) => ctx.measureText(t).width);
    if (text.length === 0) break;
    ctx.fillStyle = span.color;
    ctx.fillText(text, cursor, op.y);
    cursor += ctx.measureText(text).width;
    if (text !== span.text) break;
  }
}
