import { useEffect, useState } from 'react';
import { lastActivity, threadsOf, type CommentThread } from '../../model/comment';
import type { ProjectSession } from '../../store';
import { useCollab } from './CollabContext';
import { useCollabStores } from './collabServices';
import { useReview } from './useReview';

export interface ThreadNews {
  readonly thread: CommentThread;
  readonly unread: boolean;
  readonly mentionsMe: boolean;
}

/**
 * Every thread with its local read state: unread when someone else wrote in it after this
 * browser last showed it; `mentionsMe` when a comment in it @mentions my key.
 */
export function useThreadNews(session: ProjectSession): ThreadNews[] {
  const collab = useCollab();
  const stores = useCollabStores();
  const review = useReview(session);
  const [readTimes, setReadTimes] = useState<Map<string, number>>(new Map());
  useEffect(() => stores.readMarkers.watch(session.id, setReadTimes), [stores, session.id]);
  const mine = collab?.me?.publicKey ?? null;
  return threadsOf(review.comments, review.resolutions).map((thread) => {
    const last = thread.comments.at(-1);
    const unread =
      last !== undefined &&
      last.author.publicKey !== mine &&
      lastActivity(thread) > (readTimes.get(thread.id) ?? 0);
    const mentionsMe = mine !== null && thread.comments.some((c) => c.mentions.includes(mine));
    return { thread, unread, mentionsMe };
  });
}
