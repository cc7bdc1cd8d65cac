import { z } from 'zod';
import { CAMERA_MOVES } from './drawingMarks';
import { assetHashSchema } from './ids';
import { layerFiltersSchema } from './imageFilters';
import type { Stored } from './stored';

/**
 * A shot's drawing: layers of vector items, kept as data in the project document so they sync,
 * merge and stay editable (the flattened picture is a take, see drawingCommands' `saveFrame`).
 *
 * Coordinates are frame units (drawingUnits.ts): integers, 10,000 to the frame's height, with
 * the origin at the frame's centre. Width is not a unit: a frame of another aspect ratio shows
 * the same drawing undistorted, extended or cropped at the sides.
 */

/** The layers every drawing starts with, back to front. */
export const DEFAULT_LAYER_KINDS = ['reference', 'fill', 'tone', 'pencil', 'ink', 'notes'] as const;
/** `image`: a picture put in the editor (uploaded, pasted, the frame), with its own filters. */
export const LAYER_KINDS = [...DEFAULT_LAYER_KINDS, 'image'] as const;
export type LayerKind = (typeof LAYER_KINDS)[number];

export const LAYER_KIND_LABELS: Readonly<Record<LayerKind, string>> = {
  reference: 'Reference',
  fill: 'Fill',
  tone: 'Tone',
  pencil: 'Pencil',
  ink: 'Ink',
  notes: 'Notes',
  image: 'Image',
};

/** Largest coordinate magnitude accepted (a stroke may leave the frame, not the planet). */
export const MAX_COORD = 200_000;
/** Points per stroke, x/y/pressure each: a long stroke at 240 Hz for ~40 s. */
export const MAX_STROKE_POINTS = 10_000;

const coord = z.number().int().min(-MAX_COORD).max(MAX_COORD);
const colorSchema = z.string().regex(/^#[0-9a-f]{6}$/i);
export const drawingItemIdSchema = z.string().min(1).max(64);
/** Line width in frame units (10,000 = the frame's height). */
const sizeSchema = z.number().min(1).max(5_000);

/**
 * Where an item sits: Konva's node transform (translate, then rotate about the node's origin,
 * then uniform scale). Moving, scaling and rotating change only these; the geometry stays.
 */
const placement = {
  x: coord.default(0),
  y: coord.default(0),
  rotation: z.number().min(-360).max(360).default(0),
  scale: z.number().min(0.01).max(100).default(1),
  /**
   * Absent means opaque. Written by merge-down, which bakes the upper layer's opacity into the
   * items it moves so they look as they did (optional: items written before it stay valid).
   */
  opacity: z.number().min(0).max(1).optional(),
};

export const STROKE_TOOLS = ['pencil', 'brush', 'pen', 'eraser'] as const;
export type StrokeTool = (typeof STROKE_TOOLS)[number];

export const strokeItemSchema = z.object({
  id: drawingItemIdSchema,
  type: z.literal('stroke'),
  tool: z.enum(STROKE_TOOLS),
  color: colorSchema,
  size: sizeSchema,
  /** Flat x, y, pressure triples (drawingUnits.ts `encodeStroke`): pressure 0–100. */
  points: z
    .array(coord)
    .min(3)
    .max(MAX_STROKE_POINTS * 3)
    .refine((p) => p.length % 3 === 0, 'points come in x, y, pressure triples'),
  ...placement,
});

export const SHAPE_KINDS = ['line', 'arrow', 'rectangle', 'ellipse'] as const;
export type ShapeKind = (typeof SHAPE_KINDS)[number];

export const shapeItemSchema = z.object({
  id: drawingItemIdSchema,
  type: z.enum(SHAPE_KINDS),
  color: colorSchema,
  size: sizeSchema,
  /** Start and end corner (x1, y1, x2, y2). */
  points: z.array(coord).length(4),
  ...placement,
});

export const textItemSchema = z.object({
  id: drawingItemIdSchema,
  type: z.literal('text'),
  color: colorSchema,
  /** Font size in frame units. */
  size: sizeSchema,
  text: z.string().min(1).max(2_000),
  ...placement,
});

/** A camera move in the storyboard convention: a chunky outlined arrow, an optional label. */
export const cameraMoveItemSchema = z.object({
  id: drawingItemIdSchema,
  type: z.literal('camera'),
  move: z.enum(CAMERA_MOVES),
  color: colorSchema,
  /** The arrow's shaft width in frame units. */
  size: sizeSchema,
  /** Tail and tip (x1, y1, x2, y2). */
  points: z.array(coord).length(4),
  label: z.string().max(40).default(''),
  ...placement,
});

/** Speed lines behind a moving subject, from where it came (x1, y1) to its leading edge. */
export const motionLinesItemSchema = z.object({
  id: drawingItemIdSchema,
  type: z.literal('motion'),
  color: colorSchema,
  size: sizeSchema,
  points: z.array(coord).length(4),
  ...placement,
});

/** A bitmap (a fill, a pasted picture): the bytes are an asset, the item holds its hash. */
export const imageItemSchema = z.object({
  id: drawingItemIdSchema,
  type: z.literal('image'),
  hash: assetHashSchema,
  /**
   * The picture as it was put in, while `hash` shows an edit of it (its background removed).
   * Kept so "delete unused images" never takes it and the edit can be taken back later; absent
   * on a picture never edited (optional: items written before it stay valid).
   */
  original: assetHashSchema.optional(),
  /** Top-left corner, width and height. */
  points: z.array(coord).length(4),
  ...placement,
});

export const drawingItemSchema = z.discriminatedUnion('type', [
  strokeItemSchema,
  shapeItemSchema,
  textItemSchema,
  imageItemSchema,
  cameraMoveItemSchema,
  motionLinesItemSchema,
]);

export type DrawingItem = Stored<typeof drawingItemSchema>;
export type StrokeItem = Stored<typeof strokeItemSchema>;
export type ShapeItem = Stored<typeof shapeItemSchema>;
export type TextItem = Stored<typeof textItemSchema>;
export type ImageItem = Stored<typeof imageItemSchema>;
export type CameraMoveItem = Stored<typeof cameraMoveItemSchema>;
export type MotionLinesItem = Stored<typeof motionLinesItemSchema>;

export const layerIdSchema = z.string().min(1).max(64);

/** A layer's own fields (its items are apart: a Y.Array each, so concurrent strokes merge). */
export const layerFieldsSchema = z.object({
  kind: z.enum(LAYER_KINDS),
  name: z.string().min(1).max(80),
  visible: z.boolean().default(true),
  opacity: z.number().min(0).max(1).default(1),
  locked: z.boolean().default(false),
  /** Stacking: lower is further back. Fractional, so a move writes one layer only. */
  order: z.number().default(0),
  /**
   * A picture under the layer's items: for the reference layer, the frame the drawing was
   * started over (the shot's frame at the time, unless it was itself drawn).
   */
  bitmap: assetHashSchema.nullable().default(null),
  /** Filters on the layer's pixels (image layers); null = none. */
  filters: layerFiltersSchema.nullable().default(null),
});

export type LayerFields = Stored<typeof layerFieldsSchema>;
export type LayerPatch = Partial<Pick<LayerFields, 'name' | 'visible' | 'opacity' | 'locked'>>;

export interface DrawingLayer extends LayerFields {
  readonly id: string;
  readonly items: readonly DrawingItem[];
}

/** A shot's layers, back to front. Empty when nobody drew on the shot yet. */
export interface Drawing {
  readonly layers: readonly DrawingLayer[];
}

export const EMPTY_DRAWING: Drawing = { layers: [] };

/** Back to front; ties (two peers placing a layer at once) broken by id so every peer agrees. */
export function sortLayers<L extends { readonly id: string; readonly order: number }>(
  layers: readonly L[],
): L[] {
  return [...layers].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The layers a new drawing starts with, back to front. Ids are made by the caller (random:
 * two people starting a drawing at once each keep their own layers, nothing is overwritten).
 */
export function defaultLayers(
  newId: () => string,
  reference: Stored<typeof assetHashSchema> | null,
): (LayerFields & { id: string })[] {
  return DEFAULT_LAYER_KINDS.map((kind, index) => ({
    ...layerFieldsSchema.parse({ kind, name: LAYER_KIND_LABELS[kind], order: index }),
    bitmap: kind === 'reference' ? reference : null,
    id: newId(),
  }));
}

/**
 * The `order` that puts a layer at `index` of `layers` (back to front, the moving layer left
 * out): halfway between its new neighbours, one past the ends.
 */
export function orderAt(layers: readonly { readonly order: number }[], index: number): number {
  const clamped = Math.max(0, Math.min(index, layers.length));
  const before = layers[clamped - 1]?.order;
  const after = layers[clamped]?.order;
  if (before === undefined && after === undefined) return 0;
  if (before === undefined) return (after as number) - 1;
  if (after === undefined) return before + 1;
  return (before + after) / 2;
}

/** `base`, or "`base` 2", "`base` 3"… : the first not among `taken`. */
export function freshLayerName(base: string, taken: readonly string[]): string {
  const names = new Set(taken);
  if (!names.has(base)) return base;
  let n = 2;
  while (names.has(`${base} ${n}`)) n++;
  return `${base} ${n}`;
}

/** The layer under `layerId` (the one merge-down merges into), or null at the bottom. */
export function layerBelow(drawing: Drawing, layerId: string): DrawingLayer | null {
  const index = drawing.layers.findIndex((l) => l.id === layerId);
  return index > 0 ? (drawing.layers[index - 1] ?? null) : null;
}

export function hasEraser(layer: Pick<DrawingLayer, 'items'>): boolean {
  return layer.items.some((item) => item.type === 'stroke' && item.tool === 'eraser');
}

/** `opacity` times `factor`, rounded; undefined when the product is opaque (the default). */
export function bakedOpacity(opacity: number | undefined, factor: number): number | undefined {
  const value = Math.round((opacity ?? 1) * factor * 1_000) / 1_000;
  return value >= 1 ? undefined : Math.max(0, value);
}

/**
 * Whether two reads of a drawing show the same thing. Each read makes new layer objects (a
 * change to the shot re-reads it), but items keep their identity (readDrawing.ts), so this is
 * cheap. A default layer's picture follows the shot's frame, which "Save frame" itself changes:
 * it is not a change to the drawing.
 */
export function sameDrawing(a: Drawing, b: Drawing): boolean {
  if (a === b) return true;
  if (a.layers.length !== b.layers.length) return false;
  return a.layers.every((layer, i) => {
    const other = b.layers[i];
    if (!other || other.id !== layer.id || other.items.length !== layer.items.length) return false;
    const fields = (l: DrawingLayer) =>
      JSON.stringify([l.kind, l.name, l.visible, l.opacity, l.locked, l.order, l.filters]);
    if (fields(layer) !== fields(other)) return false;
    if (layer.bitmap !== other.bitmap && !layer.id.startsWith('default:')) return false;
    return layer.items.every((item, j) => item === other.items[j]);
  });
}

/** A drawing with no items and no bitmaps shows nothing. */
export function isBlank(drawing: Drawing): boolean {
  return drawing.layers.every((l) => l.items.length === 0 && l.bitmap === null);
}
