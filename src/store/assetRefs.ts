import * as Y from 'yjs';
import { isAssetHash, type AssetHash } from '../model/ids';
import { rootsOf } from './projectDoc';
import { screenStoredLog } from './storedLog';

/**
 * Every asset hash a project document mentions, read from the raw Y.Doc rather than the typed
 * snapshot: a record this version cannot read (written by a newer Frameline, or a field added
 * later, like a shot's audio) still keeps its images. Garbage collection and bundle export both
 * rely on this, so erring towards "referenced" is the safe side.
 */
export function referencedAssetHashes(doc: Y.Doc): Set<AssetHash> {
  const found = new Set<AssetHash>();
  const visit = (value: unknown, depth: number) => {
    if (depth > 8) return; // our layout is 3 deep; a hostile document gets no stack overflow
    if (isAssetHash(value)) found.add(value);
    else if (value instanceof Y.Map) for (const inner of value.values()) visit(inner, depth + 1);
    else if (value instanceof Y.Array) for (const inner of value.toArray()) visit(inner, depth + 1);
    // Plain values inside records hold hashes too: a shot's audio clips, the music bed in meta.
    else if (Array.isArray(value)) for (const inner of value) visit(inner, depth + 1);
    else if (value !== null && typeof value === 'object' && !(value instanceof Y.AbstractType)) {
      for (const inner of Object.values(value)) visit(inner, depth + 1);
    }
  };
  for (const root of Object.values(rootsOf(doc))) visit(root, 0);
  return found;
}

/**
 * Loads a stored update log into a fresh document (callers destroy it). The log is screened
 * like any project opening (storedLog.ts); what is unsafe is left out, so a damaged project
 * still shows its size in Storage and still exports.
 */
export function docFromUpdates(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  const { update } = screenStoredLog(updates);
  if (update) Y.applyUpdate(doc, update);
  return doc;
}
