import type * as Y from 'yjs';
import type { Approval } from '../../model/approval';
import type { Comment, ThreadId, ThreadResolution } from '../../model/comment';
import { rootsOf, USER_ORIGIN } from './layout';

/**
 * Writes of the review: comments, thread resolution, approvals. Each is one user action, but
 * none is on the undo stack (the undo manager tracks only the boards): a posted comment or a
 * signed approval is taken back by a new one, not by Ctrl+Z, so undoing an edit never unsays it.
 */

/** Adds a comment (a new thread when `threadId === id`). Stored as a plain, atomic record. */
export function addComment(doc: Y.Doc, comment: Comment): void {
  doc.transact(() => {
    rootsOf(doc).comments.set(comment.id, plainCopy(comment));
  }, USER_ORIGIN);
}

export function setThreadResolution(
  doc: Y.Doc,
  threadId: ThreadId,
  resolution: ThreadResolution,
): void {
  doc.transact(() => {
    rootsOf(doc).threads.set(threadId, plainCopy(resolution));
  }, USER_ORIGIN);
}

/** Replaces the shot's approval record with a newly signed one. */
export function setApproval(doc: Y.Doc, approval: Approval): void {
  doc.transact(() => {
    rootsOf(doc).approvals.set(approval.shotId, plainCopy(approval));
  }, USER_ORIGIN);
}

/** Yjs stores plain JSON; a copy keeps frozen or class-made objects out of the document. */
function plainCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
