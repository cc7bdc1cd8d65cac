import * as Y from 'yjs';
import type { Character } from '../../model/character';
import type { Scene } from '../../model/scene';
import type { Shot } from '../../model/shot';
import { rootsOf, SCENE_SHOT_ORDER, SHOT_TAKES, type YRecord } from './layout';

/**
 * Records as the document holds them (layout.ts): model values in, Y.Maps out, and the small
 * helpers every write operation shares. Internal to projectDoc (not exported from its index).
 */

export function toRecord(fields: object): YRecord {
  const record = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) record.set(key, value);
  }
  return record;
}

export function sceneRecord(scene: Scene, shotIds: readonly string[]): YRecord {
  const record = toRecord(scene);
  record.delete('id');
  const order = new Y.Array<string>();
  order.push([...shotIds]);
  record.set(SCENE_SHOT_ORDER, order);
  return record;
}

export function shotRecord(shot: Shot): YRecord {
  const { takes = [], ...fields } = shot;
  const record = toRecord({ ...fields, dialogue: shot.dialogue.map((d) => ({ ...d })) });
  record.delete('id');
  const takeList = new Y.Array<YRecord>();
  takeList.push(takes.map((take) => toRecord(take)));
  record.set(SHOT_TAKES, takeList);
  return record;
}

export function characterRecord(character: Character): YRecord {
  const record = toRecord(character);
  record.delete('id');
  return record;
}

export function shotOrderOf(doc: Y.Doc, sceneId: string): Y.Array<string> | null {
  const order = rootsOf(doc).scenes.get(sceneId)?.get(SCENE_SHOT_ORDER);
  return order instanceof Y.Array ? (order as Y.Array<string>) : null;
}

export function removeId(array: Y.Array<string>, id: string): void {
  // Walk backwards: deleting shifts later indices, and a concurrent move may have left two.
  const items = array.toArray();
  for (let i = items.length - 1; i >= 0; i--) if (items[i] === id) array.delete(i, 1);
}

/** The shot's list of takes, made on first use (documents from before takes have none). */
export function takesOf(record: YRecord): Y.Array<YRecord> {
  const existing = record.get(SHOT_TAKES);
  if (existing instanceof Y.Array) return existing as Y.Array<YRecord>;
  const created = new Y.Array<YRecord>();
  record.set(SHOT_TAKES, created);
  return created;
}

/** Writes a plain field only when it differs; nested Yjs types (orders, takes) are left alone. */
export function setIfChanged(record: Y.Map<unknown>, key: string, value: unknown): void {
  if (value === undefined) return;
  const current = record.get(key);
  if (current instanceof Y.AbstractType) return;
  if (JSON.stringify(current) === JSON.stringify(value)) return;
  record.set(key, typeof value === 'object' && value !== null ? structuredClone(value) : value);
}
