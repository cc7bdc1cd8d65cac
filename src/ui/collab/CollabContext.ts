import { useSyncExternalStore } from 'react';
import type { ShotId } from '../../model/ids';
import type { Participant } from '../../model/participant';
import type { ProjectSession } from '../../store';
import type { RoomRow } from '../../store/collabTables';
import type { DeviceKey } from '../../store/deviceKey';
import type { CollabRoom } from '../../sync/collabRoom';

/**
 * What the collaboration views of the open project share: the room (null when the project is
 * not shared, or offline), who I am, and how to select a shot. A tab shows one project at a
 * time, so this is one small external store (like activeSession.ts) that CollabLayer publishes
 * and the views subscribe to, rather than a provider wrapped around the project view.
 */
export interface CollabValue {
  readonly session: ProjectSession;
  readonly room: CollabRoom | null;
  readonly roomRow: RoomRow | null;
  /** Null until the profile and device key have loaded. */
  readonly me: Participant | null;
  readonly deviceKey: DeviceKey | null;
  readonly selectedShotId: ShotId | null;
  readonly selectShot: (id: ShotId) => void;
}

let current: CollabValue | null = null;
const listeners = new Set<() => void>();

export function publishCollab(value: CollabValue | null): void {
  if (current === value) return;
  current = value;
  for (const listener of listeners) listener();
}

/** Withdraws `value` unless another project view has published since. */
export function withdrawCollab(value: CollabValue): void {
  if (current === value) publishCollab(null);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Null outside a project (the collaboration views then render nothing). */
export function useCollab(): CollabValue | null {
  return useSyncExternalStore(subscribe, () => current);
}

/**
 * Only the room: what a thousand boards need, without re-rendering each of them whenever the
 * selection or the profile changes.
 */
export function useCollabRoomOnly(): CollabRoom | null {
  return useSyncExternalStore(subscribe, () => current?.room ?? null);
}
