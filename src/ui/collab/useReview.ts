import { useSyncExternalStore } from 'react';
import type { ProjectVersion } from '../../model/version';
import type { ProjectSession, ReviewSnapshot } from '../../store';

/** The review (comments, resolutions, approvals) of the open project, kept current. */
export function useReview(session: ProjectSession): ReviewSnapshot {
  return useSyncExternalStore(session.subscribe, () => session.review);
}

/** The project's saved versions, newest first, kept current. */
export function useVersions(session: ProjectSession): readonly ProjectVersion[] {
  return useSyncExternalStore(session.subscribe, () => session.versions);
}
