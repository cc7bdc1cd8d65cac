import { useRef, useSyncExternalStore } from 'react';
import type { ProjectSession, SessionState } from '../../store';

/**
 * A part of the session's state, for a component that shows only that part: it re-renders when
 * `select` gives a value that is not `isEqual` to the last one, not on every change of the
 * project (a keystroke in one shot replaces the whole state). `select` must depend on the state
 * alone (it is read again only when the state object changes).
 */
export function useSessionSelector<T>(
  session: ProjectSession,
  select: (state: SessionState) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  const last = useRef<{ state: SessionState; value: T } | null>(null);
  const read = () => {
    const state = session.getState();
    const before = last.current;
    if (before?.state === state) return before.value;
    const next = select(state);
    const value = before && isEqual(before.value, next) ? before.value : next;
    last.current = { state, value };
    return value;
  };
  return useSyncExternalStore(session.subscribe, read);
}

/** Shallow equality of two records of plain values (the usual `isEqual` for a selector's facts). */
export function sameFields<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as (keyof T)[];
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
}

/**
 * Whether the session is read-only, for a memoised component: `memo` skips a render when its
 * props are the same, and a tab turned read-only (a newer Frameline elsewhere) changes no prop,
 * so a component that reads `session.readOnly` while rendering must subscribe to it here.
 */
export function useReadOnly(session: ProjectSession): boolean {
  return useSyncExternalStore(session.subscribe, () => session.readOnly);
}
