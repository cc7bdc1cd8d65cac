import { useSyncExternalStore } from 'react';
import type { CollabRoom, RoomStatus } from '../../sync/collabRoom';
import type { SyncProblem } from '../../sync/syncLog';

const NONE = () => () => {};
const NO_PROBLEMS: readonly SyncProblem[] = [];

export function useRoomStatus(room: CollabRoom | null): RoomStatus | null {
  return useSyncExternalStore(room?.subscribe ?? NONE, () => room?.getStatus() ?? null);
}

export function useSyncProblems(room: CollabRoom | null): readonly SyncProblem[] {
  return useSyncExternalStore(room?.log.subscribe ?? NONE, () =>
    room ? room.log.getProblems() : NO_PROBLEMS,
  );
}
