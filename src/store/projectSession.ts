import * as Y from 'yjs';
import type { ProjectSnapshot } from '../model/project';
import type { CommandError } from './commands/commandError';
import { type CommandResult } from './commands/commandError';
import { CommandRunner, type Gesture } from './commands/commandRunner';
import type { CommandInput, CommandName, CommandOutput, CommandSpecs } from './commands/registry';
import type { PersistenceStatus } from './docPersistence';
import type { Drawing } from '../model/drawing';
import type { AssetHash, ProjectId, ShotId } from '../model/ids';
import type { ProjectVersion } from '../model/version';
import { referencedAssetHashes } from './assetRefs';
import {
  migrateDocument,
  readDrawing,
  readReview,
  readScriptFollow,
  scriptTextOf,
  type ScriptFollowMode,
  readVersions,
  rootsOf,
  schemaStatus,
  SnapshotReader,
  touchedBy,
  USER_ORIGIN,
  type ProjectRoots,
  type ReviewSnapshot,
  type SchemaStatus,
  type Touched,
} from './projectDoc';
import { nextTask } from './nextTask';
import { markOpen } from './openMarks';
import { redoKeepingFrames, rememberFrameBefore, undoRestoringFrames } from './frameUndo';
import type { OpenProject, ProjectRepository } from './projects';
import type { LogDamage } from './storedLog';

/**
 * The Y.Doc behind an open session, for the layers that move whole documents (src/sync: rooms,
 * tabs, versions; store: variants, exports of the state). It is not a property of the session,
 * so components cannot reach it: the UI changes a project only through `session.run` (lint
 * forbids src/ui to import this file's `documentOf` or store/sessionDocument.ts).
 */
const documents = new WeakMap<ProjectSession, Y.Doc>();

export function documentOf(session: ProjectSession): Y.Doc {
  const doc = documents.get(session);
  if (!doc) throw new Error('This session has no document (it was never opened).');
  return doc;
}

/**
 * The undo manager's own time-based merging is off: which edits make one undo step is decided
 * per command by the CommandRunner (typing in a field merges, a drag is one step, a move is one).
 */
const UNDO_CAPTURE_OFF_MS = Number.POSITIVE_INFINITY;

export interface SessionState {
  readonly snapshot: ProjectSnapshot;
  /** Records that could not be read (shown to the user, never silently dropped). */
  readonly problems: readonly string[];
  readonly schema: SchemaStatus;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

/**
 * Whether the latest edits are on disk. Kept apart from `SessionState`, with listeners of its own:
 * it changes twice per keystroke (saving, saved), and only the save indicator shows it, so a
 * change of it must not re-render the whole project view (at 5,000 shots that was a third of a
 * keystroke's time).
 */
/**
 * The project's script as the Script tab needs it besides the text itself (which the editor
 * binds to: sync/scriptBinding.ts). Replaced only when one of these changes.
 */
export interface ScriptState {
  /** The project has its script text (seeded once: store/projectDoc/scriptText.ts). */
  readonly seeded: boolean;
  readonly follow: ScriptFollowMode;
  /** Someone in this tab changed the script since the boards last followed it. */
  readonly behind: boolean;
  /**
   * Moves when the shared text itself is replaced (a collaborator's seed won over this tab's):
   * an editor bound to the old one binds again.
   */
  readonly generation: number;
}

export interface SaveState {
  readonly status: PersistenceStatus;
  readonly error: Error | null;
}

/** A command a session ran successfully, as `onCommandApplied` reports it. */
export type AppliedCommand = {
  [N in CommandName]: { readonly name: N; readonly input: CommandInput<N> };
}[CommandName];

/**
 * An open project as the UI sees it: an immutable `SessionState` that is replaced on every
 * change (for `useSyncExternalStore`), plus undo/redo of the user's own edits. The Y.Doc stays
 * the source of truth; the snapshot is re-read from it after each transaction.
 */
export class ProjectSession {
  private state: SessionState;
  private readonly listeners = new Set<() => void>();
  private save: SaveState;
  private readonly saveListeners = new Set<() => void>();
  private readonly failureListeners = new Set<(error: CommandError) => void>();
  private readonly appliedListeners = new Set<(applied: AppliedCommand) => void>();
  readonly undoManager: Y.UndoManager;
  private readonly commands: CommandRunner;
  private readonly reader: SnapshotReader;
  private readonly roots: ProjectRoots;

  private constructor(
    private readonly project: OpenProject,
    initialStatus: PersistenceStatus,
    /** Every command's spec; loaded with the first session, not with the app shell. */
    private readonly specs: CommandSpecs,
  ) {
    const roots = rootsOf(project.doc);
    this.roots = roots;
    this.undoManager = new Y.UndoManager(
      // Comments are tracked for one command only: review/importNotes writes them with the
      // user's origin; a member's own comment is written with the app's and never undone.
      [
        roots.meta,
        roots.scenes,
        roots.sceneOrder,
        roots.shots,
        roots.characters,
        roots.drawings,
        roots.comments,
        roots.script,
      ],
      { trackedOrigins: new Set([USER_ORIGIN]), captureTimeout: UNDO_CAPTURE_OFF_MS },
    );
    this.commands = new CommandRunner({
      doc: project.doc,
      undoManager: this.undoManager,
      readOnlyReason: () => this.readOnlyReason,
      snapshot: () => this.state.snapshot,
      onFailure: (error) => this.failureListeners.forEach((listener) => listener(error)),
      now: () => Date.now(),
    });
    documents.set(this, project.doc);
    this.reader = new SnapshotReader(project.doc);
    this.state = this.read();
    this.boundText = scriptTextOf(project.doc);
    this.script = {
      seeded: this.boundText !== null,
      follow: readScriptFollow(project.doc),
      behind: false,
      generation: 0,
    };
    this.save = { status: initialStatus, error: null };
    project.persistence.summarizeFrom(() => this.state.snapshot);
    // A document from a newer Frameline is never written by this one, not even by accident.
    if (this.state.schema === 'newer') void project.persistence.stopWriting();
    project.doc.on('afterTransaction', this.onTransaction);
    this.undoManager.on('stack-item-added', this.refresh);
    this.undoManager.on('stack-item-popped', this.refresh);
  }

  /**
   * Opens a project. `{ recovery: true }` is the way out for a project that failed to open or to
   * display: whatever in its stored log is unsafe is left out, and the session is read-only (it
   * never writes; see `recovery`).
   */
  static async open(
    repo: ProjectRepository,
    id: ProjectId,
    options: { readonly recovery?: boolean } = {},
  ): Promise<ProjectSession> {
    let session: ProjectSession | null = null;
    let early: { status: PersistenceStatus; error: Error | null } = {
      status: 'loading',
      error: null,
    };
    // The command table (every command's validation and writes) is loaded with the first
    // project opened: the project list and the app shell never need it.
    const loadingSpecs = import('./commands/registry');
    // Seen here too, so a failed load is not reported as unhandled when opening fails first.
    loadingSpecs.catch(() => undefined);
    const project = await repo.open(
      id,
      {
        onStatus: (status, error) => {
          if (session) session.setSaveStatus(status, error ?? null);
          else early = { status, error: error ?? null };
        },
      },
      { skipDamage: options.recovery === true },
    );
    // Reading a big document back (the session's first snapshot) is its own task, not part of
    // the one that applied it.
    await nextTask();
    const { COMMAND_SPECS } = await loadingSpecs;
    session = new ProjectSession(project, early.status, COMMAND_SPECS);
    markOpen('snapshot');
    if (options.recovery) {
      session.recoveryDamage = project.damage;
      await session.forceReadOnly(
        project.damage.length > 0
          ? 'it was opened without the parts that could not be opened safely.'
          : 'it was opened read-only after it failed to display.',
      );
    }
    return session;
  }

  /**
   * Set when the session was opened in recovery: what was left out (empty when nothing in the
   * log was unsafe and the project is read-only only because it failed to display).
   */
  private recoveryDamage: readonly LogDamage[] | null = null;

  get recovery(): { readonly damage: readonly LogDamage[] } | null {
    return this.recoveryDamage === null ? null : { damage: this.recoveryDamage };
  }

  get id(): ProjectId {
    return this.project.id;
  }

  /** Every asset the project refers to (frames, takes, sheets, sound, versions). */
  referencedAssetHashes(): Set<AssetHash> {
    return referencedAssetHashes(this.project.doc);
  }

  /** Shots' drawings as last read; a shot's entry is dropped when a transaction touches it. */
  private readonly drawings = new Map<string, Drawing>();

  /**
   * A shot's drawing (layers back to front). The same object until the drawing changes, so a
   * view can subscribe with `subscribe` and compare by identity.
   */
  drawing(shotId: ShotId): Drawing {
    let drawing = this.drawings.get(shotId);
    if (!drawing) {
      drawing = readDrawing(this.project.doc, shotId);
      this.drawings.set(shotId, drawing);
    }
    return drawing;
  }

  /** Comments, resolutions and approvals, read again only after a change. */
  get review(): ReviewSnapshot {
    return this.derived().review;
  }

  /** Saved versions, newest first. */
  get versions(): readonly ProjectVersion[] {
    return this.derived().versions;
  }

  private derivedFor: {
    review: ReviewSnapshot;
    versions: readonly ProjectVersion[];
  } | null = null;

  /** Read again only after a transaction touched comments, resolutions, approvals or versions. */
  private derived() {
    if (!this.derivedFor) {
      this.derivedFor = {
        review: readReview(this.project.doc),
        versions: readVersions(this.project.doc),
      };
    }
    return this.derivedFor;
  }

  get readOnly(): boolean {
    return this.readOnlyReason !== null;
  }

  /** Why this project cannot be changed in this tab, in words; null when it can. */
  get readOnlyReason(): string | null {
    if (this.forcedReadOnly !== null) return this.forcedReadOnly;
    if (this.state.schema === 'newer') {
      return 'It was saved by a newer version of Frameline, and editing it with this one could lose what the newer one added. Reload to update, then edit it.';
    }
    return null;
  }

  /**
   * Runs a named command (store/commands): the one way anything changes the project. Refused
   * with a clear reason when read-only, refused when the input does not fit the record schemas,
   * otherwise one transaction with the origin and undo grouping the command declares. Failures
   * are also told to `onCommandFailed` listeners, so a caller may ignore the result.
   */
  run<N extends CommandName>(name: N, input: CommandInput<N>): CommandResult<CommandOutput<N>> {
    const before = name === 'frame/returnToSketch' ? this.frameOf(input) : null;
    if (name === 'script/followBoards') this.scriptCommandRan = true;
    const result = this.commands.run(name, this.specs[name], input);
    this.scriptCommandRan = false;
    if (before && result.ok) rememberFrameBefore(this.undoManager, before.shotId, before.frame);
    if (result.ok)
      this.appliedListeners.forEach((listener) => listener({ name, input } as AppliedCommand));
    return result;
  }

  /** The picture a shot shows now, when it is not its sketch (frameUndo.ts). */
  private frameOf(
    input: unknown,
  ): { shotId: ShotId; frame: { hash: AssetHash; signature: string } } | null {
    const shotId = (input as { shotId?: unknown }).shotId;
    const shot = this.state.snapshot.shots.find((s) => s.id === shotId);
    if (!shot?.frameHash || shot.frameSource === 'sketch' || shot.frameSource === null) return null;
    return {
      shotId: shot.id,
      frame: { hash: shot.frameHash, signature: shot.frameSignature ?? '' },
    };
  }

  /** A drag or other continuous edit: every command until `end()` is one undo step. */
  beginGesture(): Gesture {
    return this.commands.beginGesture();
  }

  /** Tells `listener` about every refused or failed command (the UI shows them as toasts). */
  /**
   * Tells the listener each command this session ran that changed the project (name and its
   * input), after it is written: for things beside the document, like webhooks.
   */
  onCommandApplied(listener: (applied: AppliedCommand) => void): () => void {
    this.appliedListeners.add(listener);
    return () => this.appliedListeners.delete(listener);
  }

  onCommandFailed(listener: (error: CommandError) => void): () => void {
    this.failureListeners.add(listener);
    return () => this.failureListeners.delete(listener);
  }

  getState = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSaveState = (): SaveState => this.save;

  // ── The script (README "The script and the boards") ─────────────────────────────────────────
  private script: ScriptState = { seeded: false, follow: 'live', behind: false, generation: 0 };
  private boundText: Y.Text | null = null;
  private readonly scriptListeners = new Set<() => void>();
  private readonly scriptEditListeners = new Set<() => void>();

  getScriptState = (): ScriptState => this.script;

  subscribeScriptState = (listener: () => void): (() => void) => {
    this.scriptListeners.add(listener);
    return () => this.scriptListeners.delete(listener);
  };

  /**
   * Told after each change of the script text made in this tab (typing, undo, an edit in the
   * inspector), not after a collaborator's: the tab that wrote the text makes the boards follow
   * it (workflows/scriptFollow.ts), so two tabs never both add the same new shots.
   */
  onScriptEdited(listener: () => void): () => void {
    this.scriptEditListeners.add(listener);
    return () => this.scriptEditListeners.delete(listener);
  }

  /** The script's Fountain text now; null before it is seeded. */
  scriptText(): string | null {
    return scriptTextOf(this.project.doc)?.toString() ?? null;
  }

  private updateScript(transaction: Y.Transaction, touched: Touched): void {
    if (!touched.script && !touched.all && !this.scriptCommandRan) return;
    const text = scriptTextOf(this.project.doc);
    const edited =
      text !== null &&
      transaction.local &&
      (transaction.changed as Map<unknown, unknown>).has(text);
    const followed = this.scriptCommandRan;
    this.scriptCommandRan = false;
    const replaced = text !== this.boundText;
    this.boundText = text;
    const next: ScriptState = {
      seeded: text !== null,
      follow: readScriptFollow(this.project.doc),
      behind: edited ? true : followed ? false : this.script.behind,
      generation: this.script.generation + (replaced ? 1 : 0),
    };
    if (replaced || next.follow !== this.script.follow || next.behind !== this.script.behind) {
      this.script = next;
      for (const listener of [...this.scriptListeners]) listener();
    }
    if (edited) for (const listener of [...this.scriptEditListeners]) listener();
  }

  /** Set while `script/followBoards` runs: its transaction clears `behind`. */
  private scriptCommandRan = false;

  /** Told only when the save state changes (`subscribe` is not). */
  subscribeSaveState = (listener: () => void): (() => void) => {
    this.saveListeners.add(listener);
    return () => this.saveListeners.delete(listener);
  };

  undo(): void {
    if (this.readOnly) return;
    undoRestoringFrames(this.project.doc, this.undoManager);
    this.commands.breakUndoGroup();
  }

  redo(): void {
    if (this.readOnly) return;
    redoKeepingFrames(this.undoManager);
    this.commands.breakUndoGroup();
  }

  /** Closing the tab now would lose an edit (or keep it only in the journal): warn first. */
  get hasUnsavedEdits(): boolean {
    return this.project.persistence.hasUnsavedEdits;
  }

  /** Writes pending edits now (before a reload, a download of the project, closing). */
  flush(): Promise<void> {
    return this.project.persistence.flush();
  }

  async close(): Promise<void> {
    this.project.doc.off('afterTransaction', this.onTransaction);
    this.undoManager.destroy();
    this.listeners.clear();
    this.saveListeners.clear();
    this.scriptListeners.clear();
    this.scriptEditListeners.clear();
    await this.project.close();
  }

  private read(): SessionState {
    const { snapshot, problems } = this.reader.result;
    return {
      snapshot,
      problems,
      schema: schemaStatus(this.project.doc),
      canUndo: this.undoManager.undoStack.length > 0,
      canRedo: this.undoManager.redoStack.length > 0,
    };
  }

  /**
   * After each transaction only the records it touched are read again (SnapshotReader): what
   * did not change keeps its identity, and a change that leaves the project as it was (a
   * comment, a value written again) leaves the state object as it was.
   */
  private readonly onTransaction = (transaction: Y.Transaction) => {
    const touched = touchedBy(transaction, this.roots);
    this.reader.apply(touched);
    this.updateScript(transaction, touched);
    const reviewChanged = touched.review || touched.all;
    if (reviewChanged) this.derivedFor = null;
    // A shot's frame is its default drawing's reference, so a shot change drops it too.
    const drawingsChanged = this.forgetDrawings(touched);
    if (!this.refreshState() && (reviewChanged || drawingsChanged)) this.emit();
    // A document can turn older after it opened (joining a room, it arrives from a peer on an
    // older build): it is migrated as soon as that shows, before this tab writes into it, and the
    // older peers turn read-only when they see the new version. Yjs runs this as a transaction
    // of its own after the one that showed it.
    if (this.state.schema === 'older' && !this.readOnly) migrateDocument(this.project.doc);
  };

  /** Drops the drawings a transaction touched; true if one that was read is among them. */
  private forgetDrawings(touched: Touched): boolean {
    if (this.drawings.size === 0) return false;
    if (touched.all || touched.shotList) {
      this.drawings.clear();
      return true;
    }
    let forgot = false;
    for (const shotId of [...touched.drawings, ...touched.shots]) {
      forgot = this.drawings.delete(shotId) || forgot;
    }
    return forgot;
  }

  private readonly refresh = () => {
    this.refreshState();
  };

  /** Replaces the state when something in it changed, and tells the listeners; true if so. */
  private refreshState(): boolean {
    const next = this.read();
    const current = this.state;
    const same = (Object.keys(next) as (keyof typeof next)[]).every(
      (key) => next[key] === current[key],
    );
    if (same) return false;
    this.state = { ...current, ...next };
    this.emit();
    return true;
  }

  private setSaveStatus(status: PersistenceStatus, error: Error | null) {
    if (this.save.status === status && this.save.error === error) return;
    this.save = { status, error };
    for (const listener of this.saveListeners) listener();
  }

  private emit() {
    for (const listener of this.listeners) listener();
  }

  // ── PWA: a newer Frameline runs in another tab (src/pwa/appChannel.ts) ────────────────────────
  private forcedReadOnly: string | null = null;

  /**
   * Stops this tab editing the project: a newer Frameline in another tab may have changed the
   * document's shape, and this code would write the old one. Everything the UI and the sketch
   * scheduler check is `readOnly`; edits made before are flushed. Only a reload undoes it.
   */
  forceReadOnly(reason: string): Promise<void> {
    if (this.forcedReadOnly === null) {
      this.forcedReadOnly = reason;
      this.state = { ...this.state }; // a new state object, so subscribers re-render
      this.emit();
    }
    // Edits made before are written; from now on this tab writes nothing, whatever arrives.
    return this.project.persistence.stopWriting();
  }
}
