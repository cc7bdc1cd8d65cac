import { useEffect } from 'react';
import type { ProjectSession } from '../../store';

/**
 * Asks before the tab closes or reloads while closing would lose an edit: one that is neither in
 * IndexedDB nor in the journal, or any edit while IndexedDB refuses writes (a full disk). The
 * browser shows its own words; the project's alert says what to do.
 */
export function useCloseWarning(session: ProjectSession): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!session.hasUnsavedEdits) return;
      event.preventDefault();
      event.returnValue = ''; // older Chromium asks only when this is set
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [session]);
}
