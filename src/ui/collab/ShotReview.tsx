import { useState } from 'react';
import { isResolved, isThreadOn, threadsOf, type CommentTarget } from '../../model/comment';
import type { Shot } from '../../model/shot';
import type { ProjectSession } from '../../store';
import { showError } from '../app/toastStore';
import { ApprovalControl } from './ApprovalControl';
import { useCollab } from './CollabContext';
import { CommentComposer } from './CommentComposer';
import { CommentThreadView } from './CommentThreadView';
import { postComment } from './reviewActions';
import { useParticipants } from './useParticipants';
import { useReview } from './useReview';

interface Props {
  readonly session: ProjectSession;
  readonly shot: Shot | null;
}

/**
 * The review of the selected shot, in the inspector: its approval, and the comment threads on
 * the shot and on its scene (open first; resolved ones behind a toggle).
 */
export function ShotReview({ session, shot }: Props) {
  const collab = useCollab();
  const review = useReview(session);
  const participants = useParticipants(session);
  const [on, setOn] = useState<'shot' | 'scene'>('shot');
  const [showResolved, setShowResolved] = useState(false);
  if (!shot) return null;
  const target: CommentTarget =
    on === 'shot' ? { kind: 'shot', id: shot.id } : { kind: 'scene', id: shot.sceneId };
  const threads = threadsOf(review.comments, review.resolutions).filter((t) =>
    isThreadOn(t, target),
  );
  const open = threads.filter((t) => !isResolved(t));
  const resolved = threads.filter(isResolved);
  const count = (kind: 'shot' | 'scene') =>
    threadsOf(review.comments, review.resolutions).filter(
      (t) =>
        !isResolved(t) &&
        isThreadOn(t, kind === 'shot' ? { kind, id: shot.id } : { kind, id: shot.sceneId }),
    ).length;
  const me = collab?.me ?? null;
  const deviceKey = collab?.deviceKey ?? null;

  return (
    <section className="shot-review" aria-label="Review">
      <h3 className="review-title">Review</h3>
      <ApprovalControl session={session} shot={shot} />
      <div className="tabs review-tabs" role="tablist" aria-label="Comments on">
        {(['shot', 'scene'] as const).map((kind) => (
          <button
            key={kind}
            type="button"
            role="tab"
            className={`tab${on === kind ? ' current' : ''}`}
            aria-selected={on === kind}
            onClick={() => setOn(kind)}
          >
            {kind === 'shot' ? 'This shot' : 'This scene'} ({count(kind)})
          </button>
        ))}
      </div>
      {open.map((thread) => (
        <CommentThreadView key={thread.id} thread={thread} participants={participants} />
      ))}
      <CommentComposer
        label={on === 'shot' ? 'Comment on this shot' : 'Comment on this scene'}
        submitLabel="Post comment"
        participants={participants}
        disabled={!me || !deviceKey || session.readOnly}
        onSubmit={async (body) => {
          if (!me || !deviceKey) return;
          await postComment(session, { me, key: deviceKey }, target, body, participants).catch(
            (error: unknown) => showError('Your comment was not posted', error),
          );
        }}
      />
      {resolved.length > 0 ? (
        <button
          className="button quiet small"
          type="button"
          onClick={() => setShowResolved(!showResolved)}
        >
          {showResolved ? 'Hide' : 'Show'} {resolved.length} resolved
        </button>
      ) : null}
      {showResolved
        ? resolved.map((thread) => (
            <CommentThreadView key={thread.id} thread={thread} participants={participants} />
          ))
        : null}
    </section>
  );
}
