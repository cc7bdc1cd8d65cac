/**
 * Builders and checks shared by the sketch tests (not used by the app). A recording context lets
 * the painter run in Node: it logs every call and measures text at a fixed width per grapheme.
 */
import type { SketchOp } from './ops';
import type { SketchContext } from './paint';
import type { SketchInput } from './sketchInput';
import { graphemes } from './textFit';

export function sketchInput(patch: Partial<SketchInput> = {}): SketchInput {
  return {
    shotNumber: '12A',
    shotType: 'MS',
    cameraAngle: 'eye',
    cameraMove: 'static',
    intExt: 'INT',
    location: 'KITCHEN',
    timeOfDay: 'NIGHT',
    characters: ['MAYA', 'TOM'],
    caption: 'Maya sets the cup down.',
    aspectRatio: 16 / 9,
    ...patch,
  };
}

export interface Call {
  readonly name: string;
  readonly args: readonly unknown[];
}

export interface RecordingContext extends SketchContext {
  readonly calls: Call[];
  /** What `fillText` drew, in order. */
  readonly texts: string[];
}

/** Every grapheme measures this many pixels, whatever the font. */
export const FAKE_GLYPH_PX = 10;

export function recordingContext(): RecordingContext {
  const calls: Call[] = [];
  const texts: string[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]): void => {
      calls.push({ name, args });
    };
  const gradient =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push({ name, args });
      return { addColorStop: record('addColorStop') };
    };
  return {
    calls,
    texts,
    save: record('save'),
    restore: record('restore'),
    beginPath: record('beginPath'),
    closePath: record('closePath'),
    moveTo: record('moveTo'),
    lineTo: record('lineTo'),
    quadraticCurveTo: record('quadraticCurveTo'),
    ellipse: record('ellipse'),
    rect: record('rect'),
    fill: record('fill'),
    stroke: record('stroke'),
    fillRect: record('fillRect'),
    setLineDash: record('setLineDash'),
    fillText(text: string, x: number, y: number) {
      calls.push({ name: 'fillText', args: [text, x, y] });
      texts.push(text);
    },
    measureText: (text: string) =>
      ({ width: graphemes(text).length * FAKE_GLYPH_PX }) as TextMetrics,
    createLinearGradient: gradient('createLinearGradient') as SketchContext['createLinearGradient'],
    createRadialGradient: gradient('createRadialGradient') as SketchContext['createRadialGradient'],
    fillStyle: '#000',
    strokeStyle: '#000',
    lineWidth: 1,
    lineCap: 'butt',
    lineJoin: 'miter',
    globalAlpha: 1,
    font: '10px sans-serif',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    filter: 'none',
  };
}

/** Half a hundredth of a pixel: coordinates are rounded to hundredths. */
const EPSILON = 0.006;

/** Describes every part of `ops` that leaves the `width`×`height` canvas; empty when none does. */
export function outOfBounds(ops: readonly SketchOp[], width: number, height: number): string[] {
  const problems: string[] = [];
  const check = (what: string, x0: number, y0: number, x1: number, y1: number): void => {
    const ok =
      [x0, y0, x1, y1].every(Number.isFinite) &&
      x0 >= -EPSILON &&
      y0 >= -EPSILON &&
      x1 <= width + EPSILON &&
      y1 <= height + EPSILON;
    if (!ok) problems.push(`${what}: [${x0}, ${y0}] – [${x1}, ${y1}]`);
  };
  ops.forEach((op, index) => {
    const what = `#${index} ${op.op}`;
    switch (op.op) {
      case 'rect':
        check(what, op.x, op.y, op.x + op.w, op.y + op.h);
        break;
      case 'path':
        for (let i = 0; i < op.points.length; i += 2) {
          const x = op.points[i] ?? Number.NaN;
          const y = op.points[i + 1] ?? Number.NaN;
          check(what, x, y, x, y);
        }
        break;
      case 'ellipse': {
        const r = Math.max(op.rx, op.ry);
        check(what, op.cx - r, op.cy - r, op.cx + r, op.cy + r);
        break;
      }
      case 'text': {
        const pad = op.box?.padding ?? 0;
        const left =
          op.align === 'left' ? 0 : op.align === 'center' ? op.maxWidth / 2 : op.maxWidth;
        const lines = (op.maxLines - 1) * op.font.size * op.lineHeight;
        check(
          what,
          op.x - left - pad,
          op.y - op.font.size / 2 - pad,
          op.x - left + op.maxWidth + pad,
          op.y + op.font.size / 2 + pad + lines,
        );
        break;
      }
      case 'textLine': {
        const size = Math.max(...op.spans.map((s) => s.font.size));
        check(what, op.x, op.y - size / 2, op.x + op.maxWidth, op.y + size / 2);
        break;
      }
    }
  });
  return problems;
}

/** Text the plan asks for, from labels and the caption strip. */
export function planTexts(ops: readonly SketchOp[]): string[] {
  return ops.flatMap((op) =>
    op.op === 'text' ? [op.text] : op.op === 'textLine' ? op.spans.map((s) => s.text) : [],
  );
}
