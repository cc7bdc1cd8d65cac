import * as Y from 'yjs';
import type { ProjectId } from '../model/ids';
import { totalDuration, type ProjectSnapshot } from '../model/project';
import type { DocUpdateRow, FramelineDb, ProjectRow } from './db';
import {
  browserJournalStorage,
  EditJournal,
  readJournal,
  type JournalStorage,
} from './durability/editJournal';
import type { SaveError } from './durability/saveError';
import { toSaveError } from './durability/saveError';
import { COMPACT_AFTER_ROWS, rowsToFold } from './durability/compaction';
import { screenJournal } from './durability/screenJournal';
import { readProject } from './projectDoc';
import { nextTask } from './nextTask';
import { markOpen } from './openMarks';
import { applyStoredLog, DamagedProjectError, screenStoredLog, type LogDamage } from './storedLog';
import { readStoredRows } from './storedRows';

/** After a failed write (a full disk), the next try waits this long; new edits go to the journal. */
export const RETRY_AFTER_FAILURE_MS = 3_000;
/**
 * The project list's row (title, counts, cover) is brought up to date at most this often, in a
 * task of its own: it reads the whole document, which on every keystroke would cost a large
 * project its typing speed.
 */
export const SUMMARY_INTERVAL_MS = 2_000;
export { COMPACT_AFTER_ROWS } from './durability/compaction';

export type PersistenceStatus = 'loading' | 'saved' | 'pending' | 'error';

export interface PersistenceEvents {
  onStatus?: (status: PersistenceStatus, error?: SaveError) => void;
}

/** An update not yet in IndexedDB, and the journal entries that hold it meanwhile. */
interface PendingUpdate {
  readonly update: Uint8Array;
  readonly journalKeys: readonly string[];
  /** False when the journal missed it: then it exists only in this tab's memory. */
  readonly journaled: boolean;
}

/**
 * The one writer of a project's Y.Doc to IndexedDB (STYLE §5). The document is stored as an
 * append-only log of Yjs updates, compacted into a single row once it grows. It never writes
 * before the first load has finished: writing a half-loaded document would make that half look
 * like the truth.
 *
 * Every update is durable before the task that made it ends: it is copied synchronously to the
 * write-ahead journal (durability/editJournal.ts), which survives the tab closing, and its
 * IndexedDB write starts at the end of the same task, which survives the browser being killed a
 * few milliseconds later. Updates that arrive while a write is in flight become the next row.
 * Opening replays every tab's journal and folds it into the log.
 *
 * A failed write (full disk, quota) keeps the updates (journal and memory) and retries every
 * RETRY_AFTER_FAILURE_MS; nothing already saved is touched, and the status says what happened and
 * where the edits are meanwhile. `hasUnsavedEdits` says when closing the tab would lose something.
 */
export class DocPersistence {
  private pending: PendingUpdate[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writeQueued = false;
  private summaryTimer: ReturnType<typeof setTimeout> | null = null;
  /** The document changed since the project's list row was last written. */
  private summaryDue = false;
  private loaded = false;
  private destroyed = false;
  /** Set when the session turned read-only: nothing more is written, whatever arrives. */
  private stopped = false;
  private writing: Promise<void> = Promise.resolve();
  /** The last write's failure, until a write succeeds. */
  private failure: unknown = null;
  /** What the status last said about that failure (re-said only when it changes). */
  private reported: SaveError | null = null;
  private readonly journal: EditJournal | null;
  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this || this.stopped) return; // our own load replaying stored rows
    this.keep(update);
  };

  constructor(
    private readonly db: FramelineDb,
    readonly projectId: ProjectId,
    readonly doc: Y.Doc,
    private readonly events: PersistenceEvents = {},
    private readonly journalStorage: JournalStorage | null = browserJournalStorage(),
  ) {
    this.journal = journalStorage
      ? new EditJournal(journalStorage, { dbName: db.name, projectId })
      : null;
    // Listen from the start so an edit made while loading is kept, but flush only after load.
    doc.on('update', this.onUpdate);
  }

  /** What `load({ skipDamage: true })` left out of the document (storedLog.ts). */
  damage: readonly LogDamage[] = [];

  /**
   * Applies every stored row to the document. Resolves when the document is whole. Rows are
   * screened first (storedLog.ts): damage rejects with a DamagedProjectError, or with
   * `skipDamage` is left out and listed in `damage` (the caller then must not write). `rows` is
   * the stored log when the caller began reading it already (readStoredRows, started before this
   * persistence existed); otherwise it is read here.
   */
  async load(
    options: {
      readonly skipDamage?: boolean;
      readonly rows?: Promise<readonly DocUpdateRow[]>;
    } = {},
  ): Promise<void> {
    this.setStatus('loading');
    const rows = await (options.rows ?? readStoredRows(this.db, this.projectId));
    markOpen('rows-read');
    for (const row of rows)
      if (row.seq !== undefined) this.rowBytes.set(row.seq, row.update.length);
    const screened = screenStoredLog(rows.map((row) => row.update));
    if (screened.damage.length > 0 && !options.skipDamage) {
      throw new DamagedProjectError(this.projectId, screened.damage);
    }
    this.damage = screened.damage;
    markOpen('screened');
    // Screening and applying a big document each take a good part of a frame: not in one task.
    await nextTask();
    // Applying stored rows is no edit: without this listener Yjs does not encode the whole
    // document again as an update only for onUpdate to drop it. Nothing else can edit meanwhile
    // (the apply is synchronous, and the document is not handed out before load resolves).
    this.doc.off('update', this.onUpdate);
    try {
      applyStoredLog(this.projectId, this.doc, screened, this);
    } finally {
      this.doc.on('update', this.onUpdate);
    }
    markOpen('applied');
    if (!options.skipDamage) this.replayJournal(rows.map((row) => row.update));
    this.loaded = true;
    this.setStatus(this.pending.length > 0 ? 'pending' : 'saved');
    if (this.pending.length > 0) this.schedule();
  }

  /** Writes everything pending now. Resolves once it is on disk (or has failed and is kept). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.summaryTimer) clearTimeout(this.summaryTimer);
    this.summaryTimer = null;
    this.writing = this.writing.then(() => this.writePending()).then(() => this.writeSummary());
    return this.writing;
  }

  /** Flushes and stops listening. The document itself stays usable. */
  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.doc.off('update', this.onUpdate);
    if (this.loaded) await this.flush();
    this.destroyed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.summaryTimer) clearTimeout(this.summaryTimer);
  }

  /**
   * Stops writing for good (a read-only session: a newer build may own the document's shape, or
   * a version is only being looked at). What was already written stays; later changes, even from
   * peers, are not stored by this tab.
   */
  async stopWriting(): Promise<void> {
    await this.flush();
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.summaryTimer) clearTimeout(this.summaryTimer);
    this.pending = [];
  }

  get writesStopped(): boolean {
    return this.stopped;
  }

  get hasPendingWrites(): boolean {
    return this.pending.length > 0;
  }

  /**
   * Closing the tab now would lose an edit, or keep it only in the journal while IndexedDB
   * refuses it (a full disk): the moment to warn before the tab closes.
   */
  get hasUnsavedEdits(): boolean {
    if (this.pending.length === 0) return false;
    return this.failure !== null || this.pending.some((p) => !p.journaled);
  }

  /** Journals an update and queues its write. */
  private keep(update: Uint8Array) {
    const entry = this.journal?.append(update);
    this.pending.push({
      update,
      journalKeys: entry?.ok ? [entry.key] : [],
      journaled: entry?.ok === true,
    });
    if (this.failure !== null) this.reportFailure();
    else this.setStatus('pending');
    this.schedule();
  }

  /**
   * Applies what every tab journaled for this project and did not see stored: edits of a tab
   * that closed or crashed before IndexedDB had them. They are screened like the stored log
   * (screenJournal.ts), then join the pending writes under their old keys, which are removed once
   * the write is done (until then a crash replays them again, harmlessly). An entry that is not
   * an update, or that the screen refuses, is dropped with that write: it could never apply.
   */
  private replayJournal(logUpdates: readonly Uint8Array[]) {
    if (!this.journalStorage) return;
    const entries = readJournal(this.journalStorage, {
      dbName: this.db.name,
      projectId: this.projectId,
    });
    if (entries.length === 0) return;
    const readable = entries.flatMap((entry) => (entry.update ? [entry.update] : []));
    const { usable, dropped } = screenJournal(logUpdates, readable);
    const applied: Uint8Array[] = [];
    for (const update of usable) {
      try {
        Y.applyUpdate(this.doc, update, this);
        applied.push(update);
      } catch (error) {
        console.warn('A journaled edit could not be applied and is dropped', error);
      }
    }
    if (dropped > 0 || readable.length < entries.length) {
      console.warn(
        `${dropped + entries.length - readable.length} journaled edit(s) failed the screen and are dropped`,
      );
    }
    this.pending.unshift({
      update: Y.mergeUpdates(applied),
      journalKeys: entries.map((entry) => entry.key),
      journaled: true,
    });
  }

  private schedule() {
    if (!this.loaded || this.destroyed || this.stopped) return;
    if (this.failure !== null) {
      // The disk said no: new edits wait in the journal and the write is tried again later.
      this.timer ??= setTimeout(() => void this.flush(), RETRY_AFTER_FAILURE_MS);
      return;
    }
    // End of this task: every update of one handler (one keystroke) becomes one write, started
    // before the page can be closed or killed much later. Not a timer, which a hidden tab delays.
    if (this.writeQueued) return;
    this.writeQueued = true;
    queueMicrotask(() => {
      this.writeQueued = false;
      this.writing = this.writing.then(() => this.writePending());
    });
  }

  private async writePending(): Promise<void> {
    if (!this.loaded || this.stopped || this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const update = Y.mergeUpdates(batch.map((p) => p.update));
    try {
      const seq = await this.db.docUpdates.add({ projectId: this.projectId, update });
      if (seq !== undefined) this.rowBytes.set(seq, update.length);
    } catch (cause) {
      // Put the batch back in front so order is kept; the retry writes it with anything newer.
      this.pending = [...batch, ...this.pending];
      this.failure = cause;
      this.reportFailure();
      this.schedule();
      return;
    }
    this.failure = null;
    this.reported = null;
    this.journal?.release(batch.flatMap((p) => p.journalKeys));
    this.summaryDue = true;
    this.scheduleSummary();
    try {
      await this.compactIfLong();
    } catch {
      // A long log is still a whole document; the next write tries to fold it again.
    }
    this.setStatus(this.pending.length > 0 ? 'pending' : 'saved');
  }

  /**
   * Where the list row's summary comes from. Alone, the persistence reads the whole document for
   * it; an open session hands it its snapshot, kept up to date already, so a summary costs no
   * read at all (a 5,000-shot project takes tens of milliseconds to read whole).
   */
  summarizeFrom(snapshot: () => ProjectSnapshot): void {
    this.summary = () => rowSummary(snapshot());
  }

  private summary: () => RowSummary = () => rowSummary(readProject(this.doc).snapshot);

  private scheduleSummary() {
    if (this.summaryTimer || this.destroyed || this.stopped) return;
    this.summaryTimer = setTimeout(() => {
      this.summaryTimer = null;
      this.writing = this.writing.then(() => this.writeSummary());
    }, SUMMARY_INTERVAL_MS);
  }

  /** Brings the project's list row up to date with the document, if it changed. */
  private async writeSummary(): Promise<void> {
    if (!this.summaryDue || this.stopped) return;
    this.summaryDue = false;
    const summary = this.summary();
    try {
      await this.db.projects.update(this.projectId, { ...summary, updatedAt: Date.now() });
    } catch {
      this.summaryDue = true; // the document is saved; its list row follows with the next write
    }
  }

  /**
   * The byte size of each log row this tab has seen (loaded, written, or read while compacting),
   * by seq: what to fold is decided from these, so the base row (megabytes for a big project) is
   * not read back from IndexedDB every COMPACT_AFTER_ROWS keystrokes only to learn its size.
   */
  private readonly rowBytes = new Map<number, number>();

  /**
   * Folds part of the log into one row once it is long (which part: compaction.ts). It merges
   * the rows on disk, never replaces them with this tab's state: another tab may have written
   * rows this document has not seen. Only rows of unknown size and the rows folded are read.
   */
  private async compactIfLong(): Promise<void> {
    const count = await this.db.docUpdates.where('projectId').equals(this.projectId).count();
    if (count <= COMPACT_AFTER_ROWS) return;
    await this.db.transaction('rw', this.db.docUpdates, async () => {
      // In seq order: the index is (projectId, seq).
      const keys = await this.db.docUpdates.where('projectId').equals(this.projectId).primaryKeys();
      const seqs = keys.filter((seq) => seq !== undefined);
      const present = new Set(seqs);
      for (const seq of this.rowBytes.keys()) if (!present.has(seq)) this.rowBytes.delete(seq);
      const read = new Map<number, Uint8Array>();
      const readRows = async (wanted: readonly number[]) => {
        if (wanted.length === 0) return;
        for (const row of await this.db.docUpdates.bulkGet([...wanted])) {
          if (row?.seq === undefined) continue;
          read.set(row.seq, row.update);
          this.rowBytes.set(row.seq, row.update.length);
        }
      };
      await readRows(seqs.filter((seq) => !this.rowBytes.has(seq)));
      const fold = rowsToFold(
        seqs.flatMap((seq) => {
          const bytes = this.rowBytes.get(seq);
          return bytes === undefined ? [] : [{ seq, bytes }];
        }),
      );
      if (!fold || fold.length < 2) return;
      await readRows(fold.filter((seq) => !read.has(seq)));
      const merged = Y.mergeUpdates(fold.flatMap((seq) => read.get(seq) ?? []));
      await this.db.docUpdates.bulkDelete(fold);
      for (const seq of fold) this.rowBytes.delete(seq);
      const seq = await this.db.docUpdates.add({ projectId: this.projectId, update: merged });
      if (seq !== undefined) this.rowBytes.set(seq, merged.length);
    });
  }

  private reportFailure() {
    const journaled = this.pending.every((p) => p.journaled);
    const said = this.reported;
    if (said && said.cause === this.failure && said.journaled === journaled) return;
    this.reported = toSaveError(this.failure, journaled);
    this.setStatus('error', this.reported);
  }

  private setStatus(status: PersistenceStatus, error?: SaveError) {
    this.events.onStatus?.(status, error);
  }
}

/** What the projects list shows of a project, mirrored into its row. */
export type RowSummary = Pick<ProjectRow, 'title' | 'shotCount' | 'durationMs' | 'coverHash'>;

export function rowSummary(snapshot: ProjectSnapshot): RowSummary {
  return {
    title: snapshot.meta.title,
    shotCount: snapshot.shots.length,
    durationMs: totalDuration(snapshot),
    coverHash: snapshot.shots.find((shot) => shot.frameHash !== null)?.frameHash ?? null,
  };
}
