import { useEffect, useSyncExternalStore } from 'react';
import type { ProjectSession } from '../../store';
import { startTabSync } from '../../sync/tabSync';

/**
 * Keeps the open project in step with the other tabs that have it open, while it is open and
 * writable. A read-only tab stops: its document may be another's (the project was replaced by an
 * import elsewhere), partial (opened without damaged parts) or of an older shape (a newer build
 * runs in another tab), and offering it to the tabs that write would merge it into the project.
 */
export function useTabSync(session: ProjectSession): void {
  const readOnly = useSyncExternalStore(session.subscribe, () => session.readOnly);
  // A recovery session is read-only too; said outright, as it never saves and lacks parts.
  const apart = readOnly || session.recovery !== null;
  useEffect(() => (apart ? undefined : startTabSync(session)), [session, apart]);
}
