import { useMemo, useSyncExternalStore } from 'react';
import { parsePresence, type Peer } from '../../model/presence';
import type { CollabRoom } from '../../sync/collabRoom';

const NO_PEERS: readonly Peer[] = [];
const cache = new WeakMap<CollabRoom, { version: number; peers: readonly Peer[] }>();

/**
 * One awareness listener per room, however many components watch it: the version moves once per
 * presence change, and every derived list is worked out once per version.
 */
interface Watch {
  version: number;
  readonly listeners: Set<() => void>;
  readonly onChange: () => void;
}
const watches = new WeakMap<CollabRoom, Watch>();

function watchOf(room: CollabRoom): Watch {
  let watch = watches.get(room);
  if (!watch) {
    const created: Watch = {
      version: 0,
      listeners: new Set(),
      onChange: () => {
        created.version++;
        for (const listener of [...created.listeners]) listener();
      },
    };
    watches.set(room, created);
    watch = created;
  }
  return watch;
}

function subscribe(room: CollabRoom | null) {
  return (listener: () => void) => {
    if (!room) return () => {};
    const watch = watchOf(room);
    if (watch.listeners.size === 0) {
      watch.version++; // nobody watched for a while: what was derived may be stale
      room.awareness.on('change', watch.onChange);
    }
    watch.listeners.add(listener);
    return () => {
      watch.listeners.delete(listener);
      if (watch.listeners.size === 0) room.awareness.off('change', watch.onChange);
    };
  };
}

function versionOf(room: CollabRoom): number {
  return watchOf(room).version;
}

/**
 * Everyone else in the room with a readable presence state, by awareness client id (one per
 * tab). States that are not presence (another app, a hostile peer) are left out.
 */
function snapshot(room: CollabRoom | null): readonly Peer[] {
  if (!room) return NO_PEERS;
  const version = versionOf(room);
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

/**
 * The others who have `shotId` selected. Each board asks for its own shot: the list is worked
 * out once per presence change for all boards, and a board whose list did not change gets the
 * same array back, so a cursor moving does not re-render a thousand boards.
 */
const byShotCache = new WeakMap<
  CollabRoom,
  { version: number; byShot: Map<string, readonly Peer[]> }
>();

function peersByShot(room: CollabRoom): Map<string, readonly Peer[]> {
  const version = versionOf(room);
  const cached = byShotCache.get(room);
  if (cached && cached.version === version) return cached.byShot;
  const grouped = new Map<string, Peer[]>();
  for (const peer of snapshot(room)) {
    if (!peer.state.shotId) continue;
    const list = grouped.get(peer.state.shotId) ?? [];
    list.push(peer);
    grouped.set(peer.state.shotId, list);
  }
  const key = (list: readonly Peer[]) =>
    list
      .map(
        (p) =>
          `${p.clientId}:${p.state.user.name}:${p.state.user.color}:${p.state.drawing ? 'd' : ''}`,
      )
      .join('|');
  const byShot = new Map<string, readonly Peer[]>();
  for (const [shotId, list] of grouped) {
    const before = cached?.byShot.get(shotId);
    byShot.set(shotId, before && key(before) === key(list) ? before : list);
  }
  byShotCache.set(room, { version, byShot });
  return byShot;
}

export function usePeersOnShot(room: CollabRoom | null, shotId: string): readonly Peer[] {
  const onChange = useMemo(() => subscribe(room), [room]);
  return useSyncExternalStore(onChange, () =>
    room ? (peersByShot(room).get(shotId) ?? NO_PEERS) : NO_PEERS,
  );
}

export function usePeers(room: CollabRoom | null): readonly Peer[] {
  const onChange = useMemo(() => subscribe(room), [room]);
  return useSyncExternalStore(onChange, () => snapshot(room));
}
