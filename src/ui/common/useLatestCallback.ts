import { useCallback, useLayoutEffect, useRef } from 'react';

/**
 * A function that keeps its identity for the component's life and always calls the latest
 * `callback` (what React's `useEffectEvent` does for effects, for event handlers passed to
 * memoised children). A list of thousands of boards gets the same handler on every render, so
 * boards whose own data did not change skip rendering. Not for use during render.
 */
export function useLatestCallback<A extends unknown[], R>(
  callback: (...args: A) => R,
): (...args: A) => R {
  const latest = useRef(callback);
  useLayoutEffect(() => {
    latest.current = callback;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}
