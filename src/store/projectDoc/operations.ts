import * as Y from 'yjs';
import type { CharacterPatch } from '../../model/character';
import type { AssetHash, CharacterId, SceneId, ShotId } from '../../model/ids';
import { newId } from '../../model/ids';
import { numberForNewShot, renumberScene } from '../../model/numbering';
import {
  PROJECT_SCHEMA_VERSION,
  type ProjectMeta,
  type ProjectSnapshot,
} from '../../model/project';
import { createScene, parseSceneHeading } from '../../model/scene';
import { createShot, type FrameSource, type ShotInit, type ShotPatch } from '../../model/shot';
import type { Take } from '../../model/take';
import { clampShotDuration } from '../../model/units';
import type { ReimportPlan } from '../../plan/reimport';
import { deleteShotDrawing } from './drawingOps';
import { readProject } from './read';
import { plainRecord } from './plainRecord';
import { rootsOf, SHOT_TAKES, SYSTEM_ORIGIN, USER_ORIGIN, type YRecord } from './layout';
import {
  characterRecord,
  removeId,
  sceneRecord,
  setIfChanged,
  shotOrderOf,
  shotRecord,
  takesOf,
  toRecord,
} from './records';

/**
 * Every write to a project document goes through here, inside one transaction per user action,
 * so one action is one undo step and one update for peers.
 */

type Origin = typeof USER_ORIGIN | typeof SYSTEM_ORIGIN;

/** Writes a whole snapshot into an empty document (new project, JSON import, breakdown). */
export function writeSnapshot(
  doc: Y.Doc,
  snapshot: ProjectSnapshot,
  origin: Origin = SYSTEM_ORIGIN,
) {
  doc.transact(() => {
    const roots = rootsOf(doc);
    for (const [key, value] of Object.entries(snapshot.meta)) roots.meta.set(key, value);
    roots.meta.set('schemaVersion', PROJECT_SCHEMA_VERSION);
    appendScenesInTransaction(doc, snapshot);
  }, origin);
}

function appendScenesInTransaction(doc: Y.Doc, part: Omit<ProjectSnapshot, 'meta'>) {
  const roots = rootsOf(doc);
  // A character the project already has (same name) is reused, and the new shots point at it.
  const existing = characterIdsByName(doc);
  const idFor = new Map<string, string>();
  for (const character of part.characters) {
    const known = existing.get(character.name);
    idFor.set(character.id, known ?? character.id);
    if (!known) {
      roots.characters.set(character.id, characterRecord(character));
      existing.set(character.name, character.id);
    }
  }
  // Grouped once: a big import (thousands of shots, hundreds of scenes) stays linear.
  const shotIdsByScene = new Map<string, string[]>();
  for (const shot of part.shots) {
    const ids = shotIdsByScene.get(shot.sceneId) ?? [];
    ids.push(shot.id);
    shotIdsByScene.set(shot.sceneId, ids);
  }
  for (const scene of part.scenes) {
    const shotIds = shotIdsByScene.get(scene.id) ?? [];
    roots.scenes.set(scene.id, sceneRecord(scene, shotIds));
    roots.sceneOrder.push([scene.id]);
  }
  for (const shot of part.shots) {
    const characterIds = shot.characterIds.map((id) => (idFor.get(id) ?? id) as CharacterId);
    roots.shots.set(shot.id, shotRecord({ ...shot, characterIds }));
  }
}

/**
 * The project's characters by name, read straight from their records (no whole-project read: an
 * import appends in parts, and each part looks this up). Two peers may add one name at once;
 * the larger id wins, as in readProject.
 */
function characterIdsByName(doc: Y.Doc): Map<string, string> {
  const byName = new Map<string, string>();
  for (const [id, record] of rootsOf(doc).characters.entries()) {
    const name = record instanceof Y.Map ? record.get('name') : undefined;
    if (typeof name !== 'string' || name === '') continue;
    const other = byName.get(name);
    if (other === undefined || other < id) byName.set(name, id);
  }
  return byName;
}

/**
 * Adds scenes, their shots and any characters not already in the project (by name), after the
 * last scene. Parts of one import may each carry the whole cast: names already added are reused.
 */
export function appendScenes(doc: Y.Doc, part: Omit<ProjectSnapshot, 'meta'>) {
  doc.transact(() => appendScenesInTransaction(doc, part), USER_ORIGIN);
}

export function updateMeta(doc: Y.Doc, patch: Partial<Omit<ProjectMeta, 'schemaVersion'>>) {
  doc.transact(() => {
    const meta = rootsOf(doc).meta;
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined && meta.get(key) !== value) meta.set(key, value);
    }
  }, USER_ORIGIN);
}

/** The shot fields a user edits directly (model/shot.ts). */
export type ShotFieldPatch = ShotPatch;

/** Sets only the fields that changed, so concurrent edits to other fields survive. */
export function updateShot(doc: Y.Doc, shotId: ShotId, patch: ShotFieldPatch): void {
  doc.transact(() => {
    const record = rootsOf(doc).shots.get(shotId);
    if (!record) return;
    for (const [key, raw] of Object.entries(patch)) {
      if (raw === undefined) continue;
      const value = key === 'durationMs' ? clampShotDuration(raw as number) : raw;
      const isList = Array.isArray(value);
      const current = record.get(key);
      const same = isList ? JSON.stringify(current) === JSON.stringify(value) : current === value;
      if (!same) record.set(key, isList ? structuredClone(value) : value);
    }
  }, USER_ORIGIN);
}

/** The app sets a frame (a sketch it drew): not an undo step of the user's. */
export function setShotFrame(
  doc: Y.Doc,
  shotId: ShotId,
  frame: { hash: AssetHash; source: FrameSource; signature: string },
  origin: Origin = SYSTEM_ORIGIN,
): void {
  doc.transact(() => {
    const record = rootsOf(doc).shots.get(shotId);
    if (!record) return;
    // Only what changed: a sketch arriving on a shot the person sent back to its sketch leaves
    // their `frameSource` write alone, so undoing that step still has something to undo
    // (frameUndo.ts puts the picture back).
    if (record.get('frameHash') !== frame.hash) record.set('frameHash', frame.hash);
    if (record.get('frameSource') !== frame.source) record.set('frameSource', frame.source);
    if (record.get('frameSignature') !== frame.signature)
      record.set('frameSignature', frame.signature);
  }, origin);
}

/**
 * Inserts a new shot into a scene at `index` (clamped). Its number continues the scene's run or,
 * mid-scene, derives from the shot before it; no other shot is renumbered.
 *
 * This and the other operations that need the project as it is (moveShot, renumberSceneShots,
 * addScene, addSceneWithShot) take it as `snapshot`: a command passes its session's, kept up to
 * date already. Without one they read the document whole, which a big project makes slow; that
 * is for tests and one-off scripts.
 */
export function insertShot(
  doc: Y.Doc,
  sceneId: SceneId,
  index: number,
  init: Omit<ShotInit, 'id' | 'sceneId' | 'number'> = {},
  snapshot: ProjectSnapshot = readProject(doc).snapshot,
): ShotId | null {
  const scene = snapshot.scenes.find((s) => s.id === sceneId);
  const order = shotOrderOf(doc, sceneId);
  if (!scene || !order) return null;
  const numbers = snapshot.shots.filter((s) => s.sceneId === sceneId).map((s) => s.number);
  const at = Math.max(0, Math.min(index, numbers.length));
  const shot = createShot({
    ...init,
    id: newId<ShotId>(),
    sceneId,
    number: numberForNewShot(scene.number, numbers, at),
  });
  doc.transact(() => {
    rootsOf(doc).shots.set(shot.id, shotRecord(shot));
    order.insert(Math.min(at, order.length), [shot.id]);
  }, USER_ORIGIN);
  return shot.id;
}

export function deleteShot(doc: Y.Doc, shotId: ShotId): void {
  doc.transact(() => {
    const roots = rootsOf(doc);
    const sceneId = roots.shots.get(shotId)?.get('sceneId');
    if (typeof sceneId === 'string') {
      const order = shotOrderOf(doc, sceneId);
      if (order) removeId(order, shotId);
    }
    roots.shots.delete(shotId);
    deleteShotDrawing(doc, shotId);
  }, USER_ORIGIN);
}

/**
 * Moves a shot to `index` within `toSceneId` (its own scene or another). Within a scene the
 * number stays; moving into another scene gives it a number in that scene, since a shot numbered
 * `3A` in scene 5 would mislead everyone on set.
 */
export function moveShot(
  doc: Y.Doc,
  shotId: ShotId,
  toSceneId: SceneId,
  index: number,
  snapshot: ProjectSnapshot = readProject(doc).snapshot,
): void {
  const shot = snapshot.shots.find((s) => s.id === shotId);
  const target = snapshot.scenes.find((s) => s.id === toSceneId);
  const targetOrder = shotOrderOf(doc, toSceneId);
  if (!shot || !target || !targetOrder) return;
  const siblings = snapshot.shots.filter((s) => s.sceneId === toSceneId && s.id !== shotId);
  const at = Math.max(0, Math.min(index, siblings.length));
  doc.transact(() => {
    const sourceOrder = shotOrderOf(doc, shot.sceneId);
    if (sourceOrder) removeId(sourceOrder, shotId);
    removeId(targetOrder, shotId);
    // Insert relative to the sibling ids, not the raw array, which may hold stale duplicates.
    const anchor = siblings[at];
    const rawIndex = anchor ? targetOrder.toArray().indexOf(anchor.id) : targetOrder.length;
    targetOrder.insert(rawIndex < 0 ? targetOrder.length : rawIndex, [shotId]);
    if (toSceneId !== shot.sceneId) {
      const record = rootsOf(doc).shots.get(shotId);
      record?.set('sceneId', toSceneId);
      const numbers = siblings.map((s) => s.number);
      record?.set('number', numberForNewShot(target.number, numbers, at));
    }
  }, USER_ORIGIN);
}

/** The explicit clean-up: rewrites a scene's shot numbers in board order (3, 3A, 3B, …). */
export function renumberSceneShots(
  doc: Y.Doc,
  sceneId: SceneId,
  snapshot: ProjectSnapshot = readProject(doc).snapshot,
): void {
  const scene = snapshot.scenes.find((s) => s.id === sceneId);
  if (!scene) return;
  const shots = snapshot.shots.filter((s) => s.sceneId === sceneId);
  const numbers = renumberScene(scene.number, shots.length);
  doc.transact(() => {
    shots.forEach((shot, i) => {
      const record = rootsOf(doc).shots.get(shot.id);
      if (record && record.get('number') !== numbers[i]) record.set('number', numbers[i]);
    });
  }, USER_ORIGIN);
}

/** Adds an empty scene after the last one, numbered after the highest plain scene number. */
export function addScene(
  doc: Y.Doc,
  heading: string,
  snapshot: ProjectSnapshot = readProject(doc).snapshot,
): SceneId {
  return addSceneWith(doc, heading, snapshot, null).sceneId;
}

/** A new scene after the last one, numbered after the highest plain scene number. */
function addSceneWith(
  doc: Y.Doc,
  heading: string,
  snapshot: ProjectSnapshot,
  firstShot: Omit<ShotInit, 'id' | 'sceneId' | 'number'> | null,
): { sceneId: SceneId; shotId: ShotId | null } {
  const highest = snapshot.scenes.reduce((max, s) => Math.max(max, parseInt(s.number, 10) || 0), 0);
  const scene = createScene({ id: newId<SceneId>(), number: String(highest + 1), heading });
  const shot = firstShot
    ? createShot({
        ...firstShot,
        id: newId<ShotId>(),
        sceneId: scene.id,
        number: numberForNewShot(scene.number, [], 0),
      })
    : null;
  doc.transact(() => {
    const roots = rootsOf(doc);
    roots.scenes.set(scene.id, sceneRecord(scene, shot ? [shot.id] : []));
    roots.sceneOrder.push([scene.id]);
    if (shot) roots.shots.set(shot.id, shotRecord(shot));
  }, USER_ORIGIN);
  return { sceneId: scene.id, shotId: shot?.id ?? null };
}

/** Changing the heading re-derives place and time of day from it. */
export function updateSceneHeading(doc: Y.Doc, sceneId: SceneId, heading: string): void {
  doc.transact(() => {
    const record = rootsOf(doc).scenes.get(sceneId);
    if (!record) return;
    const parts = parseSceneHeading(heading);
    record.set('heading', heading);
    record.set('intExt', parts.intExt);
    record.set('location', parts.location);
    record.set('timeOfDay', parts.timeOfDay);
  }, USER_ORIGIN);
}

/** "Add scene" as the user means it: a new scene that already has its first (wide) shot. */
export function addSceneWithShot(
  doc: Y.Doc,
  heading: string,
  snapshot: ProjectSnapshot = readProject(doc).snapshot,
): ShotId | null {
  return addSceneWith(doc, heading, snapshot, { shotType: 'WS' }).shotId;
}

/** Fields a re-import may change on a shot it kept; everything else is the team's work. */
const REIMPORT_SHOT_FIELDS = [
  'action',
  'dialogue',
  'durationMs',
  'characterIds',
  'omitted',
] as const;

/**
 * Applies a reviewed re-import plan (plan/reimport) as ONE user action: one undo step brings the
 * previous draft's boards back exactly.
 */
export function applyReimport(
  doc: Y.Doc,
  plan: ReimportPlan,
  /** The whole scene order, when the plan covers only some scenes (a script edit's region). */
  sceneOrder: readonly string[] = plan.scenes.map((s) => s.id),
): void {
  doc.transact(() => {
    const roots = rootsOf(doc);
    for (const character of plan.newCharacters) {
      if (!roots.characters.has(character.id))
        roots.characters.set(character.id, characterRecord(character));
    }
    for (const id of plan.deletedShotIds) {
      roots.shots.delete(id);
      deleteShotDrawing(doc, id);
    }
    for (const id of plan.deletedSceneIds) roots.scenes.delete(id);
    for (const scene of plan.scenes) {
      const record = roots.scenes.get(scene.id);
      if (!record) {
        roots.scenes.set(scene.id, sceneRecord(scene, []));
        continue;
      }
      for (const key of ['heading', 'intExt', 'location', 'timeOfDay'] as const) {
        if (record.get(key) !== scene[key]) record.set(key, scene[key]);
      }
    }
    for (const shot of plan.shots) {
      const record = roots.shots.get(shot.id);
      if (!record) {
        roots.shots.set(shot.id, shotRecord(shot));
        continue;
      }
      for (const key of REIMPORT_SHOT_FIELDS) {
        const value = shot[key];
        if (JSON.stringify(record.get(key)) !== JSON.stringify(value)) {
          record.set(key, Array.isArray(value) ? structuredClone(value) : value);
        }
      }
    }
    replaceAll(roots.sceneOrder, sceneOrder);
    const shotsOf = new Map<string, string[]>();
    for (const shot of plan.shots) {
      const list = shotsOf.get(shot.sceneId);
      if (list) list.push(shot.id);
      else shotsOf.set(shot.sceneId, [shot.id]);
    }
    for (const scene of plan.scenes) {
      const order = shotOrderOf(doc, scene.id);
      if (order) replaceAll(order, shotsOf.get(scene.id) ?? []);
    }
  }, USER_ORIGIN);
}

function replaceAll(array: Y.Array<string>, ids: readonly string[]): void {
  const current = array.toArray();
  if (current.length === ids.length && current.every((id, i) => id === ids[i])) return;
  array.delete(0, array.length);
  array.push([...ids]);
}

// ── Generated frames and the character bible (src/ai) ───────────────────────────────────────────

/**
 * Keeps a generated image on the shot and, with `makeCurrent`, makes it the frame. An app edit
 * (the result arrives whenever the provider answers): the user's undo never eats a generation.
 */
export function addShotTake(
  doc: Y.Doc,
  shotId: ShotId,
  take: Take,
  options: { readonly makeCurrent: boolean },
): void {
  doc.transact(() => {
    const record = rootsOf(doc).shots.get(shotId);
    if (!record) return;
    takesOf(record).push([toRecord(take)]);
    if (options.makeCurrent) setTakeFrame(record, take.hash, take.source, take.kind);
  }, SYSTEM_ORIGIN);
}

/**
 * A take becomes the frame: its source says whose work the frame is (take.ts). A clip take
 * plays over the still instead (`clipHash`), which stays the frame; picking a picture take
 * stops the clip, so one click goes back to a still.
 */
function setTakeFrame(record: YRecord, hash: AssetHash, source: unknown, kind: unknown): void {
  if (kind === 'video') {
    if (record.get('clipHash') !== hash) record.set('clipHash', hash);
    return;
  }
  if ((record.get('clipHash') ?? null) !== null) record.set('clipHash', null);
  const frameSource: FrameSource = source === 'drawn' || source === 'upload' ? source : 'ai';
  record.set('frameHash', hash);
  record.set('frameSource', frameSource);
  // Only sketches are compared with a signature; a generated frame is never redrawn.
  record.set('frameSignature', '');
}

/** The user picks a take as the shot's frame: one undoable step. */
export function chooseShotTake(doc: Y.Doc, shotId: ShotId, takeId: string): void {
  doc.transact(() => {
    const record = rootsOf(doc).shots.get(shotId);
    if (!record) return;
    const take = takesOf(record)
      .toArray()
      .find((t) => t.get('id') === takeId);
    const hash = take?.get('hash');
    if (typeof hash === 'string')
      setTakeFrame(record, hash as AssetHash, take?.get('source'), take?.get('kind'));
  }, USER_ORIGIN);
}

/** The clip stops playing over the shot; its still shows again (the clip stays a take). */
export function stopShotClip(doc: Y.Doc, shotId: ShotId): void {
  doc.transact(() => {
    const record = rootsOf(doc).shots.get(shotId);
    if (record && (record.get('clipHash') ?? null) !== null) record.set('clipHash', null);
  }, USER_ORIGIN);
}

/** Back to the offline sketch: the sketch scheduler redraws it, takes are kept. */
export function returnShotToSketch(doc: Y.Doc, shotId: ShotId): void {
  doc.transact(() => {
    const record = rootsOf(doc).shots.get(shotId);
    if (!record) return;
    record.set('frameSource', 'sketch' satisfies FrameSource);
    record.set('frameSignature', '');
  }, USER_ORIGIN);
}

/** Drops a take; if it was the frame, the shot goes back to its sketch. */
export function removeShotTake(doc: Y.Doc, shotId: ShotId, takeId: string): void {
  doc.transact(() => {
    const record = rootsOf(doc).shots.get(shotId);
    if (!record) return;
    const takes = takesOf(record);
    const items = takes.toArray();
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i];
      if (item?.get('id') !== takeId) continue;
      if (record.get('clipHash') === item.get('hash')) record.set('clipHash', null);
      const source = record.get('frameSource');
      const fromTake = source === 'ai' || source === 'upload';
      if (fromTake && record.get('frameHash') === item.get('hash')) {
        record.set('frameSource', 'sketch' satisfies FrameSource);
        record.set('frameSignature', '');
      }
      takes.delete(i, 1);
    }
  }, USER_ORIGIN);
}

/** Edits the character bible; only changed fields are written, so concurrent edits survive. */
export function updateCharacter(doc: Y.Doc, id: CharacterId, patch: CharacterPatch): void {
  doc.transact(() => {
    const record = rootsOf(doc).characters.get(id);
    if (!record) return;
    for (const [key, value] of Object.entries(patch)) {
      if (typeof value === 'string' && record.get(key) !== value) record.set(key, value);
    }
  }, USER_ORIGIN);
}

/** Sets (or with null, removes) a character's sheet image. */
export function setCharacterSheet(doc: Y.Doc, id: CharacterId, hash: AssetHash | null): void {
  doc.transact(() => {
    const record = rootsOf(doc).characters.get(id);
    if (record && record.get('sheetHash') !== hash) record.set('sheetHash', hash);
  }, USER_ORIGIN);
}

/**
 * Fills the bible from an extraction (rules or an LLM) as one undo step. Only empty fields are
 * filled: what someone already wrote about a character is theirs.
 */
export function fillCharacterBible(
  doc: Y.Doc,
  entries: readonly ({ readonly id: CharacterId } & CharacterPatch)[],
): number {
  let filled = 0;
  doc.transact(() => {
    for (const { id, ...patch } of entries) {
      const record = rootsOf(doc).characters.get(id);
      if (!record) continue;
      for (const [key, value] of Object.entries(patch)) {
        const current = record.get(key);
        if (typeof value !== 'string' || !value.trim()) continue;
        if (typeof current === 'string' && current.trim()) continue;
        record.set(key, value.trim());
        filled++;
      }
    }
  }, USER_ORIGIN);
  return filled;
}

// ── History (src/ui/collab): restoring a named version ──────────────────────────────────────────

/**
 * Makes the boards what `snapshot` (a version being restored) says, as ONE user action: one undo
 * step, one update for peers. Only what differs is written, record by record and field by field,
 * so the restore is a change others merge with rather than a reload that would throw away what
 * they do meanwhile. Comments, approvals and versions are not part of a version's boards and stay.
 */
export function restoreSnapshot(doc: Y.Doc, snapshot: ProjectSnapshot): void {
  doc.transact(() => {
    const roots = rootsOf(doc);
    for (const [key, value] of Object.entries(snapshot.meta)) {
      if (key !== 'schemaVersion') setIfChanged(roots.meta, key, value);
    }
    syncRecords(roots.characters, snapshot.characters, characterRecord);
    syncRecords(roots.scenes, snapshot.scenes, (scene) => sceneRecord(scene, []));
    syncRecords(roots.shots, snapshot.shots, shotRecord);
    for (const shot of snapshot.shots) {
      const record = roots.shots.get(shot.id);
      if (record) syncTakes(record, shot.takes ?? []);
    }
    replaceAll(
      roots.sceneOrder,
      snapshot.scenes.map((s) => s.id),
    );
    for (const scene of snapshot.scenes) {
      const order = shotOrderOf(doc, scene.id);
      const ids = snapshot.shots.filter((s) => s.sceneId === scene.id).map((s) => s.id);
      if (order) replaceAll(order, ids);
    }
  }, USER_ORIGIN);
}

/** Deletes records the snapshot lacks, creates those it adds, and patches the rest in place. */
function syncRecords<T extends { readonly id: string }>(
  root: Y.Map<YRecord>,
  items: readonly T[],
  create: (item: T) => YRecord,
): void {
  const wanted = new Set(items.map((item) => item.id));
  for (const id of [...root.keys()]) if (!wanted.has(id)) root.delete(id);
  for (const item of items) {
    const record = root.get(item.id);
    if (!(record instanceof Y.Map)) {
      root.set(item.id, create(item));
      continue;
    }
    for (const [key, value] of Object.entries(item)) {
      if (key !== 'id' && key !== SHOT_TAKES) setIfChanged(record, key, value);
    }
  }
}

/** Takes are immutable records: the list differs exactly when its ids and hashes differ. */
function syncTakes(record: YRecord, takes: readonly Take[]): void {
  const list = takesOf(record);
  const key = (items: readonly { id?: unknown; hash?: unknown }[]) =>
    items.map((t) => `${String(t.id)}:${String(t.hash)}`).join('|');
  if (key(list.toArray().map(plainRecord)) === key(takes)) return;
  list.delete(0, list.length);
  list.push(takes.map((take) => toRecord(take)));
}

/**
 * Puts back the picture a shot showed before it went back to its sketch, once an undo has
 * restored its source: the sketch drawn in between was the app's write, outside the person's
 * undo history, so the undo alone would leave the sketch's pixels (and signature) under the old
 * source. An app change (the undo is the person's step); nothing when the shot is still a
 * sketch or gone.
 */
export function restoreFrameAfterUndo(
  doc: Y.Doc,
  shotId: ShotId,
  frame: { readonly hash: AssetHash; readonly signature: string },
): void {
  const record = rootsOf(doc).shots.get(shotId);
  if (!record || record.get('frameSource') === 'sketch') return;
  doc.transact(() => {
    if (record.get('frameHash') !== frame.hash) record.set('frameHash', frame.hash);
    if (record.get('frameSignature') !== frame.signature)
      record.set('frameSignature', frame.signature);
  }, SYSTEM_ORIGIN);
}
