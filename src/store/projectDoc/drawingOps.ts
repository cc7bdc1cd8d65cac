import * as Y from 'yjs';
import {
  bakedOpacity,
  defaultLayers,
  drawingItemSchema,
  LAYER_KINDS,
  layerFieldsSchema,
  orderAt,
  sortLayers,
  type DrawingItem,
  type LayerFields,
  type LayerKind,
  type LayerPatch,
} from '../../model/drawing';
import type { AssetHash, ShotId } from '../../model/ids';
import type { LayerFilters } from '../../model/imageFilters';
import { LAYER_ITEMS, rootsOf, type YRecord } from './layout';
import { toRecord } from './records';

/**
 * Writes to drawings (layout.ts `drawings`). A layer is a Y.Map keyed `${shotId}/${layerId}`;
 * its items a Y.Array of plain, immutable values: a stroke is appended, never edited, so two
 * people drawing on one layer both keep their strokes; moving an item replaces it in place.
 *
 * Until someone draws, a shot's drawing is the default layers with ids `default:<kind>`
 * (readDrawing.ts); the first write makes them real, with random ids.
 */

export const DEFAULT_LAYER_PREFIX = 'default:';

export function layerKey(shotId: string, layerId: string): string {
  return `${shotId}/${layerId}`;
}

/** The shot's stored layers by id (a prefix scan of the drawings map). */
export function layerRecordsOf(doc: Y.Doc, shotId: string): Map<string, YRecord> {
  const prefix = `${shotId}/`;
  const out = new Map<string, YRecord>();
  for (const [key, value] of rootsOf(doc).drawings.entries()) {
    if (key.startsWith(prefix) && value instanceof Y.Map) out.set(key.slice(prefix.length), value);
  }
  return out;
}

/** The shot's frame when it has one: what a new drawing's reference layer shows. */
export function shotFrameHash(doc: Y.Doc, shotId: string): AssetHash | null {
  const hash = rootsOf(doc).shots.get(shotId)?.get('frameHash');
  return typeof hash === 'string' ? (hash as AssetHash) : null;
}

function layerRecord(fields: LayerFields): YRecord {
  const record = toRecord(fields);
  record.set(LAYER_ITEMS, new Y.Array<unknown>());
  return record;
}

function kindOf(record: YRecord): LayerKind | null {
  const kind = record.get('kind');
  return (LAYER_KINDS as readonly unknown[]).includes(kind) ? (kind as LayerKind) : null;
}

/**
 * The layer `layerId` names, made real first if it is a default one. Null when it does not
 * exist (deleted by someone meanwhile): the write is then dropped, never misplaced.
 */
function resolveLayer(doc: Y.Doc, shotId: ShotId, layerId: string): YRecord | null {
  const records = layerRecordsOf(doc, shotId);
  const stored = records.get(layerId);
  if (stored) return stored;
  if (!layerId.startsWith(DEFAULT_LAYER_PREFIX)) return null;
  const kind = layerId.slice(DEFAULT_LAYER_PREFIX.length);
  if (records.size === 0) {
    const made = defaultLayers(() => crypto.randomUUID(), shotFrameHash(doc, shotId));
    const drawings = rootsOf(doc).drawings;
    for (const { id, ...fields } of made) {
      const record = layerRecord(fields);
      drawings.set(layerKey(shotId, id), record);
      records.set(id, record);
    }
  }
  // Someone else made the layers already (they arrived since): draw on theirs of that kind.
  for (const record of records.values()) if (kindOf(record) === kind) return record;
  return null;
}

function itemsOf(record: YRecord): Y.Array<unknown> {
  const items = record.get(LAYER_ITEMS);
  if (items instanceof Y.Array) return items as Y.Array<unknown>;
  const made = new Y.Array<unknown>();
  record.set(LAYER_ITEMS, made);
  return made;
}

function itemIdOf(value: unknown): string | null {
  if (value === null || typeof value !== 'object') return null;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' ? id : null;
}

/** A plain copy: what goes into the document is never an object the caller still holds. */
function plainItem(item: DrawingItem): DrawingItem {
  return drawingItemSchema.parse(structuredClone(item));
}

export function addDrawingItem(
  doc: Y.Doc,
  shotId: ShotId,
  layerId: string,
  item: DrawingItem,
): void {
  const layer = resolveLayer(doc, shotId, layerId);
  if (layer) itemsOf(layer).push([plainItem(item)]);
}

/** Removes items by id from any layer of the shot. */
export function removeDrawingItems(doc: Y.Doc, shotId: ShotId, itemIds: readonly string[]): void {
  const ids = new Set(itemIds);
  for (const record of layerRecordsOf(doc, shotId).values()) {
    const items = itemsOf(record);
    const values = items.toArray();
    // Backwards, so deleting does not shift what is still to visit.
    for (let i = values.length - 1; i >= 0; i--) {
      const id = itemIdOf(values[i]);
      if (id !== null && ids.has(id)) items.delete(i, 1);
    }
  }
}

/** Replaces items (moved, scaled, rotated) where they are, keeping their place in the stack. */
export function replaceDrawingItems(
  doc: Y.Doc,
  shotId: ShotId,
  replacements: readonly DrawingItem[],
): void {
  const byId = new Map(replacements.map((item) => [item.id, item]));
  for (const record of layerRecordsOf(doc, shotId).values()) {
    const items = itemsOf(record);
    const values = items.toArray();
    for (let i = values.length - 1; i >= 0; i--) {
      const id = itemIdOf(values[i]);
      const next = id === null ? undefined : byId.get(id);
      if (next === undefined) continue;
      items.delete(i, 1);
      items.insert(i, [plainItem(next)]);
    }
  }
}

/**
 * The picture of image item `itemId` becomes `hash` (an edit of it: its background removed),
 * in place and in one write; the first picture it had is kept as `original`. False when the
 * item is gone (deleted by someone meanwhile) or is not a picture: nothing is written.
 */
export function replaceImagePicture(
  doc: Y.Doc,
  shotId: ShotId,
  itemId: string,
  hash: AssetHash,
): boolean {
  for (const record of layerRecordsOf(doc, shotId).values()) {
    const items = itemsOf(record);
    const index = items.toArray().findIndex((value) => itemId === itemIdOf(value));
    if (index < 0) continue;
    const parsed = drawingItemSchema.safeParse(items.get(index));
    if (!parsed.success || parsed.data.type !== 'image') return false;
    const { original: before, ...item } = parsed.data;
    if (item.hash === hash) return false;
    const original = before ?? item.hash;
    items.delete(index, 1);
    // Back to the original itself: nothing more to keep.
    items.insert(index, [
      plainItem(hash === original ? { ...item, hash } : { ...item, hash, original }),
    ]);
    return true;
  }
  return false;
}

export function addDrawingLayer(
  doc: Y.Doc,
  shotId: ShotId,
  layer: { id: string; kind: LayerKind; name: string },
  aboveLayerId: string | null,
): void {
  resolveLayer(doc, shotId, `${DEFAULT_LAYER_PREFIX}${layer.kind}`);
  const aboveId = aboveLayerId === null ? null : realLayerId(doc, shotId, aboveLayerId);
  const stacked = sortedLayers(doc, shotId);
  const above = stacked.findIndex((l) => l.id === aboveId);
  const order = orderAt(stacked, above < 0 ? stacked.length : above + 1);
  const fields = layerFieldsSchema.parse({ kind: layer.kind, name: layer.name, order });
  rootsOf(doc).drawings.set(layerKey(shotId, layer.id), layerRecord(fields));
}

/**
 * A new image layer holding one picture (an image item the select tool moves and scales), put
 * above `aboveLayerId` (on top when null). One write, so one undo step.
 */
export function addImageLayer(
  doc: Y.Doc,
  shotId: ShotId,
  layer: { id: string; name: string },
  picture: DrawingItem,
  aboveLayerId: string | null,
): void {
  addDrawingLayer(doc, shotId, { ...layer, kind: 'image' }, aboveLayerId);
  addDrawingItem(doc, shotId, layer.id, picture);
}

/** Sets (or with null, takes off) a layer's filters; a plain copy goes in. */
export function setLayerFilters(
  doc: Y.Doc,
  shotId: ShotId,
  layerId: string,
  filters: LayerFilters | null,
): void {
  const record = resolveLayer(doc, shotId, layerId);
  if (record) record.set('filters', filters === null ? null : { ...filters });
}

export function deleteDrawingLayer(doc: Y.Doc, shotId: ShotId, layerId: string): void {
  const id = realLayerId(doc, shotId, layerId);
  if (id !== null) rootsOf(doc).drawings.delete(layerKey(shotId, id));
}

/** The stored id of `layerId`, making the default layers real first if it names one. */
function realLayerId(doc: Y.Doc, shotId: ShotId, layerId: string): string | null {
  const record = resolveLayer(doc, shotId, layerId);
  if (!record) return null;
  for (const [id, stored] of layerRecordsOf(doc, shotId)) if (stored === record) return id;
  return null;
}

export function updateDrawingLayer(
  doc: Y.Doc,
  shotId: ShotId,
  layerId: string,
  patch: LayerPatch,
): void {
  const record = resolveLayer(doc, shotId, layerId);
  if (!record) return;
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined && record.get(key) !== value) record.set(key, value);
  }
}

/** Moves a layer to `index` back to front (0 = bottom); only its own `order` is written. */
export function moveDrawingLayer(doc: Y.Doc, shotId: ShotId, layerId: string, index: number): void {
  const record = resolveLayer(doc, shotId, layerId);
  if (!record) return;
  const others = sortedLayers(doc, shotId).filter((l) => l.record !== record);
  record.set('order', orderAt(others, index));
}

export class MergeError extends Error {
  override readonly name = 'MergeError';
}

/**
 * Merges a layer into the one below it; the layer is deleted. Its opacity is baked into what
 * moves (each item's own opacity times the layer's), so the merge changes nothing on screen.
 *
 * An eraser erases only its own layer (each layer is drawn apart); moved below, it would erase
 * the lower layer's work too. So a layer with eraser strokes arrives as `picture`: the layer
 * alone flattened with its erasers applied (the editor makes it), one image item covering
 * `frame`. Without erasers the picture (as an image item covering `frame`, in units) and then
 * the items go on top of the lower layer's items, still editable.
 */
export function mergeDrawingLayerDown(
  doc: Y.Doc,
  shotId: ShotId,
  layerId: string,
  frame: { readonly halfWidth: number; readonly halfHeight: number },
  picture: AssetHash | null = null,
): void {
  const id = realLayerId(doc, shotId, layerId);
  const stacked = sortedLayers(doc, shotId);
  const index = stacked.findIndex((l) => l.id === id);
  const upper = stacked[index];
  const lower = stacked[index - 1];
  if (!upper || !lower) return;
  const opacity = upper.record.get('opacity');
  const factor = typeof opacity === 'number' && opacity >= 0 && opacity <= 1 ? opacity : 1;
  const cover = (hash: unknown) => ({
    id: crypto.randomUUID(),
    type: 'image',
    hash,
    points: [-frame.halfWidth, -frame.halfHeight, frame.halfWidth * 2, frame.halfHeight * 2],
    x: 0,
    y: 0,
    rotation: 0,
    scale: 1,
  });
  const items = itemsOf(upper.record).toArray();
  const erases = items.some((item) => {
    const parsed = drawingItemSchema.safeParse(item);
    return parsed.success && parsed.data.type === 'stroke' && parsed.data.tool === 'eraser';
  });
  if (erases && picture === null) {
    throw new MergeError('A layer with eraser strokes merges down as a picture of itself');
  }
  const moved: unknown[] = [];
  const bitmap = upper.record.get('bitmap');
  if (picture !== null) moved.push(cover(picture));
  else {
    if (typeof bitmap === 'string') moved.push(cover(bitmap));
    moved.push(...items);
  }
  const baked = moved.map((value) => {
    const copy = structuredClone(value) as Record<string, unknown>;
    const own = typeof copy.opacity === 'number' ? copy.opacity : undefined;
    const next = bakedOpacity(own, factor);
    if (next === undefined) delete copy.opacity;
    else copy.opacity = next;
    return copy;
  });
  if (baked.length > 0) itemsOf(lower.record).push(baked);
  rootsOf(doc).drawings.delete(layerKey(shotId, upper.id));
}

/** Empties layers (all of the shot's when `layerIds` is null); a reference keeps its picture. */
export function clearDrawingLayers(
  doc: Y.Doc,
  shotId: ShotId,
  layerIds: readonly string[] | null,
): void {
  for (const [id, record] of layerRecordsOf(doc, shotId)) {
    if (layerIds !== null && !layerIds.includes(id)) continue;
    const items = itemsOf(record);
    if (items.length > 0) items.delete(0, items.length);
    if (kindOf(record) !== 'reference' && typeof record.get('bitmap') === 'string')
      record.set('bitmap', null);
  }
}

function sortedLayers(doc: Y.Doc, shotId: ShotId) {
  const layers = [...layerRecordsOf(doc, shotId)].map(([id, record]) => {
    const order = record.get('order');
    return { id, record, order: typeof order === 'number' && Number.isFinite(order) ? order : 0 };
  });
  return sortLayers(layers);
}

/**
 * Removes every layer of the shot's drawing (the shot is being deleted). Inside the caller's
 * transaction, so deleting a shot and its drawing is one undo step and undo brings both back.
 */
export function deleteShotDrawing(doc: Y.Doc, shotId: string): void {
  const drawings = rootsOf(doc).drawings;
  for (const id of layerRecordsOf(doc, shotId).keys()) drawings.delete(layerKey(shotId, id));
}

/**
 * Copies the drawing of `fromShotId` onto `toShotId` (a duplicated shot): every layer and item
 * with a new id, so drawing on the copy never touches the original. A shot nobody drew on has
 * only default layers (nothing stored) and copies as nothing.
 */
export function copyShotDrawing(doc: Y.Doc, fromShotId: string, toShotId: string): void {
  const drawings = rootsOf(doc).drawings;
  for (const source of layerRecordsOf(doc, fromShotId).values()) {
    const record: YRecord = new Y.Map<unknown>();
    for (const [key, value] of source.entries()) {
      if (!(value instanceof Y.AbstractType)) record.set(key, structuredClone(value));
    }
    const stored = source.get(LAYER_ITEMS);
    const items = (stored instanceof Y.Array ? stored.toArray() : [])
      .filter((value) => value !== null && typeof value === 'object')
      .map((value) => ({ ...structuredClone(value as object), id: crypto.randomUUID() }));
    const copied = new Y.Array<unknown>();
    copied.push(items);
    record.set(LAYER_ITEMS, copied);
    drawings.set(layerKey(toShotId, crypto.randomUUID()), record);
  }
}
