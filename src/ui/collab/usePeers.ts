import { useMemo, useSyncExternalStore } from 'react';
import { parsePresence, type Peer } from '../../model/presence';
import type { CollabRoom } from '../../sync/collabRoom';

const NO_PEERS: readonly Peer[] = [];
const cache = new WeakMap<CollabRoom, { version: number; peers: readonly Peer[] }>();
const versions = new WeakMap<CollabRoom, number>();

function subscribe(room: CollabRoom | null) {
  return (listener: () => void) => {
    if (!room) return () => {};
    const onChange = () => {
      versions.set(room, (versions.get(room) ?? 0) + 1);
      listener();
    };
    room.awareness.on('change', onChange);
    return () => room.awareness.off('change', onChange);
  };
}

/**
 * Everyone else in the room with a readable presence state, by awareness client id (one per
 * tab). States that are not presence (another app, a hostile peer) are left out.
 */
function snapshot(room: CollabRoom | null): readonly Peer[] {
  if (!room) return NO_PEERS;
  const version = versions.get(room) ?? 0;
  const cached = cache.get(room);
  if (cached && cached.version === version) return cached.peers;
  const own = room.awareness.clientID;
  const peers: Peer[] = [];
  for (const [clientId, raw] of room.awareness.getStates()) {
    if (clientId === own) continue;
    const state = parsePresence(raw);
    if (state) peers.push({ clientId, state });
  }
  peers.sort((a, b) => a.clientId - b.clientId);
  cache.set(room, { version, peers });
  return peers;
}

export function usePeers(room: CollabRoom | null): readonly Peer[] {
  const onChange = useMemo(() => subscribe(room), [room]);
  return useSyncExternalStore(onChange, () => snapshot(room));
}
