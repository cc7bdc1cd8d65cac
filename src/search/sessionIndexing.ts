import type { ProjectRepository, ProjectSession } from '../store';
import type { ProjectId } from '../model/ids';
import { documentsFor, rowKeyOf } from './searchDocuments';
import type { SearchClient } from './searchClient';

/** Edits are indexed this long after the last one: typing is not re-indexed per keystroke. */
export const SESSION_INDEX_DEBOUNCE_MS = 1_000;

/**
 * Keeps an open project's search documents up to date while it is edited (here or by peers):
 * after a pause in changes, its documents are made from the session's snapshot and comments
 * (already in memory: nothing is read from disk) and sent to the worker. Returns a function that
 * stops watching and indexes what is still pending.
 */
export function indexSessionForSearch(
  session: ProjectSession,
  projectId: ProjectId,
  repo: Pick<ProjectRepository, 'get'>,
  search: Pick<SearchClient, 'put'>,
  debounceMs = SESSION_INDEX_DEBOUNCE_MS,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let indexed = session.getState().snapshot;
  let indexedReview = session.review;

  const indexNow = async () => {
    timer = null;
    const snapshot = session.getState().snapshot;
    const review = session.review;
    if (snapshot === indexed && review === indexedReview) return;
    indexed = snapshot;
    indexedReview = review;
    await putSessionDocuments(session, projectId, repo, search);
  };
  const run = () =>
    void indexNow().catch((error: unknown) => console.warn('Search indexing failed', error));

  const unsubscribe = session.subscribe(() => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, debounceMs);
  });
  return () => {
    unsubscribe();
    if (timer) {
      clearTimeout(timer);
      run();
    }
  };
}

/**
 * Sends the open project's documents to the worker now, as the session holds them (the
 * palette does this when it opens: the stored list row, which the worker's refresh reads, lags
 * the last edit by a few seconds).
 */
export async function putSessionDocuments(
  session: ProjectSession,
  projectId: ProjectId,
  repo: Pick<ProjectRepository, 'get'>,
  search: Pick<SearchClient, 'put'>,
): Promise<void> {
  const snapshot = session.getState().snapshot;
  const comments = session.review.comments;
  const row = await repo.get(projectId);
  if (!row) return; // deleted meanwhile: the worker's next refresh drops it
  // The document's title is the truth; the row follows it a moment later.
  const titled = { ...row, title: snapshot.meta.title };
  await search.put(projectId, rowKeyOf(titled), documentsFor(titled, snapshot, comments));
}
