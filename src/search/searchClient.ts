import * as Comlink from 'comlink';
import type { ProjectId } from '../model/ids';
import type { SearchDocument } from '../model/searchDocument';
import type { RefreshReport } from './searchKeeper';
import type { SearchHit } from './searchIndex';
import type { SearchWorkerApi } from './searchWorkerApi';

export type { RefreshReport } from './searchKeeper';
export type { SearchHit } from './searchIndex';

/** The page's side of the search worker. */
export interface SearchClient {
  /** The first refresh (cached documents loaded, changed projects read); resolves once. */
  readonly ready: Promise<RefreshReport>;
  /** Reads again what changed since (another tab, a deletion, an import). */
  refresh(): Promise<RefreshReport>;
  put(projectId: ProjectId, rowKey: string, docs: readonly SearchDocument[]): Promise<void>;
  search(query: string, limit?: number): Promise<SearchHit[]>;
  dispose(): void;
}

/** The worker as the client sees it (tests hand in one over a MessageChannel). */
export interface SearchWorkerHandle {
  readonly api: Comlink.Remote<SearchWorkerApi> | SearchWorkerApi;
  terminate(): void;
}

/** The real worker. The `new URL(…)` must stay literal so Vite finds and bundles the worker. */
export function spawnSearchWorker(): SearchWorkerHandle {
  const worker = new Worker(new URL('../../workers/search.worker.ts', import.meta.url), {
    type: 'module',
    name: 'frameline-search',
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    console.error(`The search worker failed: ${event.message || 'it could not start'}`);
  });
  return { api: Comlink.wrap<SearchWorkerApi>(worker), terminate: () => worker.terminate() };
}

/**
 * Starts the search worker on the app's database. Every call waits for the first refresh, so a
 * search typed while the index is still being built answers from the whole index.
 */
export function createSearchClient(
  dbName: string,
  spawn: () => SearchWorkerHandle = spawnSearchWorker,
): SearchClient {
  const handle = spawn();
  const ready = handle.api.start(dbName);
  const after = <T>(work: () => Promise<T>) => ready.then(work);
  return {
    ready,
    refresh: () => after(() => handle.api.refresh()),
    put: (projectId, rowKey, docs) => after(() => handle.api.put(projectId, rowKey, docs)),
    search: (query, limit) => after(() => handle.api.search(query, limit)),
    dispose: () => handle.terminate(),
  };
}
