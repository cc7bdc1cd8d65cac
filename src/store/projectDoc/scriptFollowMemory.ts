import type * as Y from 'yjs';
import type { ReimportPlan } from '../../plan/reimport';
import type { FollowedScript } from '../../plan/scriptRegion';
import { rootsOf } from './layout';
import { touchedBy } from './touched';

/**
 * What a document's last follow of its script left (scriptText.ts `followScriptText`): the text
 * the boards were brought up to, so the next follow reads only the scenes changed since. It is
 * forgotten the moment anything else changes the boards or the cast (a collaborator's follow, an
 * undo, the inspector, a remote update): the next follow then reads the whole text again, so a
 * region is only ever aligned against boards the last follow made.
 */
export interface FollowMemory {
  followed: FollowedScript | null;
  /** The transaction the last follow ran in: its own writes do not make it forget. */
  transaction: Y.Transaction | null;
}

const memories = new WeakMap<Y.Doc, FollowMemory>();

export function followMemoryOf(doc: Y.Doc): FollowMemory {
  const known = memories.get(doc);
  if (known) return known;
  const memory: FollowMemory = { followed: null, transaction: null };
  memories.set(doc, memory);
  const roots = rootsOf(doc);
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (transaction === memory.transaction) {
      memory.transaction = null;
      return;
    }
    if (memory.followed === null || transaction.changed.size === 0) return;
    const touched = touchedBy(transaction, roots);
    if (
      touched.all ||
      touched.sceneList ||
      touched.scenes.size > 0 ||
      touched.shotOrders.size > 0 ||
      touched.shotList ||
      touched.shots.size > 0 ||
      touched.characterList ||
      touched.characters.size > 0
    )
      memory.followed = null;
  });
  return memory;
}

/** A follow that changes nothing. */
export const EMPTY_PLAN: ReimportPlan = {
  scenes: [],
  shots: [],
  newCharacters: [],
  sceneChanges: [],
  shotChanges: [],
  deletedShotIds: [],
  deletedSceneIds: [],
};
