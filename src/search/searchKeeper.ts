import type { ProjectId } from '../model/ids';
import type { SearchDocument } from '../model/searchDocument';
import { ProjectRepository, searchTables, type FramelineDb, type SearchDocsRow } from '../store';
import { documentsFor, rowKeyOf } from './searchDocuments';
import { SearchIndex, type SearchHit } from './searchIndex';

/** What one refresh did, for the benchmark and for logs. */
export interface RefreshReport {
  /** Projects whose cached documents were loaded into the index (the first refresh only). */
  readonly loaded: number;
  /** Projects read again from their stored document (new, changed, renamed). */
  readonly reread: number;
  /** Projects dropped (deleted, purged). */
  readonly removed: number;
  readonly ms: number;
}

/**
 * Keeps the search index in step with the stored projects; runs in the search worker with its
 * own connection to the database. The index itself lives in memory only and is rebuilt, on the
 * first refresh, from each project's cached documents (searchTable.ts): building from plain
 * documents takes a fraction of the time opening every Y.Doc would (see bench:search), and the
 * cache holds no MiniSearch format that a library update could invalidate. A project is read
 * again only when its list row changed after its documents were made.
 */
export class SearchKeeper {
  readonly index = new SearchIndex();
  private readonly cached = new Map<ProjectId, Pick<SearchDocsRow, 'indexedAt' | 'rowKey'>>();
  private loaded = false;
  private readonly repo: ProjectRepository;
  /** One refresh or update at a time: two refreshes racing would read a project twice. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: FramelineDb,
    private readonly now: () => number = Date.now,
  ) {
    this.repo = new ProjectRepository(db, null);
  }

  /** Brings the index up to date with what is stored: changed projects read, deleted dropped. */
  refresh(): Promise<RefreshReport> {
    return this.serially(() => this.refreshNow());
  }

  /** Indexes documents an open session made (newer than what is stored: it has just changed). */
  put(projectId: ProjectId, rowKey: string, docs: readonly SearchDocument[]): Promise<void> {
    return this.serially(async () => {
      const indexedAt = this.now();
      this.index.replaceProject(projectId, docs);
      this.cached.set(projectId, { indexedAt, rowKey });
      await searchTables(this.db).searchDocs.put({ projectId, indexedAt, rowKey, docs });
    });
  }

  search(query: string, limit?: number): SearchHit[] {
    return this.index.search(query, { limit });
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async refreshNow(): Promise<RefreshReport> {
    const started = performance.now();
    const table = searchTables(this.db).searchDocs;
    const rows = (await this.db.projects.toArray()).filter((row) => row.deletedAt === null);
    const live = new Map(rows.map((row) => [row.id, row] as const));
    let loaded = 0;
    if (!this.loaded) {
      this.loaded = true;
      for (const row of await table.toArray()) {
        if (!live.has(row.projectId)) continue;
        this.index.replaceProject(row.projectId, row.docs);
        this.cached.set(row.projectId, { indexedAt: row.indexedAt, rowKey: row.rowKey });
        loaded += 1;
      }
    }
    const gone = [...this.cached.keys()].filter((id) => !live.has(id));
    const stale = (await table.toCollection().primaryKeys()).filter((id) => !live.has(id));
    for (const id of gone) {
      this.index.removeProject(id);
      this.cached.delete(id);
    }
    await table.bulkDelete([...new Set([...gone, ...stale])]);
    let reread = 0;
    for (const row of rows) {
      const cached = this.cached.get(row.id);
      const rowKey = rowKeyOf(row);
      // Equal times count as changed: an edit saved in the same millisecond as the read began.
      if (cached && cached.rowKey === rowKey && row.updatedAt < cached.indexedAt) continue;
      // Taken before reading: an edit saved while this reads makes the row newer than this.
      const indexedAt = this.now();
      const content = await this.repo.readStored(row.id);
      const docs = content ? documentsFor(row, content.snapshot, content.comments) : [];
      this.index.replaceProject(row.id, docs);
      this.cached.set(row.id, { indexedAt, rowKey });
      await table.put({ projectId: row.id, indexedAt, rowKey, docs });
      reread += 1;
    }
    return { loaded, reread, removed: gone.length, ms: performance.now() - started };
  }
}
