import { useSyncExternalStore } from 'react';
import type { ShotId } from '../../model/ids';

/**
 * Which shot the frame editor is open on (null: closed). A tiny store, so a board's
 * double-click and the inspector's Draw button open it without threading props through the grid.
 */
let openShot: ShotId | null = null;
const listeners = new Set<() => void>();

export function openFrameEditor(shotId: ShotId): void {
  openShot = shotId;
  listeners.forEach((listener) => listener());
}

export function closeFrameEditor(): void {
  openShot = null;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useOpenFrameEditor(): ShotId | null {
  return useSyncExternalStore(subscribe, () => openShot);
}
