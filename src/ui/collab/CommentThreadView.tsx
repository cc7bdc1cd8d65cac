import { useEffect } from 'react';
import { isResolved, lastActivity, type CommentThread } from '../../model/comment';
import type { Participant } from '../../model/participant';
import { relativeTime } from '../common/format';
import { showError } from '../app/toastStore';
import { Avatar } from './Avatar';
import { useCollab } from './CollabContext';
import { useCollabStores } from './collabServices';
import { CommentBody } from './CommentBody';
import { CommentComposer } from './CommentComposer';
import { postComment, resolveThread } from './reviewActions';
import { VerifiedBadge } from './VerifiedBadge';

interface Props {
  readonly thread: CommentThread;
  readonly participants: readonly Participant[];
}

/** One thread: its comments, a reply box, resolve/reopen. Seen threads are marked read. */
export function CommentThreadView({ thread, participants }: Props) {
  const collab = useCollab();
  const stores = useCollabStores();
  const projectId = collab?.session.id;
  const latest = lastActivity(thread);
  useEffect(() => {
    if (projectId) void stores.readMarkers.markRead(projectId, thread.id, latest);
  }, [stores, projectId, thread.id, latest]);
  if (!collab) return null;
  const { me, deviceKey, session } = collab;
  const resolved = isResolved(thread);
  const people = [...participants, ...(me ? [me] : [])];

  return (
    <article className={`comment-thread${resolved ? ' resolved' : ''}`} data-thread-id={thread.id}>
      <ol className="comments">
        {thread.comments.map((comment) => (
          <li key={comment.id} className="comment">
            <Avatar person={comment.author} size="small" />
            <div>
              <p className="comment-meta">
                <strong>{comment.author.name}</strong>{' '}
                <time className="muted" dateTime={new Date(comment.createdAt).toISOString()}>
                  {relativeTime(comment.createdAt)}
                </time>{' '}
                <VerifiedBadge record={comment} />
              </p>
              <CommentBody body={comment.body} people={people} />
            </div>
          </li>
        ))}
      </ol>
      {resolved ? (
        <p className="muted small">
          Resolved by {thread.resolution?.by} {relativeTime(thread.resolution?.at ?? 0)}
        </p>
      ) : (
        <CommentComposer
          label="Reply"
          submitLabel="Post reply"
          participants={participants}
          disabled={!me || !deviceKey || session.readOnly}
          onSubmit={async (body) => {
            if (!me || !deviceKey) return;
            await postComment(
              session,
              { me, key: deviceKey },
              thread.target,
              body,
              participants,
              thread.id,
            ).catch((error: unknown) => showError('Your reply was not posted', error));
          }}
        />
      )}
      {me && !session.readOnly ? (
        <button
          className="button quiet"
          type="button"
          onClick={() => resolveThread(session, me, thread.id, !resolved)}
        >
          {resolved ? 'Reopen thread' : 'Resolve thread'}
        </button>
      ) : null}
    </article>
  );
}
