import type { ProjectId } from '../model/ids';
import type { FramelineDb } from './db';
import { lastGoodTables, type LastGoodDb } from './lastGoodTable';
import type { ProjectSession } from './projectSession';

/**
 * What recording and restoring need of the document code, loaded when first used: the app
 * creates ProjectRecovery at start, before any project is open.
 */
const loadDocumentCode = async () => {
  const [Y, { readProject }, { documentOf }, { screenStoredLog }, { totalDuration }] =
    await Promise.all([
      import('yjs'),
      import('./projectDoc'),
      import('./sessionDocument'),
      import('./storedLog'),
      import('../model/project'),
    ]);
  return { Y, readProject, documentOf, screenStoredLog, totalDuration };
};

/**
 * The ways out for a project that fails to open or to display (besides opening it read-only
 * without the broken part: ProjectSession.open with `recovery`): going back to the last state
 * that opened and displayed fine on this device, and taking the raw stored log away as a file.
 */

export interface LastGoodInfo {
  readonly savedAt: number;
  readonly title: string;
  readonly shotCount: number;
}

/** One stored row of a project's update log, as it is on disk. */
export interface RawLogRow {
  readonly seq: number | null;
  readonly update: Uint8Array;
}

export interface RawLog {
  readonly projectId: ProjectId;
  readonly title: string;
  readonly rows: readonly RawLogRow[];
  readonly lastGood: (LastGoodInfo & { readonly update: Uint8Array }) | null;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

export class ProjectRecovery {
  private readonly db: LastGoodDb;

  constructor(db: FramelineDb) {
    this.db = lastGoodTables(db);
  }

  /**
   * Remembers the session's document as the last state that opened fine. Call it once the
   * project has displayed. Never from a recovery session (it lacks parts). Best effort: a full
   * disk costs the record, not the session.
   */
  async recordLastGood(session: ProjectSession): Promise<void> {
    if (session.recovery) return;
    const { Y, documentOf } = await loadDocumentCode();
    const doc = documentOf(session);
    const stateVector = Y.encodeStateVector(doc);
    try {
      const known = await this.db.lastGoodStates.get(session.id);
      if (known && sameBytes(known.stateVector, stateVector)) return;
      // The session's own snapshot, kept up to date already: reading the document again for a
      // title and a count took ~110 ms of this one long task at 5,000 shots (scale profile).
      const { snapshot } = session.getState();
      await this.db.lastGoodStates.put({
        projectId: session.id,
        update: Y.encodeStateAsUpdate(doc),
        stateVector,
        savedAt: Date.now(),
        title: snapshot.meta.title,
        shotCount: snapshot.shots.length,
      });
    } catch (error) {
      console.warn('Frameline: could not record the last state that opened', error);
    }
  }

  async lastGood(projectId: ProjectId): Promise<LastGoodInfo | null> {
    const row = await this.db.lastGoodStates.get(projectId);
    return row ? { savedAt: row.savedAt, title: row.title, shotCount: row.shotCount } : null;
  }

  /**
   * Replaces the project's stored log with its last good state: the changes made after it are
   * gone from this browser (export the raw log first to keep them). The state is screened like
   * any stored log first, and a state that is not safe is refused.
   */
  async restoreLastGood(projectId: ProjectId): Promise<void> {
    const db = this.db;
    // Loaded before the transaction: an IndexedDB transaction ends at the first await that is
    // not one of its own requests.
    const { Y, readProject, screenStoredLog, totalDuration } = await loadDocumentCode();
    await db.transaction('rw', db.docUpdates, db.projects, db.lastGoodStates, async () => {
      const row = await db.lastGoodStates.get(projectId);
      if (!row) throw new Error('No earlier state of this project is recorded in this browser.');
      const screened = screenStoredLog([row.update]);
      if (screened.damage.length > 0 || !screened.update) {
        throw new Error('The recorded state of this project is damaged too.');
      }
      const doc = new Y.Doc();
      Y.applyUpdate(doc, row.update);
      const { snapshot } = readProject(doc);
      doc.destroy();
      await db.docUpdates.where('projectId').equals(projectId).delete();
      await db.docUpdates.add({ projectId, update: row.update });
      await db.projects.update(projectId, {
        title: snapshot.meta.title,
        updatedAt: Date.now(),
        shotCount: snapshot.shots.length,
        durationMs: totalDuration(snapshot),
        coverHash: snapshot.shots.find((shot) => shot.frameHash !== null)?.frameHash ?? null,
      });
    });
  }

  /** The project's stored log exactly as it is on disk (and its last good state, if any). */
  async rawLog(projectId: ProjectId): Promise<RawLog> {
    const db = this.db;
    return db.transaction('r', db.docUpdates, db.projects, db.lastGoodStates, async () => {
      const project = await db.projects.get(projectId);
      const rows = await db.docUpdates.where('projectId').equals(projectId).sortBy('seq');
      const lastGood = await db.lastGoodStates.get(projectId);
      return {
        projectId,
        title: project?.title ?? '',
        rows: rows.map((row) => ({ seq: row.seq ?? null, update: row.update })),
        lastGood: lastGood
          ? {
              savedAt: lastGood.savedAt,
              title: lastGood.title,
              shotCount: lastGood.shotCount,
              update: lastGood.update,
            }
          : null,
      };
    });
  }
}
