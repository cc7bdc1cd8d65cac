import { liveQuery } from 'dexie';
import * as Y from 'yjs';
import { newId, type ProjectId } from '../model/ids';
import { createProjectMeta, totalDuration, type ProjectSnapshot } from '../model/project';
import type { FramelineDb, ProjectRow } from './db';
import { DocPersistence, type PersistenceEvents } from './docPersistence';
import { readProject, updateMeta, writeSnapshot } from './projectDoc';

/** How long a deleted project can be brought back before it is purged for good. */
export const DELETE_UNDO_WINDOW_MS = 60_000;

export interface OpenProject {
  readonly id: ProjectId;
  readonly doc: Y.Doc;
  readonly persistence: DocPersistence;
  /** Flushes and detaches. */
  close(): Promise<void>;
}

/** Project-level storage: the list, creation, deletion with undo, and opening a document. */
export class ProjectRepository {
  constructor(readonly db: FramelineDb) {}

  /** Creates a project from a snapshot (empty, a breakdown, or an imported JSON) and saves it. */
  async create(snapshot: ProjectSnapshot | { title: string }): Promise<ProjectId> {
    const full: ProjectSnapshot =
      'meta' in snapshot
        ? snapshot
        : { meta: createProjectMeta(snapshot.title), scenes: [], shots: [], characters: [] };
    const id = newId<ProjectId>();
    const doc = new Y.Doc();
    writeSnapshot(doc, full);
    const now = Date.now();
    await this.db.transaction('rw', this.db.projects, this.db.docUpdates, async () => {
      await this.db.projects.add({
        id,
        title: full.meta.title,
        createdAt: now,
        updatedAt: now,
        shotCount: full.shots.length,
        durationMs: totalDuration(full),
        deletedAt: null,
      });
      await this.db.docUpdates.add({ projectId: id, update: Y.encodeStateAsUpdate(doc) });
    });
    doc.destroy();
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

  async open(id: ProjectId, events: PersistenceEvents = {}): Promise<OpenProject> {
    if (!(await this.get(id))) throw new Error('This project does not exist any more.');
    const doc = new Y.Doc();
    const persistence = new DocPersistence(this.db, id, doc, events);
    await persistence.load();
    return {
      id,
      doc,
      persistence,
      close: async () => {
        await persistence.destroy();
        doc.destroy();
      },
    };
  }

  /** Reads a project's snapshot without keeping it open (exports, duplicates). */
  async readSnapshot(id: ProjectId): Promise<ProjectSnapshot> {
    const project = await this.open(id);
    try {
      return readProject(project.doc).snapshot;
    } finally {
      await project.close();
    }
  }

  async rename(id: ProjectId, title: string): Promise<void> {
    const project = await this.open(id);
    try {
      updateMeta(project.doc, { title });
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

  /** Removes projects deleted longer ago than the undo window, with their document logs. */
  async purgeDeleted(now = Date.now(), windowMs = DELETE_UNDO_WINDOW_MS): Promise<number> {
    return this.db.transaction('rw', this.db.projects, this.db.docUpdates, async () => {
      const gone = (await this.db.projects.toArray()).filter(
        (row) => row.deletedAt !== null && now - row.deletedAt >= windowMs,
      );
      for (const row of gone) {
        await this.db.docUpdates.where('projectId').equals(row.id).delete();
        await this.db.projects.delete(row.id);
      }
      return gone.length;
    });
  }
}
