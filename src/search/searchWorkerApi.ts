import type { ProjectId } from '../model/ids';
import type { SearchDocument } from '../model/searchDocument';
import { openDb } from '../store';
import { SearchKeeper, type RefreshReport } from './searchKeeper';
import type { SearchHit } from './searchIndex';

/** What workers/search.worker.ts exposes over comlink; searchClient.ts is typed against this. */
export interface SearchWorkerApi {
  /** Opens the app's database by name (tests use their own) and brings the index up to date. */
  start(dbName: string): Promise<RefreshReport>;
  refresh(): Promise<RefreshReport>;
  put(projectId: ProjectId, rowKey: string, docs: readonly SearchDocument[]): Promise<void>;
  search(query: string, limit?: number): Promise<SearchHit[]>;
}

/** The handler, apart from the worker file so Node tests run it over a MessageChannel. */
export function createSearchWorkerApi(): SearchWorkerApi {
  let keeper: SearchKeeper | null = null;
  const started = (): SearchKeeper => {
    if (!keeper) throw new Error('The search worker was asked before start(): nothing is indexed.');
    return keeper;
  };
  return {
    async start(dbName) {
      keeper ??= new SearchKeeper(openDb(dbName));
      return keeper.refresh();
    },
    refresh: () => started().refresh(),
    put: (projectId, rowKey, docs) => started().put(projectId, rowKey, docs),
    search: async (query, limit) => started().search(query, limit),
  };
}
