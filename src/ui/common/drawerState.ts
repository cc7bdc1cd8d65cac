import { useSyncExternalStore } from 'react';

/**
 * How many side drawers (History, Review) are open. A drawer lies over the inspector: while one
 * is, the inspector is inert, so Tab and a screen reader never land on fields nobody can see.
 */
let open = 0;
const listeners = new Set<() => void>();

export function drawerOpened(): () => void {
  open++;
  listeners.forEach((listener) => listener());
  return () => {
    open--;
    listeners.forEach((listener) => listener());
  };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useDrawerOpen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => open > 0,
    () => false,
  );
}
