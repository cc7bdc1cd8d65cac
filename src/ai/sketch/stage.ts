import type { AngleSetup, ShotFraming } from './framing';
import type { Rect } from './geometry';
import type { FontSpec, Stroke } from './ops';
import type { Palette } from './palette';
import type { Pen } from './pen';
import type { Random } from './random';
import type { SketchInput } from './sketchInput';

/** Sizes are designed at a 720-pixel short side and scale from there. */
export const REFERENCE_SHORT_SIDE = 720;

/** Everything the parts of a plan share while drawing one frame. */
export interface Stage {
  readonly input: SketchInput;
  readonly width: number;
  readonly height: number;
  /** The drawing above the caption strip. */
  readonly picture: Rect;
  /** Pixels per reference pixel. */
  readonly unit: number;
  readonly palette: Palette;
  readonly angle: AngleSetup;
  readonly framing: ShotFraming;
  /** Horizon in scene space, in canvas pixels. */
  readonly horizonY: number;
  /** Draws the set and the figures, through the camera's view, clipped to the picture. */
  readonly scene: Pen;
  /** Draws marks on the screen (move arrows, vignette), clipped to the picture. */
  readonly screen: Pen;
  /**
   * Name tags, move names and the slug: on the screen like `screen`, but into their own list,
   * which the plan puts on top of everything so no arrow or figure ever covers a name.
   */
  readonly labels: Pen;
  /** Choices about the set, seeded by the location so every shot of a scene shares its set. */
  readonly setRandom: Random;
  /** The pencil lines. */
  readonly lines: LineKit;
  readonly fonts: FontKit;
}

export interface LineKit {
  /** Figures. */
  readonly figure: Stroke;
  /** The set: walls, horizon, props. */
  readonly set: Stroke;
  /** Hatching and details. */
  readonly fine: Stroke;
  /** Camera-move arrows. */
  readonly arrow: Stroke;
}

export interface FontKit {
  readonly label: FontSpec;
  readonly slug: FontSpec;
  readonly note: FontSpec;
  readonly stripBold: FontSpec;
  readonly strip: FontSpec;
}

const MIN_FONT_PX = 9;

function fontSize(unit: number, referencePx: number): number {
  return Math.max(MIN_FONT_PX, Math.round(referencePx * unit));
}

/** Hairlines below one pixel look grey and broken; a pencil line never gets that thin. */
const MIN_LINE_PX = 0.75;

function lineWidth(unit: number, referencePx: number): number {
  return Math.max(MIN_LINE_PX, Math.round(referencePx * unit * 100) / 100);
}

export function makeLineKit(palette: Palette, unit: number): LineKit {
  return {
    figure: { color: palette.pencil, width: lineWidth(unit, 2) },
    set: { color: palette.softPencil, width: lineWidth(unit, 1.5) },
    fine: { color: palette.softPencil, width: lineWidth(unit, 1) },
    arrow: { color: palette.accent, width: lineWidth(unit, 2.2) },
  };
}

export function makeFontKit(unit: number): FontKit {
  return {
    label: { size: fontSize(unit, 16), weight: 600, italic: false },
    slug: { size: fontSize(unit, 14), weight: 600, italic: false },
    note: { size: fontSize(unit, 22), weight: 400, italic: true },
    stripBold: { size: fontSize(unit, 18), weight: 700, italic: false },
    strip: { size: fontSize(unit, 18), weight: 400, italic: false },
  };
}
