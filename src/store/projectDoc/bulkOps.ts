import type * as Y from 'yjs';
import type { SceneId, ShotId } from '../../model/ids';
import { numberForNewShot } from '../../model/numbering';
import type { ProjectSnapshot } from '../../model/project';
import type { Shot, ShotPatch } from '../../model/shot';
import { clampShotDuration } from '../../model/units';
import { rootsOf, USER_ORIGIN } from './layout';
import { deleteShotDrawing } from './drawingOps';
import { removeId, setIfChanged, shotOrderOf } from './records';
import { StructureError } from './structureOps';

/**
 * Changes to many shots at once (a selection on the board): each is one transaction, so one
 * undo step and one update for peers. Shots of the selection that are gone by now (a collaborator
 * deleted them) are skipped; when none is left the change is refused before anything is written.
 * Only the fields a change is about are written, so a concurrent edit of another field survives.
 */

/** The selected shots that are still in the project, in board order. */
function selected(snapshot: ProjectSnapshot, shotIds: readonly ShotId[]): Shot[] {
  const wanted = new Set(shotIds);
  const shots = snapshot.shots.filter((s) => wanted.has(s.id));
  if (shots.length === 0)
    throw new StructureError('None of those shots is in the project any more');
  return shots;
}

/** Deletes the shots; returns how many went. */
export function deleteShots(
  doc: Y.Doc,
  snapshot: ProjectSnapshot,
  shotIds: readonly ShotId[],
): number {
  const shots = selected(snapshot, shotIds);
  doc.transact(() => {
    const roots = rootsOf(doc);
    for (const shot of shots) {
      const order = shotOrderOf(doc, shot.sceneId);
      if (order) removeId(order, shot.id);
      roots.shots.delete(shot.id);
      deleteShotDrawing(doc, shot.id);
    }
  }, USER_ORIGIN);
  return shots.length;
}

/**
 * Moves the shots to the end of `toSceneId`, in board order, each numbered there as a shot
 * appended to that scene (a `3A` moved into scene 5 would mislead everyone on set). Shots already
 * in that scene stay where they are. Returns how many moved.
 */
export function moveShotsToScene(
  doc: Y.Doc,
  snapshot: ProjectSnapshot,
  shotIds: readonly ShotId[],
  toSceneId: SceneId,
): number {
  const target = snapshot.scenes.find((s) => s.id === toSceneId);
  const targetOrder = shotOrderOf(doc, toSceneId);
  if (!target || !targetOrder) throw new StructureError('That scene is no longer in the project');
  const moving = selected(snapshot, shotIds).filter((s) => s.sceneId !== toSceneId);
  const numbers = snapshot.shots.filter((s) => s.sceneId === toSceneId).map((s) => s.number);
  doc.transact(() => {
    const roots = rootsOf(doc);
    for (const shot of moving) {
      const record = roots.shots.get(shot.id);
      if (!record) continue;
      const sourceOrder = shotOrderOf(doc, shot.sceneId);
      if (sourceOrder) removeId(sourceOrder, shot.id);
      removeId(targetOrder, shot.id);
      targetOrder.push([shot.id]);
      const number = numberForNewShot(target.number, numbers, numbers.length);
      numbers.push(number);
      record.set('sceneId', toSceneId);
      record.set('number', number);
    }
  }, USER_ORIGIN);
  return moving.length;
}

/** How to re-time: every shot to one length, or every length scaled (3 s at 1.5 → 4.5 s). */
export type Retime = { readonly durationMs: number } | { readonly factor: number };

/** Re-times the shots (lengths kept within a shot's bounds); returns how many changed. */
export function retimeShots(
  doc: Y.Doc,
  snapshot: ProjectSnapshot,
  shotIds: readonly ShotId[],
  retime: Retime,
): number {
  const shots = selected(snapshot, shotIds);
  let changed = 0;
  doc.transact(() => {
    const roots = rootsOf(doc);
    for (const shot of shots) {
      const next = clampShotDuration(
        'factor' in retime ? shot.durationMs * retime.factor : retime.durationMs,
      );
      const record = roots.shots.get(shot.id);
      if (!record || record.get('durationMs') === next) continue;
      record.set('durationMs', next);
      changed++;
    }
  }, USER_ORIGIN);
  return changed;
}

/** Sets the same fields on every shot (shot type, camera, notes…); returns how many shots. */
export function updateShots(
  doc: Y.Doc,
  snapshot: ProjectSnapshot,
  shotIds: readonly ShotId[],
  patch: ShotPatch,
): number {
  const shots = selected(snapshot, shotIds);
  doc.transact(() => {
    const roots = rootsOf(doc);
    for (const shot of shots) {
      const record = roots.shots.get(shot.id);
      if (!record) continue;
      for (const [key, value] of Object.entries(patch)) {
        setIfChanged(
          record,
          key,
          key === 'durationMs' ? clampShotDuration(value as number) : value,
        );
      }
    }
  }, USER_ORIGIN);
  return shots.length;
}
