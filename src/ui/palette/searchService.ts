import type { ProjectId } from '../../model/ids';
import { createSearchClient, type SearchClient } from '../../search/searchClient';
import { indexSessionForSearch, putSessionDocuments } from '../../search/sessionIndexing';
import { DEFAULT_DB_NAME, type ProjectRepository, type ProjectSession } from '../../store';

/**
 * The page's one search worker, started the first time the palette opens (not with the app: it
 * reads every changed project when it starts, and most visits never search). Until then, edits
 * are not sent anywhere: the worker's first refresh reads every project whose list row changed
 * since it was last indexed, so nothing is missed.
 */
let client: SearchClient | null = null;
/** Sends an open project's documents now (the project view registers one while it is open). */
const openProjects = new Set<() => Promise<void>>();

function startSearch(): SearchClient {
  client ??= createSearchClient(DEFAULT_DB_NAME);
  return client;
}

/**
 * The search worker, started if need be, once it has what is open here and what changed
 * elsewhere (another tab, an import, a deletion) since it last looked.
 */
export async function freshSearch(): Promise<SearchClient> {
  const search = startSearch();
  await Promise.all([...openProjects].map((put) => put()));
  await search.refresh();
  return search;
}

/** The search worker if the palette has started it. */
export function startedSearch(): SearchClient | null {
  return client;
}

/**
 * Keeps an open project's search documents current in the worker while it is edited (after a
 * pause, from the session's memory), once the worker runs. Returns the function that stops.
 */
export function indexOpenProject(
  session: ProjectSession,
  projectId: ProjectId,
  repo: Pick<ProjectRepository, 'get'>,
): () => void {
  const toWorker = {
    put: (...args: Parameters<SearchClient['put']>) => client?.put(...args) ?? Promise.resolve(),
  };
  const stop = indexSessionForSearch(session, projectId, repo, toWorker);
  const putNow = () => putSessionDocuments(session, projectId, repo, startSearch());
  openProjects.add(putNow);
  return () => {
    openProjects.delete(putNow);
    stop();
  };
}
