import type { AssetHash } from '../model/ids';

/**
 * "These bytes are here now": said by whoever stores an asset the screen may be waiting for (a
 * frame that arrived from a peer). Views showing a placeholder for that hash listen and load it.
 */
type Listener = () => void;
const listeners = new Map<AssetHash, Set<Listener>>();

export function onAssetStored(hash: AssetHash, listener: Listener): () => void {
  const set = listeners.get(hash) ?? new Set<Listener>();
  set.add(listener);
  listeners.set(hash, set);
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(hash);
  };
}

export function notifyAssetStored(hash: AssetHash): void {
  for (const listener of [...(listeners.get(hash) ?? [])]) listener();
}
