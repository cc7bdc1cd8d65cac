import { liveQuery } from 'dexie';
import { newId, type ProjectId } from '../model/ids';
import type { ProjectSnapshot } from '../model/project';
import type { FramelineDb, ProjectRow } from './db';
import type { PersistenceEvents } from './docPersistence';
import {
  browserJournalStorage,
  discardJournal,
  type JournalStorage,
} from './durability/editJournal';
import { lastGoodTables } from './lastGoodTable';
import type { NewProjectSummary, OpenProject } from './openProject';
import type { StoredProjectContent } from './projectDocuments';
import { readStoredRows } from './storedRows';

export type { NewProjectSummary, OpenProject } from './openProject';

/** How long a deleted project can be brought back before it is purged for good. */
export const DELETE_UNDO_WINDOW_MS = 60_000;

/** The document half (Yjs, schemas, migrations), loaded with the first project made or opened. */
const loadDocuments = () => import('./projectDocuments');

/** Project-level storage: the list, creation, deletion with undo, and opening a document. */
export class ProjectRepository {
  constructor(
    readonly db: FramelineDb,
    /** Where open projects journal their edits (localStorage in a page; tests bring their own). */
    private readonly journal: JournalStorage | null = browserJournalStorage(),
  ) {}

  /** Creates a project from a snapshot (empty, a breakdown, or an imported JSON) and saves it. */
  async create(snapshot: ProjectSnapshot | { title: string }): Promise<ProjectId> {
    const { newProjectUpdate } = await loadDocuments();
    const { update, summary } = newProjectUpdate(snapshot);
    return this.createFromUpdate(update, summary);
  }

  /**
   * Saves a new project whose whole document was built elsewhere (`snapshotToUpdate`, run by the
   * screenplay worker for big imports so the page writes no document). `summary` is what the
   * project list shows; the persistence client keeps it in step once the project is edited.
   */
  async createFromUpdate(update: Uint8Array, summary: NewProjectSummary): Promise<ProjectId> {
    const id = newId<ProjectId>();
    const now = Date.now();
    await this.db.transaction('rw', this.db.projects, this.db.docUpdates, async () => {
      await this.db.projects.add({
        id,
        ...summary,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
      });
      await this.db.docUpdates.add({ projectId: id, update });
    });
    return id;
  }

  /** Projects not deleted, most recently edited first. */
  async list(): Promise<ProjectRow[]> {
    const rows = await this.db.projects.orderBy('updatedAt').reverse().toArray();
    return rows.filter((row) => row.deletedAt === null);
  }

  /** Calls back with the list now and after every change, from any tab. Returns unsubscribe. */
  watch(onRows: (rows: ProjectRow[]) => void, onError: (error: Error) => void): () => void {
    const subscription = liveQuery(() => this.list()).subscribe({
      next: onRows,
      error: (e: unknown) => onError(e instanceof Error ? e : new Error(String(e))),
    });
    return () => subscription.unsubscribe();
  }

  async get(id: ProjectId): Promise<ProjectRow | undefined> {
    const row = await this.db.projects.get(id);
    return row && row.deletedAt === null ? row : undefined;
  }

  /**
   * Opens a project's document. A stored log with damage (storedLog.ts) rejects with a
   * DamagedProjectError; `{ skipDamage: true }` opens what can be opened safely instead, and then
   * never writes (the document lacks parts the log still has).
   */
  async open(
    id: ProjectId,
    events: PersistenceEvents = {},
    options: { readonly skipDamage?: boolean } = {},
  ): Promise<OpenProject> {
    // The code, the row and the stored log are independent: fetched side by side, not one after
    // the other (the log of a big project takes as long to read as the code takes to load).
    const rows = readStoredRows(this.db, id);
    rows.catch(() => undefined); // seen by the load below; not "unhandled" if the row is gone
    const [row, { openProjectDocument }] = await Promise.all([this.get(id), loadDocuments()]);
    if (!row) throw new Error('This project does not exist any more.');
    return openProjectDocument(this.db, this.journal, id, events, { ...options, rows });
  }

  /** Reads a project's snapshot without keeping it open (exports, duplicates). */
  async readSnapshot(id: ProjectId): Promise<ProjectSnapshot> {
    const [{ readSnapshotOf }, project] = await Promise.all([loadDocuments(), this.open(id)]);
    try {
      return readSnapshotOf(project);
    } finally {
      await project.close();
    }
  }

  /** The boards and comments of a stored project, read without opening it (search). */
  async readStored(id: ProjectId): Promise<StoredProjectContent | null> {
    const { readStoredProject } = await loadDocuments();
    return readStoredProject(this.db, id);
  }

  async rename(id: ProjectId, title: string): Promise<void> {
    const [{ retitle }, project] = await Promise.all([loadDocuments(), this.open(id)]);
    try {
      retitle(project, title);
    } finally {
      await project.close();
    }
  }

  /** Hides the project; `restore` brings it back until `purgeDeleted` runs. */
  async softDelete(id: ProjectId): Promise<void> {
    await this.db.projects.update(id, { deletedAt: Date.now() });
  }

  async restore(id: ProjectId): Promise<void> {
    await this.db.projects.update(id, { deletedAt: null });
  }

  /**
   * Removes projects deleted longer ago than the undo window, with their document logs and last
   * good states.
   */
  async purgeDeleted(now = Date.now(), windowMs = DELETE_UNDO_WINDOW_MS): Promise<number> {
    const { lastGoodStates } = lastGoodTables(this.db);
    const gone = await this.db.transaction(
      'rw',
      this.db.projects,
      this.db.docUpdates,
      lastGoodStates,
      async () => {
        const doomed = (await this.db.projects.toArray()).filter(
          (row) => row.deletedAt !== null && now - row.deletedAt >= windowMs,
        );
        for (const row of doomed) {
          await this.db.docUpdates.where('projectId').equals(row.id).delete();
          await lastGoodStates.delete(row.id);
          await this.db.projects.delete(row.id);
        }
        return doomed;
      },
    );
    // Edits a crashed tab journaled for them would otherwise linger in localStorage.
    if (this.journal) {
      for (const row of gone) {
        discardJournal(this.journal, { dbName: this.db.name, projectId: row.id });
      }
    }
    return gone.length;
  }
}
