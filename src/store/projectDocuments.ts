import * as Y from 'yjs';
import type { ProjectId } from '../model/ids';
import { createProjectMeta, totalDuration, type ProjectSnapshot } from '../model/project';
import type { DocUpdateRow, FramelineDb } from './db';
import { DocPersistence, type PersistenceEvents } from './docPersistence';
import type { JournalStorage } from './durability/editJournal';
import {
  migrateDocument,
  readProject,
  readReview,
  snapshotToUpdate,
  updateMeta,
} from './projectDoc';
import { screenStoredLog } from './storedLog';
import type { Comment } from '../model/comment';
import type { NewProjectSummary, OpenProject } from './openProject';

/**
 * The half of ProjectRepository that handles documents (Yjs, the record schemas, migrations).
 * ProjectRepository loads it on first use, so the project list and the app shell start without
 * the document code.
 */

/** A new project's whole document and what the list shows of it. */
export function newProjectUpdate(snapshot: ProjectSnapshot | { title: string }): {
  update: Uint8Array;
  summary: NewProjectSummary;
} {
  const full: ProjectSnapshot =
    'meta' in snapshot
      ? snapshot
      : { meta: createProjectMeta(snapshot.title), scenes: [], shots: [], characters: [] };
  return {
    update: snapshotToUpdate(full),
    summary: {
      title: full.meta.title,
      shotCount: full.shots.length,
      durationMs: totalDuration(full),
    },
  };
}

/**
 * Opens a project's document. A stored log with damage (storedLog.ts) rejects with a
 * DamagedProjectError; `{ skipDamage: true }` opens what can be opened safely instead, and then
 * never writes (the document lacks parts the log still has).
 */
export async function openProjectDocument(
  db: FramelineDb,
  journal: JournalStorage | null,
  id: ProjectId,
  events: PersistenceEvents,
  options: { readonly skipDamage?: boolean; readonly rows?: Promise<readonly DocUpdateRow[]> },
): Promise<OpenProject> {
  const doc = new Y.Doc();
  const persistence = new DocPersistence(db, id, doc, events, journal);
  try {
    await persistence.load(options);
  } catch (error) {
    await persistence.destroy();
    doc.destroy();
    throw error;
  }
  if (options.skipDamage) await persistence.stopWriting();
  // A document saved by an older build is brought to this shape before anyone edits it; the
  // persistence writes the migration like any change. Newer documents are left alone.
  migrateDocument(doc);
  return {
    id,
    doc,
    persistence,
    damage: persistence.damage,
    close: async () => {
      await persistence.destroy();
      doc.destroy();
    },
  };
}

export function readSnapshotOf(project: OpenProject): ProjectSnapshot {
  return readProject(project.doc).snapshot;
}

export function retitle(project: OpenProject, title: string): void {
  updateMeta(project.doc, { title });
}

/** A project as search reads it: the boards and the comments. */
export interface StoredProjectContent {
  readonly snapshot: ProjectSnapshot;
  readonly comments: readonly Comment[];
}

/**
 * Reads a project's stored log into a throwaway document, never writing anything (no migration
 * written, no journal replayed, no summary): for the search worker, which may read a project
 * another tab has open. Damaged parts are left out, as recovery would; null when nothing reads.
 */
export async function readStoredProject(
  db: FramelineDb,
  id: ProjectId,
): Promise<StoredProjectContent | null> {
  // The (projectId) index lists a project's rows in seq order.
  const rows = await db.docUpdates.where('projectId').equals(id).toArray();
  const screened = screenStoredLog(rows.map((row) => row.update));
  if (!screened.update) return null;
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, screened.update);
    return { snapshot: readProject(doc).snapshot, comments: readReview(doc).comments };
  } finally {
    doc.destroy();
  }
}
