import * as Y from 'yjs';
import type { ProjectId } from '../model/ids';
import { totalDuration } from '../model/project';
import type { FramelineDb } from './db';
import { readProject } from './projectDoc';

/** Edits arriving within this window are written as one row. */
export const PERSIST_THROTTLE_MS = 350;
/** Past this many rows a project's log is folded into one (see compact()). */
export const COMPACT_AFTER_ROWS = 50;

export type PersistenceStatus = 'loading' | 'saved' | 'pending' | 'error';

export interface PersistenceEvents {
  onStatus?: (status: PersistenceStatus, error?: Error) => void;
}

/**
 * The one writer of a project's Y.Doc to IndexedDB (STYLE §5). The document is stored as an
 * append-only log of Yjs updates; every edit within PERSIST_THROTTLE_MS becomes one merged row,
 * and the log is compacted into a single row once it grows. It never writes before the first
 * load has finished: writing a half-loaded document would make that half look like the truth.
 *
 * A failed write (full disk, quota) keeps the updates in memory and retries on the next edit or
 * flush; nothing already saved is touched, and the status says what happened.
 */
export class DocPersistence {
  private pending: Uint8Array[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private loaded = false;
  private destroyed = false;
  private writing: Promise<void> = Promise.resolve();
  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this) return; // our own load replaying stored rows
    this.pending.push(update);
    this.setStatus('pending');
    this.schedule();
  };

  constructor(
    private readonly db: FramelineDb,
    readonly projectId: ProjectId,
    readonly doc: Y.Doc,
    private readonly events: PersistenceEvents = {},
  ) {
    // Listen from the start so an edit made while loading is kept, but flush only after load.
    doc.on('update', this.onUpdate);
  }

  /** Applies every stored row to the document. Resolves when the document is whole. */
  async load(): Promise<void> {
    this.setStatus('loading');
    const rows = await this.db.docUpdates.where('projectId').equals(this.projectId).sortBy('seq');
    if (rows.length > 0) {
      const merged = Y.mergeUpdates(rows.map((row) => row.update));
      Y.applyUpdate(this.doc, merged, this);
    }
    this.loaded = true;
    this.setStatus(this.pending.length > 0 ? 'pending' : 'saved');
    if (this.pending.length > 0) this.schedule();
  }

  /** Writes everything pending now. Resolves once it is on disk (or has failed and is kept). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.writing = this.writing.then(() => this.writePending());
    return this.writing;
  }

  /** Flushes and stops listening. The document itself stays usable. */
  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.doc.off('update', this.onUpdate);
    if (this.loaded) await this.flush();
    this.destroyed = true;
  }

  get hasPendingWrites(): boolean {
    return this.pending.length > 0;
  }

  private schedule() {
    if (!this.loaded || this.timer || this.destroyed) return;
    this.timer = setTimeout(() => void this.flush(), PERSIST_THROTTLE_MS);
  }

  private async writePending(): Promise<void> {
    if (!this.loaded || this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const update = Y.mergeUpdates(batch);
    const { snapshot } = readProject(this.doc);
    try {
      await this.db.transaction('rw', this.db.docUpdates, this.db.projects, async () => {
        await this.db.docUpdates.add({ projectId: this.projectId, update });
        await this.db.projects.update(this.projectId, {
          title: snapshot.meta.title,
          updatedAt: Date.now(),
          shotCount: snapshot.shots.length,
          durationMs: totalDuration(snapshot),
          coverHash: snapshot.shots.find((shot) => shot.frameHash !== null)?.frameHash ?? null,
        });
      });
      await this.compactIfLong();
      this.setStatus(this.pending.length > 0 ? 'pending' : 'saved');
    } catch (cause) {
      // Put the batch back in front so order is kept; the next flush tries again.
      this.pending = [...batch, ...this.pending];
      this.setStatus('error', describeWriteError(cause));
    }
  }

  /**
   * Folds the log into one row. It merges the rows on disk with our state rather than replacing
   * them with our state alone: another tab may have written rows this document has not seen.
   */
  private async compactIfLong(): Promise<void> {
    const count = await this.db.docUpdates.where('projectId').equals(this.projectId).count();
    if (count <= COMPACT_AFTER_ROWS) return;
    await this.db.transaction('rw', this.db.docUpdates, async () => {
      const rows = await this.db.docUpdates.where('projectId').equals(this.projectId).toArray();
      const merged = Y.mergeUpdates([
        ...rows.map((r) => r.update),
        Y.encodeStateAsUpdate(this.doc),
      ]);
      await this.db.docUpdates.bulkDelete(
        rows.flatMap((r) => (r.seq === undefined ? [] : [r.seq])),
      );
      await this.db.docUpdates.add({ projectId: this.projectId, update: merged });
    });
  }

  private setStatus(status: PersistenceStatus, error?: Error) {
    this.events.onStatus?.(status, error);
  }
}

/** Turns IndexedDB failures into words a user can act on. */
export function describeWriteError(cause: unknown): Error {
  const name = cause instanceof Error ? cause.name : '';
  const inner =
    cause instanceof Error && 'inner' in cause ? (cause.inner as Error | undefined) : undefined;
  if (name === 'QuotaExceededError' || inner?.name === 'QuotaExceededError') {
    return new Error(
      'Your browser storage is full, so recent edits could not be saved. They are kept in this tab: free some space (delete old projects or renders) and they will be saved.',
      { cause },
    );
  }
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new Error(
    `Saving to browser storage failed (${detail}). Your edits are kept in this tab and will be retried.`,
    {
      cause,
    },
  );
}
