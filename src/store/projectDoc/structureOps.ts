import type * as Y from 'yjs';
import { newAudioClipId } from '../../model/audio';
import { newId, type SceneId, type ShotId } from '../../model/ids';
import { numberForNewShot } from '../../model/numbering';
import type { ProjectSnapshot } from '../../model/project';
import type { Shot } from '../../model/shot';
import { planMerge } from '../../model/shotMerge';
import { planSplit } from '../../model/shotSplit';
import { copyShotDrawing, deleteShotDrawing } from './drawingOps';
import { rootsOf, SHOT_TAKES, USER_ORIGIN, type YRecord } from './layout';
import { removeId, setIfChanged, shotOrderOf, shotRecord, takesOf, toRecord } from './records';

/**
 * Changes to the board's structure: deleting a scene, duplicating, splitting and merging shots,
 * bringing back an OMITTED shot. The planning (what goes where, how time and numbers are given)
 * is pure and lives in src/model; this file writes a plan into the document, touching only what
 * the plan changes so that a collaborator's edit to anything else survives.
 *
 * Each function reads the project as `snapshot` (the caller's, from just before) and throws,
 * before writing anything, when what it is asked to change is not there.
 */

export class StructureError extends Error {
  override readonly name = 'StructureError';
}

function shotIn(snapshot: ProjectSnapshot, shotId: ShotId): Shot {
  const shot = snapshot.shots.find((s) => s.id === shotId);
  if (!shot) throw new StructureError('That shot is no longer in the project');
  return shot;
}

function sceneShots(snapshot: ProjectSnapshot, sceneId: SceneId): Shot[] {
  return snapshot.shots.filter((s) => s.sceneId === sceneId);
}

/** A number for a shot placed right after `after` in its scene; no existing number changes. */
function numberAfter(snapshot: ProjectSnapshot, after: Shot): string {
  const scene = snapshot.scenes.find((s) => s.id === after.sceneId);
  if (!scene) throw new StructureError(`Shot ${after.number} has no scene`);
  const siblings = sceneShots(snapshot, after.sceneId);
  const at = siblings.findIndex((s) => s.id === after.id) + 1;
  return numberForNewShot(
    scene.number,
    siblings.map((s) => s.number),
    at,
  );
}

/** Puts `shot` into its scene's order right after `afterId` (first occurrence, as read.ts does). */
function placeAfter(doc: Y.Doc, shot: Shot, afterId: ShotId): void {
  rootsOf(doc).shots.set(shot.id, shotRecord(shot));
  const order = shotOrderOf(doc, shot.sceneId);
  if (!order) return;
  const at = order.toArray().indexOf(afterId);
  order.insert(at < 0 ? order.length : at + 1, [shot.id]);
}

/** Writes the plain fields of `shot` that differ from its record; takes are handled apart. */
function patchRecord(record: YRecord, shot: Shot): void {
  for (const [key, value] of Object.entries(shot)) {
    if (key !== 'id' && key !== SHOT_TAKES) setIfChanged(record, key, value);
  }
}

/**
 * Deletes a scene and every shot in it (by the shot's own `sceneId`, so a shot a collaborator
 * just moved in goes too and one just moved out stays). Comments and approvals of those shots
 * are not touched: undo brings the shots back with their threads. Returns how many shots went.
 */
export function deleteScene(doc: Y.Doc, sceneId: SceneId): number {
  const roots = rootsOf(doc);
  if (!roots.scenes.has(sceneId))
    throw new StructureError('That scene is no longer in the project');
  const shotIds = [...roots.shots.entries()]
    .filter(([, record]) => record.get('sceneId') === sceneId)
    .map(([id]) => id);
  doc.transact(() => {
    for (const id of shotIds) {
      roots.shots.delete(id);
      deleteShotDrawing(doc, id);
    }
    removeId(roots.sceneOrder, sceneId);
    roots.scenes.delete(sceneId);
  }, USER_ORIGIN);
  return shotIds.length;
}

/**
 * A copy of a shot right after it, numbered as an insert there (`3A` → `3A.1`): the same frame,
 * camera, text, sound, takes and drawing (its layers and items under new ids), ready to be
 * changed. Returns the copy's id.
 */
export function duplicateShot(doc: Y.Doc, snapshot: ProjectSnapshot, shotId: ShotId): ShotId {
  const original = shotIn(snapshot, shotId);
  const copy: Shot = { ...original, id: newId<ShotId>(), number: numberAfter(snapshot, original) };
  doc.transact(() => {
    placeAfter(doc, copy, original.id);
    copyShotDrawing(doc, original.id, copy.id);
  }, USER_ORIGIN);
  return copy.id;
}

/**
 * Splits a shot before its line `atLine` (model/shotSplit.ts): the original keeps the lines
 * before, a new shot right after it gets the rest. Returns the new shot's id.
 */
export function splitShot(
  doc: Y.Doc,
  snapshot: ProjectSnapshot,
  shotId: ShotId,
  atLine: number,
): ShotId {
  const original = shotIn(snapshot, shotId);
  const next = { id: newId<ShotId>(), number: numberAfter(snapshot, original) };
  const { first, second } = planSplit(original, atLine, next);
  const record = rootsOf(doc).shots.get(shotId);
  if (!record) throw new StructureError('That shot is no longer in the project');
  doc.transact(() => {
    patchRecord(record, first);
    placeAfter(doc, second, original.id);
  }, USER_ORIGIN);
  return second.id;
}

/**
 * Merges shots of one scene into the first of them in board order (model/shotMerge.ts); the
 * others are deleted. Returns the merged shot's id.
 */
export function mergeShots(
  doc: Y.Doc,
  snapshot: ProjectSnapshot,
  shotIds: readonly ShotId[],
): ShotId {
  const wanted = new Set(shotIds);
  for (const id of wanted) shotIn(snapshot, id);
  const shots = snapshot.shots.filter((s) => wanted.has(s.id));
  const merged = planMerge(shots, newAudioClipId);
  const roots = rootsOf(doc);
  const record = roots.shots.get(merged.id);
  if (!record) throw new StructureError('That shot is no longer in the project');
  doc.transact(() => {
    patchRecord(record, merged);
    // Takes are kept by appending the ones the merged shot lacks, never by rewriting its list.
    const takes = takesOf(record);
    const have = new Set(
      takes.toArray().map((t) => `${String(t.get('id'))}:${String(t.get('hash'))}`),
    );
    for (const take of merged.takes) {
      if (!have.has(`${take.id}:${take.hash}`)) takes.push([toRecord(take)]);
    }
    for (const shot of shots.slice(1)) {
      const order = shotOrderOf(doc, shot.sceneId);
      if (order) removeId(order, shot.id);
      roots.shots.delete(shot.id);
      deleteShotDrawing(doc, shot.id);
    }
  }, USER_ORIGIN);
  return merged.id;
}

/**
 * Marks a shot OMITTED: it stays on the board with its frame and takes, out of the animatic and
 * the render, until someone restores or deletes it (a suggestion to drop the shot, say).
 */
export function omitShot(doc: Y.Doc, shotId: ShotId): void {
  const record = rootsOf(doc).shots.get(shotId);
  if (!record) throw new StructureError('That shot is no longer in the project');
  doc.transact(() => setIfChanged(record, 'omitted', true), USER_ORIGIN);
}

/** Brings an OMITTED shot back into the animatic (a new draft cut its beat; someone wants it). */
export function restoreShot(doc: Y.Doc, shotId: ShotId): void {
  const record = rootsOf(doc).shots.get(shotId);
  if (!record) throw new StructureError('That shot is no longer in the project');
  doc.transact(() => setIfChanged(record, 'omitted', false), USER_ORIGIN);
}
