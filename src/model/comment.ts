import { z } from 'zod';
import { sceneIdSchema, shotIdSchema } from './ids';
import { migrationSequence } from './migrations';
import { participantSchema, type Participant } from './participant';
import type { Stored } from './stored';

export const commentIdSchema = z.string().min(1).brand<'CommentId'>();
export type CommentId = z.output<typeof commentIdSchema>;
/** A thread is named by its first comment's id. */
export type ThreadId = CommentId;

/** What a thread is about: one shot, or a whole scene. */
export const commentTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('shot'), id: shotIdSchema }),
  z.object({ kind: z.literal('scene'), id: sceneIdSchema }),
]);
export type CommentTarget = Stored<typeof commentTargetSchema>;

/** A comment's text is capped so a thread stays a thread (and a record stays small). */
export const COMMENT_MAX_CHARS = 4000;

/**
 * One comment. Written once and never edited, so its signature stays true: `signature` is the
 * author's device key over `commentSigningPayload` (the content, the author with their public key,
 * and the time). A reply carries its thread's id; the first comment's `threadId` is its own id.
 */
export const commentSchema = z.object({
  id: commentIdSchema,
  threadId: commentIdSchema,
  target: commentTargetSchema,
  body: z.string().min(1).max(COMMENT_MAX_CHARS),
  /** Public keys of the participants @mentioned in the body. */
  mentions: z.array(z.string()).max(50),
  author: participantSchema,
  /** Milliseconds since the epoch, by the author's clock. */
  createdAt: z.number().finite(),
  /** ECDSA P-256 / SHA-256 signature, base64url; empty when the author could not sign. */
  signature: z.string(),
  /**
   * Set when the comment came from outside Frameline: a client's notes from an exported review
   * page, imported by `review/importNotes`. No one signed it (signature empty, no public key) and
   * the name is whatever the reviewer typed, so the UI says where it came from instead of who.
   * Absent on every comment written in the app. Outside the signed payload: the signature
   * could never vouch for it, and an unsigned comment already shows as unverified.
   */
  external: z.enum(['review-page']).optional(),
});
export type Comment = Stored<typeof commentSchema>;

/** A comment from outside Frameline (a review page): shown as such, never as signed. */
export function isExternal(comment: Pick<Comment, 'external'>): boolean {
  return comment.external !== undefined;
}

/**
 * Whether a thread is resolved. Last writer wins (a plain record, not merged): resolving and
 * reopening are whole decisions, and the latest one is the state.
 */
export const threadResolutionSchema = z.object({
  resolved: z.boolean(),
  by: z.string(),
  at: z.number().finite(),
});
export type ThreadResolution = Stored<typeof threadResolutionSchema>;

/**
 * Comments are plain values in the `comments` map, replaced whole when migrated. A step must
 * leave the signed fields (commentSigningPayload) as they are, or every signature breaks.
 */
export const commentMigrations = migrationSequence('comment', []);
export const threadResolutionMigrations = migrationSequence('thread', []);

/** The bytes a comment's signature covers: everything but the signature itself. */
export function commentSigningPayload(comment: Omit<Comment, 'signature'>): object {
  return {
    type: 'frameline.comment/1',
    id: comment.id,
    threadId: comment.threadId,
    target: comment.target,
    body: comment.body,
    mentions: [...comment.mentions],
    author: comment.author,
    createdAt: comment.createdAt,
  };
}

export interface CommentThread {
  readonly id: ThreadId;
  readonly target: CommentTarget;
  /** Oldest first; the first is the comment that opened the thread. */
  readonly comments: readonly Comment[];
  readonly resolution: ThreadResolution | null;
}

export function isResolved(thread: CommentThread): boolean {
  return thread.resolution?.resolved === true;
}

/** Time of the thread's newest comment: what unread markers compare against. */
export function lastActivity(thread: CommentThread): number {
  return thread.comments.reduce((latest, c) => Math.max(latest, c.createdAt), 0);
}

/**
 * Groups comments into threads. A reply whose first comment never arrived (or was unreadable)
 * still shows, as its own thread, rather than vanishing.
 */
export function threadsOf(
  comments: readonly Comment[],
  resolutions: ReadonlyMap<string, ThreadResolution>,
): CommentThread[] {
  const byThread = new Map<string, Comment[]>();
  for (const comment of comments) {
    const list = byThread.get(comment.threadId) ?? [];
    list.push(comment);
    byThread.set(comment.threadId, list);
  }
  const threads: CommentThread[] = [];
  for (const [threadId, list] of byThread) {
    list.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
    const first = list.find((c) => c.id === threadId) ?? list[0];
    if (!first) continue;
    threads.push({
      id: threadId as ThreadId,
      target: first.target,
      comments: list,
      resolution: resolutions.get(threadId) ?? null,
    });
  }
  return threads.sort((a, b) => (a.comments[0]?.createdAt ?? 0) - (b.comments[0]?.createdAt ?? 0));
}

export function isThreadOn(thread: CommentThread, target: CommentTarget): boolean {
  return thread.target.kind === target.kind && thread.target.id === target.id;
}

/**
 * The participants a body @mentions, by name (longest names first, so `@Anna Lee` is not read
 * as `@Anna`). Returns their public keys, each once.
 */
export function mentionsIn(body: string, known: readonly Participant[]): string[] {
  const found = new Set<string>();
  const byLength = [...known].sort((a, b) => b.name.length - a.name.length);
  const lower = body.toLowerCase();
  for (const person of byLength) {
    const token = `@${person.name.toLowerCase()}`;
    let at = lower.indexOf(token);
    while (at >= 0) {
      const after = lower[at + token.length];
      if (after === undefined || !/[\p{L}\p{N}]/u.test(after)) {
        found.add(person.publicKey);
        break;
      }
      at = lower.indexOf(token, at + 1);
    }
  }
  return [...found];
}
