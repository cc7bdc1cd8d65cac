import * as Y from 'yjs';
import { isAssetHash, type AssetHash } from '../../model/ids';
import { rootsOf } from '../../store/projectDoc';

/** Our layout is three levels deep; a hostile document gets no deeper walk than this. */
const MAX_WALK_DEPTH = 8;

/**
 * Every asset hash the project document mentions (frames, takes, character sheets, version
 * states…), read from the raw document so fields this version does not know still count. This is
 * what a peer lacking bytes asks for, and the only set a peer may ask us for.
 */
export function projectAssetHashes(doc: Y.Doc): Set<AssetHash> {
  const found = new Set<AssetHash>();
  const visit = (value: unknown, depth: number) => {
    if (depth > MAX_WALK_DEPTH) return;
    if (isAssetHash(value)) found.add(value);
    else if (value instanceof Y.Map) for (const inner of value.values()) visit(inner, depth + 1);
    else if (value instanceof Y.Array) for (const inner of value.toArray()) visit(inner, depth + 1);
    else if (value !== null && typeof value === 'object') {
      for (const inner of Object.values(value as Record<string, unknown>)) visit(inner, depth + 1);
    }
  };
  for (const root of Object.values(rootsOf(doc))) visit(root, 0);
  return found;
}
