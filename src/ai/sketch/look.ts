import type { SketchLook } from '../../model/sketchLook';
import type { ColorStop, Paint, SketchOp, Stroke } from './ops';

/**
 * How a style preset changes the offline sketch, not only AI prompts: a tone curve over every
 * colour, how much colour is kept, how heavy the lines are, and a shadow vignette. Applied to a
 * finished plan (pure data), so the planner stays one piece and every look is testable in Node.
 *
 * - `marker`: the sketch as drawn (grey marker on warm paper), the default.
 * - `pencil`: lighter, thinner, almost no colour.
 * - `ink`: inked, as a comic is: pure blacks and whites, no grey wash, heavy lines.
 * - `noir`: dark and contrasty, no colour, hard shadow closing in from the edges.
 * - `watercolor`: soft contrast, more colour, lighter lines.
 * - `cel`: clean bright colour and firm lines (anime).
 */
export { SKETCH_LOOKS, type SketchLook } from '../../model/sketchLook';

interface LookRecipe {
  /** Maps a luminance-like value in [0, 1] to the new one. */
  readonly tone: (v: number) => number;
  /** 0 = grey, 1 = unchanged, above 1 = more colour. */
  readonly saturation: number;
  readonly lineScale: number;
  /** Opacity of black at the frame's corners (0: none). */
  readonly vignette: number;
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
/** Steeper around `pivot` by `gain`: above 1 is more contrast. */
const contrast = (v: number, gain: number, pivot = 0.5) => clamp01((v - pivot) * gain + pivot);

const RECIPES: Record<SketchLook, LookRecipe> = {
  marker: { tone: (v) => v, saturation: 1, lineScale: 1, vignette: 0 },
  pencil: { tone: (v) => 1 - (1 - v) * 0.7, saturation: 0.25, lineScale: 0.7, vignette: 0 },
  // Threshold with a narrow ramp: paper and washes go white, lines and shadow go black.
  ink: { tone: (v) => contrast(v, 8, 0.62), saturation: 0, lineScale: 1.8, vignette: 0 },
  // Everything darker (a gamma), then a hard S: the paper stays light only where lit.
  noir: {
    tone: (v) => contrast(v ** 2.4, 2.4, 0.55),
    saturation: 0,
    lineScale: 1.3,
    vignette: 0.85,
  },
  watercolor: { tone: (v) => 0.12 + 0.88 * v, saturation: 1.8, lineScale: 0.8, vignette: 0 },
  cel: { tone: (v) => contrast(v, 1.2), saturation: 1.5, lineScale: 1.2, vignette: 0 },
};

/** Which look a style preset gives sketches: its id for the built-ins, its words for others. */
export function sketchLookForStyle(style: {
  readonly id: string;
  readonly name: string;
  readonly prompt: string;
}): SketchLook {
  const byId: Record<string, SketchLook> = {
    'pencil-sketch': 'pencil',
    ink: 'ink',
    noir: 'noir',
    watercolor: 'watercolor',
    anime: 'cel',
  };
  const known = byId[style.id];
  if (known) return known;
  // A project's own style: read what it asks for, the way an artist would.
  const words = `${style.name} ${style.prompt}`.toLowerCase();
  if (/\bnoir\b|high[- ]contrast black/.test(words)) return 'noir';
  if (/\bcomic|\binked?\b|manga|graphic novel/.test(words)) return 'ink';
  if (/watercolou?r/.test(words)) return 'watercolor';
  if (/\bpencil|graphite|charcoal/.test(words)) return 'pencil';
  if (/anime|cel[- ]shad/.test(words)) return 'cel';
  return 'marker';
}

/** The plan drawn in `look`; `marker` returns the same plan. */
export function applyLook(
  ops: readonly SketchOp[],
  look: SketchLook,
  width: number,
  height: number,
): SketchOp[] {
  if (look === 'marker') return [...ops];
  const recipe = RECIPES[look];
  const color = (css: string) => recolor(css, recipe);
  const paint = (p: Paint): Paint =>
    typeof p === 'string'
      ? color(p)
      : { ...p, stops: p.stops.map((s: ColorStop) => ({ ...s, color: color(s.color) })) };
  const stroke = (s: Stroke): Stroke => ({
    ...s,
    color: color(s.color),
    width: s.width * recipe.lineScale,
  });
  const out = ops.map((op): SketchOp => {
    switch (op.op) {
      case 'rect':
        return { ...op, fill: paint(op.fill) };
      case 'path':
        return {
          ...op,
          ...(op.fill !== undefined ? { fill: paint(op.fill) } : {}),
          ...(op.stroke ? { stroke: stroke(op.stroke) } : {}),
        };
      case 'ellipse':
        return {
          ...op,
          ...(op.fill !== undefined ? { fill: paint(op.fill) } : {}),
          ...(op.stroke ? { stroke: stroke(op.stroke) } : {}),
        };
      default:
        return recolorText(op, color);
    }
  });
  if (recipe.vignette > 0) out.splice(firstCaptionIndex(out), 0, vignette(recipe, width, height));
  return out;
}

/** The vignette goes under the caption strip (text ops come last), so captions stay readable. */
function firstCaptionIndex(ops: readonly SketchOp[]): number {
  const at = ops.findIndex((op) => op.op === 'text' || op.op === 'textLine');
  return at < 0 ? ops.length : at;
}

function vignette(recipe: LookRecipe, width: number, height: number): SketchOp {
  const r1 = Math.hypot(width, height) / 2;
  return {
    op: 'rect',
    x: 0,
    y: 0,
    w: width,
    h: height,
    alpha: 1,
    fill: {
      kind: 'radial',
      x: width / 2,
      y: height * 0.45,
      r0: r1 * 0.25,
      r1,
      stops: [
        { offset: 0, color: 'rgba(0, 0, 0, 0)' },
        { offset: 0.55, color: `rgba(0, 0, 0, ${(recipe.vignette * 0.45).toFixed(3)})` },
        { offset: 1, color: `rgba(0, 0, 0, ${recipe.vignette.toFixed(3)})` },
      ],
    },
  };
}

function recolorText<T extends SketchOp>(op: T, color: (css: string) => string): T {
  const next: Record<string, unknown> = { ...op };
  for (const key of ['color', 'fill'] as const) {
    const value = next[key];
    if (typeof value === 'string') next[key] = color(value);
  }
  const box = next['box'];
  if (box && typeof box === 'object' && 'fill' in box && typeof box.fill === 'string') {
    next['box'] = { ...box, fill: color(box.fill) };
  }
  return next as T;
}

interface Rgba {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly a: number;
}

/** `#rgb`, `#rrggbb`, `rgb()` and `rgba()`, the forms the planner writes; null for others. */
export function parseColor(css: string): Rgba | null {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(css.trim());
  if (hex) {
    const h = hex[1] ?? '';
    const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
    const n = Number.parseInt(full, 16);
    return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255, a: 1 };
  }
  const fn = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/i.exec(
    css.trim(),
  );
  if (!fn) return null;
  return {
    r: Number(fn[1]),
    g: Number(fn[2]),
    b: Number(fn[3]),
    a: fn[4] === undefined ? 1 : Number(fn[4]),
  };
}

/** Relative luminance-like value in [0, 1] (Rec. 709 weights on the sRGB values). */
export function lightness({ r, g, b }: Rgba): number {
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

function recolor(css: string, recipe: LookRecipe): string {
  const c = parseColor(css);
  if (!c) return css;
  const v = lightness(c);
  const target = recipe.tone(v);
  // Colour kept as its difference from grey, scaled by the saturation, around the new tone.
  const channel = (x: number) =>
    Math.round(clamp01(target + (x / 255 - v) * recipe.saturation) * 255);
  const [r, g, b] = [channel(c.r), channel(c.g), channel(c.b)];
  return c.a === 1 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${c.a})`;
}
