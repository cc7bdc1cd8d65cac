import type * as Y from 'yjs';
import type { AssetHash, ShotId } from '../model/ids';
import { restoreFrameAfterUndo } from './projectDoc';

/**
 * Undoing "return to sketch" must bring the old picture back. The step itself only changes the
 * shot's source; the sketch scheduler then writes the sketch's hash as an app change, which the
 * person's undo does not (and must not) revert. So the step remembers, in its undo stack item's
 * meta, the hash each shot showed before, and after an undo of that step the hash is put back.
 * The note travels with the step between the undo and redo stacks.
 */
type StackItem = NonNullable<ReturnType<Y.UndoManager['undo']>>;
interface FrameBefore {
  readonly hash: AssetHash;
  readonly signature: string;
}
type FramesBefore = Map<ShotId, FrameBefore>;

const FRAMES_BEFORE = 'frameline.framesBefore';

function framesOf(item: StackItem | null | undefined): FramesBefore | undefined {
  return item?.meta.get(FRAMES_BEFORE) as FramesBefore | undefined;
}

/** Notes on the step just recorded which frame `shotId` showed before it. */
export function rememberFrameBefore(undo: Y.UndoManager, shotId: ShotId, frame: FrameBefore): void {
  const item = undo.undoStack.at(-1);
  if (!item) return;
  const frames = framesOf(item) ?? new Map<ShotId, FrameBefore>();
  if (!frames.has(shotId)) frames.set(shotId, frame);
  item.meta.set(FRAMES_BEFORE, frames);
}

/** Undo with the old pictures put back; the note moves to the redo step. */
export function undoRestoringFrames(doc: Y.Doc, undo: Y.UndoManager): void {
  const popped = undo.undo();
  const frames = framesOf(popped);
  if (!frames) return;
  undo.redoStack.at(-1)?.meta.set(FRAMES_BEFORE, frames);
  for (const [shotId, frame] of frames) restoreFrameAfterUndo(doc, shotId, frame);
}

/** Redo; the note moves back to the undo step, so undoing again restores the pictures again. */
export function redoKeepingFrames(undo: Y.UndoManager): void {
  const popped = undo.redo();
  const frames = framesOf(popped);
  if (frames) undo.undoStack.at(-1)?.meta.set(FRAMES_BEFORE, frames);
}
