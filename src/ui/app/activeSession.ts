import type { ProjectSession } from '../../store';

/**
 * The project open in this tab, if any. Imports use it: a screenplay dropped onto an empty open
 * project fills that project instead of making another.
 */
let active: ProjectSession | null = null;

export function setActiveSession(session: ProjectSession | null): void {
  active = session;
}

export function getActiveSession(): ProjectSession | null {
  return active;
}
