import { useCallback, useEffect, useRef, useState } from 'react';

/** How long typing rests before an edit is stored (and later steps go stale). */
export const DRAFT_SAVE_MS = 500;

/**
 * A value the person edits in place and that is stored a moment after they stop typing (and at
 * once on blur or when the editor goes away). A new value from outside (a regenerated step)
 * replaces the draft only when nothing typed is waiting to be stored.
 */
export function useDraft<T>(value: T, save: (next: T) => void) {
  const [draft, setDraft] = useState(value);
  // Typed and not stored yet (state, so the render can read it; the ref is for the timer).
  const [dirty, setDirty] = useState(false);
  const pending = useRef<{ value: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const waiting = pending.current;
    pending.current = null;
    setDirty(false);
    if (waiting) saveRef.current(waiting.value);
  }, []);

  const change = useCallback(
    (next: T) => {
      setDraft(next);
      setDirty(true);
      pending.current = { value: next };
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, DRAFT_SAVE_MS);
    },
    [flush],
  );

  // The stored value moved on (regenerated, another tab): show it unless typing is pending.
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (!dirty) setDraft(value);
  }

  useEffect(() => flush, [flush]);
  return { draft, change, flush };
}
