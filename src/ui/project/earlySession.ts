import type { ProjectId } from '../../model/ids';
import { markOpen, ProjectSession, type ProjectRepository } from '../../store';

/**
 * Opening a project by its URL (a reload, a link, the app's last project) used to wait for the
 * project view's code before it even began reading the document; the two are independent, so
 * main.tsx starts the opening here while the view's code loads, and useSession takes it over.
 * Nobody taking it (the URL changed first) closes it, so no session is left writing unseen.
 */
interface Early {
  readonly id: ProjectId;
  readonly opening: Promise<ProjectSession>;
  readonly unclaimed: ReturnType<typeof setTimeout>;
}

/** Long enough for any first render; a session not claimed by then is not going to be. */
const CLAIM_WITHIN_MS = 30_000;

let early: Early | null = null;

export function openEarly(repo: ProjectRepository, id: ProjectId): void {
  if (early) return;
  markOpen('start');
  const opening = ProjectSession.open(repo, id);
  // A failure is the view's to show (useSession reports it); seen here so it is not "unhandled".
  opening.catch(() => undefined);
  const unclaimed = setTimeout(() => {
    if (early?.opening !== opening) return;
    early = null;
    void opening.then((session) => session.close()).catch(() => undefined);
  }, CLAIM_WITHIN_MS);
  early = { id, opening, unclaimed };
}

/** The opening begun for `id`, once: the caller owns the session (and closes it). */
export function claimEarly(id: ProjectId): Promise<ProjectSession> | null {
  if (early?.id !== id) return null;
  const { opening, unclaimed } = early;
  clearTimeout(unclaimed);
  early = null;
  return opening;
}
