import type { EntityTable } from 'dexie';
import type { ProjectId } from '../model/ids';
import type { SearchDocument } from '../model/searchDocument';
import type { FramelineDb } from './db';

/**
 * A project's search documents as last indexed (db.ts, version 8): the search worker rebuilds
 * its index from these rows when the app opens instead of opening every project's document, and
 * re-reads only the projects whose list row says they changed since `indexedAt`.
 */
export interface SearchDocsRow {
  readonly projectId: ProjectId;
  /** When these documents were made (taken before the project was read: later edits are newer). */
  readonly indexedAt: number;
  /** What of the list row went into them (title, tags): a rename or a new tag re-indexes too. */
  readonly rowKey: string;
  readonly docs: readonly SearchDocument[];
}

export type SearchDb = FramelineDb & { searchDocs: EntityTable<SearchDocsRow, 'projectId'> };

/** The same database seen with its search table (declared in db.ts as version 8). */
export function searchTables(db: FramelineDb): SearchDb {
  return db as SearchDb;
}
