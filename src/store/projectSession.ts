import * as Y from 'yjs';
import type { ProjectId } from '../model/ids';
import type { ProjectSnapshot } from '../model/project';
import type { PersistenceStatus } from './docPersistence';
import { readProject, rootsOf, schemaStatus, USER_ORIGIN, type SchemaStatus } from './projectDoc';
import type { OpenProject, ProjectRepository } from './projects';

/** Edits closer together than this undo as one step (typing a note is one step, not 30). */
export const UNDO_CAPTURE_MS = 600;

export interface SessionState {
  readonly snapshot: ProjectSnapshot;
  /** Records that could not be read (shown to the user, never silently dropped). */
  readonly problems: readonly string[];
  readonly saveStatus: PersistenceStatus;
  readonly saveError: Error | null;
  readonly schema: SchemaStatus;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

/**
 * An open project as the UI sees it: an immutable `SessionState` that is replaced on every
 * change (for `useSyncExternalStore`), plus undo/redo of the user's own edits. The Y.Doc stays
 * the source of truth; the snapshot is re-read from it after each transaction.
 */
export class ProjectSession {
  private state: SessionState;
  private readonly listeners = new Set<() => void>();
  readonly undoManager: Y.UndoManager;

  private constructor(
    private readonly project: OpenProject,
    initialStatus: PersistenceStatus,
  ) {
    const roots = rootsOf(project.doc);
    this.undoManager = new Y.UndoManager(
      [roots.meta, roots.scenes, roots.sceneOrder, roots.shots, roots.characters],
      { trackedOrigins: new Set([USER_ORIGIN]), captureTimeout: UNDO_CAPTURE_MS },
    );
    this.state = { ...this.read(), saveStatus: initialStatus, saveError: null };
    project.doc.on('afterTransaction', this.refresh);
    this.undoManager.on('stack-item-added', this.refresh);
    this.undoManager.on('stack-item-popped', this.refresh);
  }

  static async open(repo: ProjectRepository, id: ProjectId): Promise<ProjectSession> {
    let session: ProjectSession | null = null;
    let early: { status: PersistenceStatus; error: Error | null } = {
      status: 'loading',
      error: null,
    };
    const project = await repo.open(id, {
      onStatus: (status, error) => {
        if (session) session.setSaveStatus(status, error ?? null);
        else early = { status, error: error ?? null };
      },
    });
    session = new ProjectSession(project, early.status);
    return session;
  }

  get id(): ProjectId {
    return this.project.id;
  }

  get doc(): Y.Doc {
    return this.project.doc;
  }

  get readOnly(): boolean {
    return this.forcedReadOnly !== null || this.state.schema === 'newer';
  }

  getState = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  undo(): void {
    this.undoManager.undo();
  }

  redo(): void {
    this.undoManager.redo();
  }

  /** Writes pending edits now (before a reload, a download of the project, closing). */
  flush(): Promise<void> {
    return this.project.persistence.flush();
  }

  async close(): Promise<void> {
    this.project.doc.off('afterTransaction', this.refresh);
    this.undoManager.destroy();
    this.listeners.clear();
    await this.project.close();
  }

  private read(): Omit<SessionState, 'saveStatus' | 'saveError'> {
    const { snapshot, problems } = readProject(this.project.doc);
    return {
      snapshot,
      problems,
      schema: schemaStatus(this.project.doc),
      canUndo: this.undoManager.undoStack.length > 0,
      canRedo: this.undoManager.redoStack.length > 0,
    };
  }

  private readonly refresh = () => {
    this.state = { ...this.state, ...this.read() };
    this.emit();
  };

  private setSaveStatus(saveStatus: PersistenceStatus, saveError: Error | null) {
    if (this.state.saveStatus === saveStatus && this.state.saveError === saveError) return;
    this.state = { ...this.state, saveStatus, saveError };
    this.emit();
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
    return this.flush();
  }

  /** Why the project is read-only in this tab, if it was forced to be. */
  get forcedReadOnlyReason(): string | null {
    return this.forcedReadOnly;
  }
}
