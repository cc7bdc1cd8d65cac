import type * as Y from 'yjs';
import type { SceneId, ShotId } from '../../model/ids';
import type { ProjectSnapshot } from '../../model/project';
import { createShot, type FrameSource } from '../../model/shot';
import type { Take } from '../../model/take';
import { rootsOf, USER_ORIGIN, type YRecord } from './layout';
import { insertShot } from './operations';
import { takesOf, toRecord } from './records';

function setUploadFrame(record: YRecord, take: Take): void {
  takesOf(record).push([toRecord(take)]);
  record.set('frameHash', take.hash);
  record.set('frameSource', 'upload' satisfies FrameSource);
  // Only sketches are compared with a signature; an uploaded frame is never redrawn.
  record.set('frameSignature', '');
}

/**
 * Pictures a person brought become their shots' frames, each kept as a take; `extra` pictures
 * become new shots at the end of their scene, numbered on from its last. All in one transaction:
 * one undo takes every picture of a drop back. Returns the new shots' ids.
 */
export function putPictures(
  doc: Y.Doc,
  placements: readonly { readonly shotId: ShotId; readonly take: Take }[],
  extra: { readonly sceneId: SceneId; readonly takes: readonly Take[] } | null,
  snapshot: ProjectSnapshot,
): ShotId[] {
  const added: ShotId[] = [];
  doc.transact(() => {
    const shots = rootsOf(doc).shots;
    for (const { shotId, take } of placements) {
      const record = shots.get(shotId);
      if (record) setUploadFrame(record, take);
    }
    if (!extra) return;
    let known = snapshot;
    for (const take of extra.takes) {
      const index = known.shots.filter((s) => s.sceneId === extra.sceneId).length;
      const id = insertShot(doc, extra.sceneId, index, {}, known);
      const record = id ? shots.get(id) : undefined;
      if (!id || !record) return;
      setUploadFrame(record, take);
      added.push(id);
      // The next new shot numbers on from this one.
      const number = String(record.get('number'));
      known = {
        ...known,
        shots: [...known.shots, createShot({ id, sceneId: extra.sceneId, number })],
      };
    }
  }, USER_ORIGIN);
  return added;
}
