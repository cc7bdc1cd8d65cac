import type * as Y from 'yjs';
import { safeParse } from 'zod/v4/core';
import type { ProjectSnapshot } from '../../model/project';
import { SYSTEM_ORIGIN, USER_ORIGIN } from '../projectDoc';
import type { CommandSpec, UndoPolicy } from './command';
import { CommandError, type CommandResult } from './commandError';

/** Keystrokes in one field further apart than this start a new undo step. */
export const UNDO_MERGE_MS = 600;

/** What the runner needs from its session; kept small so it is testable alone. */
export interface RunnerHost {
  readonly doc: Y.Doc;
  readonly undoManager: Y.UndoManager;
  /** Null when the project may be changed; else why not, in words. */
  readOnlyReason(): string | null;
  snapshot(): ProjectSnapshot;
  /** Every refused or failed command, for the one place that tells the person (toasts). */
  onFailure(error: CommandError): void;
  now(): number;
}

/** An open drag or other continuous edit: everything run until `end()` is one undo step. */
export interface Gesture {
  end(): void;
}

/**
 * Runs commands for one session: the single place where read-only is enforced, input is
 * validated, the transaction origin is chosen and undo steps are grouped (the undo manager's
 * own time-based capture is switched off; see ProjectSession).
 */
export class CommandRunner {
  private lastMergeKey: string | null = null;
  private lastAt = 0;
  private openGestures = 0;
  private gestureStarted = false;

  constructor(private readonly host: RunnerHost) {}

  run<I, R>(name: string, spec: CommandSpec<I, R>, input: I): CommandResult<R> {
    const refused = this.check(name, spec, input);
    if (refused) return this.fail(refused);
    const policy = spec.undo(input);
    const origin = policy === 'none' ? SYSTEM_ORIGIN : USER_ORIGIN;
    if (policy !== 'none') this.groupUndo(policy);
    try {
      let value!: R;
      const snapshot = this.host.snapshot();
      this.host.doc.transact(() => {
        value = spec.run({ doc: this.host.doc, snapshot }, input);
      }, origin);
      return { ok: true, value };
    } catch (cause) {
      // A write that threw half-way stays in the document (Yjs has no rollback); it is still one
      // transaction, so one undo takes it back. Say so rather than pretend nothing happened.
      return this.fail(CommandError.failed(name, cause));
    }
  }

  /** Starts a drag: every command until `end()` merges into one undo step. */
  beginGesture(): Gesture {
    this.openGestures++;
    let ended = false;
    return {
      end: () => {
        if (ended) return;
        ended = true;
        this.openGestures--;
        if (this.openGestures === 0) {
          this.gestureStarted = false;
          this.breakUndoGroup();
        }
      },
    };
  }

  /** The next command starts a new undo step whatever it is (after an undo, say). */
  breakUndoGroup(): void {
    this.lastMergeKey = null;
    this.host.undoManager.stopCapturing();
  }

  private check<I, R>(name: string, spec: CommandSpec<I, R>, input: I): CommandError | null {
    const reason = this.host.readOnlyReason();
    if (reason !== null && !spec.allowReadOnly) return CommandError.readOnly(name, reason);
    const parsed = safeParse(spec.input, input);
    if (!parsed.success) return CommandError.invalid(name, parsed.error.issues);
    return null;
  }

  private groupUndo(policy: Exclude<UndoPolicy, 'none'>): void {
    const now = this.host.now();
    if (this.openGestures > 0) {
      if (!this.gestureStarted) this.host.undoManager.stopCapturing();
      this.gestureStarted = true;
      this.lastMergeKey = null;
    } else if (policy === 'step') {
      this.breakUndoGroup();
    } else {
      const merges = policy.merge === this.lastMergeKey && now - this.lastAt < UNDO_MERGE_MS;
      if (!merges) this.host.undoManager.stopCapturing();
      this.lastMergeKey = policy.merge;
    }
    this.lastAt = now;
  }

  private fail(error: CommandError): CommandResult<never> {
    this.host.onFailure(error);
    return { ok: false, error };
  }
}
