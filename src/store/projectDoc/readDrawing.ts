import * as Y from 'yjs';
import {
  defaultLayers,
  drawingItemSchema,
  layerFieldsSchema,
  sortLayers,
  type Drawing,
  type DrawingItem,
  type DrawingLayer,
} from '../../model/drawing';
import { LAYER_ITEMS, type YRecord } from './layout';
import { DEFAULT_LAYER_PREFIX, layerRecordsOf, shotFrameHash } from './drawingOps';

/** Items are immutable once written: each is validated once, then remembered by identity. */
const parsedItems = new WeakMap<object, DrawingItem | null>();

/** Most items one layer shows; what is past it (a hostile peer's flood) is not read. */
export const MAX_LAYER_ITEMS = 20_000;

function readItem(value: unknown, problems: string[]): DrawingItem | null {
  if (value === null || typeof value !== 'object') return null;
  const cached = parsedItems.get(value);
  if (cached !== undefined) return cached;
  const parsed = drawingItemSchema.safeParse(value);
  const item = parsed.success ? parsed.data : null;
  if (!parsed.success) problems.push(`a drawing item: ${parsed.error.issues[0]?.message ?? ''}`);
  parsedItems.set(value, item);
  return item;
}

function readItems(record: YRecord, problems: string[]): DrawingItem[] {
  const array = record.get(LAYER_ITEMS);
  if (!(array instanceof Y.Array)) return [];
  const out: DrawingItem[] = [];
  const seen = new Set<string>();
  const values = array.toArray();
  for (let i = 0; i < values.length && i < MAX_LAYER_ITEMS; i++) {
    const item = readItem(values[i], problems);
    // Two people moving one item at once each put back a copy: the first one shows.
    if (!item || seen.has(item.id)) continue;
    seen.add(item.id);
    out.push(item);
  }
  return out;
}

function readLayer(id: string, record: YRecord, problems: string[]): DrawingLayer | null {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of record.entries()) {
    if (!(value instanceof Y.AbstractType)) fields[key] = value;
  }
  const parsed = layerFieldsSchema.safeParse(fields);
  if (!parsed.success) {
    problems.push(`drawing layer ${id}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    return null;
  }
  return { ...parsed.data, id, items: readItems(record, problems) };
}

/**
 * A shot's drawing, back to front. Never throws: a layer or item that does not validate is
 * left out (and named in `problems`). A shot nobody drew on shows the default layers, with
 * the shot's frame in the reference layer; they are written on the first stroke.
 */
export function readDrawing(doc: Y.Doc, shotId: string, problems: string[] = []): Drawing {
  const records = layerRecordsOf(doc, shotId);
  if (records.size === 0) {
    const layers = defaultLayers(() => '', shotFrameHash(doc, shotId)).map((layer) => ({
      ...layer,
      id: `${DEFAULT_LAYER_PREFIX}${layer.kind}`,
      items: [],
    }));
    return { layers };
  }
  const layers: DrawingLayer[] = [];
  for (const [id, record] of records) {
    const layer = readLayer(id, record, problems);
    if (layer) layers.push(layer);
  }
  return { layers: sortLayers(layers) };
}
