import { useSyncExternalStore } from 'react';
import type { ProjectVersion } from '../../model/version';
import { projectDoc, type ProjectSession, type SessionState } from '../../store';
import type { ReviewSnapshot } from '../../store/projectDoc';

/**
 * The review (comments, resolutions, approvals) and the version list of the open project, read
 * from the document again only when the session's state changes (one read per transaction).
 */
interface Derived {
  readonly state: SessionState;
  readonly review: ReviewSnapshot;
  readonly versions: readonly ProjectVersion[];
}

const derived = new WeakMap<ProjectSession, Derived>();

function read(session: ProjectSession): Derived {
  const state = session.getState();
  const known = derived.get(session);
  if (known && known.state === state) return known;
  const next = {
    state,
    review: projectDoc.readReview(session.doc),
    versions: projectDoc.readVersions(session.doc),
  };
  derived.set(session, next);
  return next;
}

export function useReview(session: ProjectSession): ReviewSnapshot {
  return useSyncExternalStore(session.subscribe, () => read(session).review);
}

export function useVersions(session: ProjectSession): readonly ProjectVersion[] {
  return useSyncExternalStore(session.subscribe, () => read(session).versions);
}
