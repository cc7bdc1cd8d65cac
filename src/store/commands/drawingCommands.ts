import { z } from 'zod';
import {
  drawingItemIdSchema,
  drawingItemSchema,
  imageItemSchema,
  LAYER_KINDS,
  layerFieldsSchema,
  layerIdSchema,
  type DrawingItem,
  type ImageItem,
  type LayerKind,
  type LayerPatch,
} from '../../model/drawing';
import { layerFiltersSchema, type LayerFilters } from '../../model/imageFilters';
import { UNITS_PER_HEIGHT } from '../../model/drawingUnits';
import { assetHashSchema, type AssetHash, type ShotId } from '../../model/ids';
import { aspectValue } from '../../model/project';
import { takeSchema, type Take } from '../../model/take';
import {
  addDrawingItem,
  addDrawingLayer,
  addImageLayer,
  addShotTake,
  setLayerFilters,
  clearDrawingLayers,
  deleteDrawingLayer,
  mergeDrawingLayerDown,
  moveDrawingLayer,
  removeDrawingItems,
  replaceDrawingItems,
  replaceImagePicture,
  updateDrawingLayer,
} from '../projectDoc';
import { defineCommand, STEP, type UndoPolicy } from './command';
import { idSchema } from './inputSchemas';

/**
 * The frame editor's changes (model/drawing.ts). Each is one undo step: one stroke, one erase,
 * one layer change. A move/scale/rotate is one step however far it goes (the editor writes it
 * once, when the handle is let go); dragging an opacity slider merges into one step per layer.
 */

const shotRef = z.object({ shotId: idSchema });
const layerRef = shotRef.extend({ layerId: layerIdSchema });

const layerPatchSchema = layerFieldsSchema
  .pick({ name: true, visible: true, opacity: true, locked: true })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to change');

interface ShotInput {
  readonly shotId: ShotId;
}
interface LayerInput extends ShotInput {
  readonly layerId: string;
}

function layerPatchUndo(input: LayerInput & { patch: LayerPatch }): UndoPolicy {
  const keys = Object.keys(input.patch);
  return keys.length === 1 && keys[0] === 'opacity'
    ? { merge: `opacity:${input.layerId}` }
    : 'step';
}

export const drawingCommands = {
  /** A stroke, shape, text or picture put on a layer. */
  'drawing/addItem': defineCommand({
    input: layerRef.extend({ item: drawingItemSchema }),
    undo: STEP,
    run: ({ doc }, i: LayerInput & { item: DrawingItem }) =>
      addDrawingItem(doc, i.shotId, i.layerId, i.item),
  }),

  /** Items erased or deleted, from whichever layer holds them. */
  'drawing/erase': defineCommand({
    input: shotRef.extend({ itemIds: z.array(drawingItemIdSchema).min(1).max(10_000) }),
    undo: STEP,
    run: ({ doc }, i: ShotInput & { itemIds: readonly string[] }) =>
      removeDrawingItems(doc, i.shotId, i.itemIds),
  }),

  /** Items moved, scaled or rotated (the same ids with a new placement). */
  'drawing/transform': defineCommand({
    input: shotRef.extend({ items: z.array(drawingItemSchema).min(1).max(10_000) }),
    undo: STEP,
    run: ({ doc }, i: ShotInput & { items: readonly DrawingItem[] }) =>
      replaceDrawingItems(doc, i.shotId, i.items),
  }),

  'drawing/addLayer': defineCommand({
    input: shotRef.extend({
      layer: z.object({
        id: layerIdSchema.regex(/^[^/:]+$/),
        kind: z.enum(LAYER_KINDS),
        name: z.string().min(1).max(80),
      }),
      aboveLayerId: layerIdSchema.nullable(),
    }),
    undo: STEP,
    run: (
      { doc },
      i: ShotInput & {
        layer: { id: string; kind: LayerKind; name: string };
        aboveLayerId: string | null;
      },
    ) => addDrawingLayer(doc, i.shotId, i.layer, i.aboveLayerId),
  }),

  /** A picture on a new image layer of its own (uploaded, pasted or the current frame). */
  'drawing/addImageLayer': defineCommand({
    input: shotRef.extend({
      layer: z.object({ id: layerIdSchema.regex(/^[^/:]+$/), name: z.string().min(1).max(80) }),
      picture: imageItemSchema,
      aboveLayerId: layerIdSchema.nullable(),
    }),
    undo: STEP,
    run: (
      { doc },
      i: ShotInput & {
        layer: { id: string; name: string };
        picture: ImageItem;
        aboveLayerId: string | null;
      },
    ) => addImageLayer(doc, i.shotId, i.layer, i.picture, i.aboveLayerId),
  }),

  /**
   * A layer's filters (null takes them off). Each change is a step of its own, and the editor
   * wraps a slider drag in a gesture, so one drag is one undo step and ticking "Greyscale"
   * right after it is another (a merge key would fold them together).
   */
  'drawing/setFilters': defineCommand({
    input: layerRef.extend({ filters: layerFiltersSchema.nullable() }),
    undo: STEP,
    run: ({ doc }, i: LayerInput & { filters: LayerFilters | null }) =>
      setLayerFilters(doc, i.shotId, i.layerId, i.filters),
  }),

  /**
   * A picture on the drawing replaced by an edit of it (its background removed; the new asset
   * already stored), where it stands: one undo step, which brings the old picture back. The
   * item keeps its first picture as `original`. Returns false when the item is gone.
   */
  'drawing/replaceImage': defineCommand({
    input: shotRef.extend({ itemId: drawingItemIdSchema, hash: assetHashSchema }),
    undo: STEP,
    run: ({ doc }, i: ShotInput & { itemId: string; hash: AssetHash }) =>
      replaceImagePicture(doc, i.shotId, i.itemId, i.hash),
  }),

  'drawing/deleteLayer': defineCommand({
    input: layerRef,
    undo: STEP,
    run: ({ doc }, i: LayerInput) => deleteDrawingLayer(doc, i.shotId, i.layerId),
  }),

  /** Rename, show/hide, opacity, lock. */
  'drawing/updateLayer': defineCommand({
    input: layerRef.extend({ patch: layerPatchSchema }),
    undo: layerPatchUndo,
    run: ({ doc }, i: LayerInput & { patch: LayerPatch }) =>
      updateDrawingLayer(doc, i.shotId, i.layerId, i.patch),
  }),

  /** To `index` back to front (0 = the bottom). */
  'drawing/moveLayer': defineCommand({
    input: layerRef.extend({ index: z.number().int().min(0).max(1_000) }),
    undo: STEP,
    run: ({ doc }, i: LayerInput & { index: number }) =>
      moveDrawingLayer(doc, i.shotId, i.layerId, i.index),
  }),

  /**
   * Into the layer below, keeping how it looks. A layer with eraser strokes comes with
   * `picture`: itself flattened (asset already stored), so its erasers never reach the lower
   * layer (projectDoc/drawingOps.ts `mergeDrawingLayerDown`).
   */
  'drawing/mergeDown': defineCommand({
    input: layerRef.extend({ picture: assetHashSchema.nullable().default(null) }),
    undo: STEP,
    run: ({ doc, snapshot }, i: LayerInput & { picture?: AssetHash | null }) => {
      const halfHeight = UNITS_PER_HEIGHT / 2;
      const halfWidth = Math.round(halfHeight * aspectValue(snapshot.meta.aspectRatio));
      const frame = { halfWidth, halfHeight };
      mergeDrawingLayerDown(doc, i.shotId, i.layerId, frame, i.picture ?? null);
    },
  }),

  /** Empties the given layers, or every layer when `layerIds` is null. */
  'drawing/clear': defineCommand({
    input: shotRef.extend({ layerIds: z.array(layerIdSchema).max(1_000).nullable() }),
    undo: STEP,
    run: ({ doc }, i: ShotInput & { layerIds: readonly string[] | null }) =>
      clearDrawingLayers(doc, i.shotId, i.layerIds),
  }),

  /**
   * "Save frame": the flattened drawing (already stored as an asset) becomes a take with source
   * `drawn` and the shot's frame. The person's own step: undo puts the frame back as it was,
   * the strokes stay.
   */
  'drawing/saveFrame': defineCommand({
    input: shotRef.extend({ take: takeSchema.extend({ source: z.literal('drawn') }) }),
    undo: STEP,
    run: ({ doc }, i: ShotInput & { take: Take }) =>
      addShotTake(doc, i.shotId, i.take, { makeCurrent: true }),
  }),
};
