import { APPROVAL_LABELS, isPending } from '../../model/approval';
import { isResolved } from '../../model/comment';
import type { ShotId } from '../../model/ids';
import type { ProjectSession } from '../../store';
import { useSessionState } from '../project/useSession';
import { plural, relativeTime } from '../common/format';
import { Avatar } from './Avatar';
import { useCollab } from './CollabContext';
import { Drawer } from './Drawer';
import { useReview } from './useReview';
import { useThreadNews } from './useUnread';

interface Props {
  readonly session: ProjectSession;
  readonly onHide: () => void;
}

const SNIPPET_CHARS = 60;

/** Open threads (unread first) and the shots waiting on an approval, each a way to the board. */
/** Subscribed on its own: the toolbar around it does not render on every edit. */
export function ReviewPanel({ session, onHide }: Props) {
  const { snapshot } = useSessionState(session);
  const collab = useCollab();
  const review = useReview(session);
  const news = useThreadNews(session).filter((n) => !isResolved(n.thread));
  news.sort((a, b) => Number(b.unread) - Number(a.unread));
  const shotNumber = (id: string) => snapshot.shots.find((s) => s.id === id)?.number;
  const pending = snapshot.shots.flatMap((shot) => {
    const approval = review.approvals.get(shot.id);
    return approval && isPending(approval.state) ? [{ shot, approval }] : [];
  });
  const go = (shotId: ShotId | undefined) => shotId && collab?.selectShot(shotId);

  return (
    <Drawer title="Review" hideLabel="Hide review" onHide={onHide}>
      <section aria-label="Open threads">
        <h3 className="pane-title">Open threads ({news.length})</h3>
        {news.length === 0 ? <p className="muted">No open comments.</p> : null}
        <ul className="review-list">
          {news.map(({ thread, unread, mentionsMe }) => {
            const first = thread.comments[0];
            const scene = snapshot.scenes.find((s) => s.id === thread.target.id);
            const where =
              thread.target.kind === 'shot'
                ? `Board ${shotNumber(thread.target.id) ?? '(deleted)'}`
                : `Scene ${scene?.number ?? '(deleted)'}`;
            const shotId =
              thread.target.kind === 'shot'
                ? (thread.target.id as ShotId)
                : snapshot.shots.find((s) => s.sceneId === thread.target.id)?.id;
            const snippet = (first?.body ?? '').slice(0, SNIPPET_CHARS);
            return (
              <li key={thread.id} className={unread ? 'unread' : undefined}>
                <button
                  type="button"
                  className="review-item"
                  aria-label={`Open thread: ${snippet}${unread ? ' (unread)' : ''}`}
                  onClick={() => go(shotId)}
                >
                  {unread ? <span className="unread-dot" aria-hidden="true" /> : null}
                  {first ? <Avatar person={first.author} size="small" /> : null}
                  <span className="review-item-text">
                    <span className="review-where">
                      {where}
                      {mentionsMe ? <span className="mention-badge">@you</span> : null}
                    </span>
                    <span>{snippet}</span>
                    <span className="muted small">
                      {first?.author.name} · {plural(thread.comments.length - 1, 'reply')} ·{' '}
                      {relativeTime(thread.comments.at(-1)?.createdAt ?? 0)}
                    </span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-label="Waiting for approval">
        <h3 className="pane-title">Waiting for approval ({pending.length})</h3>
        {pending.length === 0 ? <p className="muted">Nothing is waiting.</p> : null}
        <ul className="review-list">
          {pending.map(({ shot, approval }) => (
            <li key={shot.id}>
              <button
                type="button"
                className="review-item"
                aria-label={`Go to board ${shot.number}: ${APPROVAL_LABELS[approval.state]}`}
                onClick={() => go(shot.id)}
              >
                <span className={`approval-dot ${approval.state}`} aria-hidden="true" />
                <span className="review-item-text">
                  <span className="review-where">Board {shot.number}</span>
                  <span>
                    {APPROVAL_LABELS[approval.state]} · {approval.author.name}{' '}
                    {relativeTime(approval.setAt)}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </Drawer>
  );
}
