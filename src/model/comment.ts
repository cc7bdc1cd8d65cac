import { z } from 'zod';
import type { Brand } from './brand';
import type { SceneId, ShotId } from './ids';
import { participantSchema, type Participant } from './participant';

export type CommentId = Brand<string, 'CommentId'>;
/** A thread is named by its first comment's id. */
export type ThreadId = CommentId;

/** What a thread is about: one shot, or a whole scene. */
export type CommentTarget =
  { readonly kind: 'shot'; readonly id: ShotId } | { readonly kind: 'scene'; readonly id: SceneId };

/** A comment's text is capped so a thread stays a thread (and a record stays small). */
export const COMMENT_MAX_CHARS = 4000;

/**
 * One comment. Written once and never edited, so its signature stays true: `signature` is the
 * author's device key over `commentSigningPayload` (the content, the author with their public key,
 * and the time). A reply carries its thread's id; the first comment's `threadId` is its own id.
 */
export interface Comment {
  readonly id: CommentId;
  readonly threadId: ThreadId;
  readonly target: CommentTarget;
  readonly body: string;
  /** Public keys of the participants @mentioned in the body. */
  readonly mentions: readonly string[];
  readonly author: Participant;
  /** Milliseconds since the epoch, by the author's clock. */
  readonly createdAt: number;
  /** ECDSA P-256 / SHA-256 signature, base64url; empty when the author could not sign. */
  readonly signature: string;
}

/**
 * Whether a thread is resolved. Last writer wins (a plain record, not merged): resolving and
 * reopening are whole decisions, and the latest one is the state.
 */
export interface ThreadResolution {
  readonly resolved: boolean;
  readonly by: string;
  readonly at: number;
}

export const commentTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('shot'), id: z.string().min(1) }),
  z.object({ kind: z.literal('scene'), id: z.string().min(1) }),
]);

export const commentSchema = z.object({
  id: z.string().min(1),
  threadId: z.string().min(1),
  target: commentTargetSchema,
  body: z.string().min(1).max(COMMENT_MAX_CHARS),
  mentions: z.array(z.string()).max(50),
  author: participantSchema,
  createdAt: z.number().finite(),
  signature: z.string(),
});

export const threadResolutionSchema = z.object({
  resolved: z.boolean(),
  by: z.string(),
  at: z.number().finite(),
});

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
