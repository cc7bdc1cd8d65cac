import type * as Y from 'yjs';
import type { $ZodType } from 'zod/v4/core';
import type { ProjectSnapshot } from '../../model/project';

/**
 * How a command's change sits on the undo stack:
 * - `step`: its own step (a move, a delete, a bulk change).
 * - `{ merge: key }`: merges with the previous command of the same key while the person keeps
 *   going (typing in one field: one step per burst, not one per keystroke).
 * - `none`: the app's own change (a sketch it drew, a generated take arriving): never undone by
 *   the person, written with the system origin.
 * Inside a gesture (a drag, see CommandRunner.beginGesture) every command joins one step.
 */
export type UndoPolicy = 'step' | 'none' | { readonly merge: string };

/** What a command's `run` gets: the document to write, and the project as last read. */
export interface CommandContext {
  readonly doc: Y.Doc;
  /**
   * The session's snapshot from before this command: cheap to read (no walk of the document).
   * Use it to find ids and neighbours; write through the document.
   */
  readonly snapshot: ProjectSnapshot;
}

/**
 * One named change to a project (ARCHITECTURE.md, "One write path"). The runner checks, in this
 * order and before anything is written: read-only (`allowReadOnly`), the input against `input`
 * (a zod schema built from the record schemas in src/model), then runs `run` inside one
 * transaction with the origin `undo` implies.
 *
 * `run` receives the caller's value itself once the schema accepted it (the schema is a guard,
 * not a transform), so the branded ids and units of `I` survive.
 */
export interface CommandSpec<I, R> {
  readonly input: $ZodType;
  readonly undo: (input: I) => UndoPolicy;
  /** Almost nothing may change a read-only project; true only for what is not an edit. */
  readonly allowReadOnly?: boolean;
  readonly run: (ctx: CommandContext, input: I) => R;
}

/** Types a command's input and result from its `run` (a helper for the registry). */
export function defineCommand<I, R>(spec: CommandSpec<I, R>): CommandSpec<I, R> {
  return spec;
}

/** The usual policies, named. */
export const STEP = (): UndoPolicy => 'step';
export const APP_CHANGE = (): UndoPolicy => 'none';
