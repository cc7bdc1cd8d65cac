import type { SketchScheduler } from '../../ai/sketchScheduler';
import type { ProjectSession } from '../../store';

/**
 * The project open in this tab, if any. Imports use it: a screenplay dropped onto an empty open
 * project fills that project instead of making another.
 */
let active: ProjectSession | null = null;
/** Its sketch scheduler: a pipeline run on the open project waits on it before rendering. */
let activeSketches: SketchScheduler | null = null;

export function setActiveSession(
  session: ProjectSession | null,
  sketches: SketchScheduler | null = null,
): void {
  active = session;
  activeSketches = session ? sketches : null;
}

/** The open project with its sketch scheduler, if both are there. */
export function getActiveProject(): {
  readonly session: ProjectSession;
  readonly sketches: SketchScheduler;
} | null {
  return active && activeSketches ? { session: active, sketches: activeSketches } : null;
}

export function getActiveSession(): ProjectSession | null {
  return active;
}
