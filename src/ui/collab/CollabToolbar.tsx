import { useState } from 'react';
import type { ProjectSession } from '../../store';
import { useCollab } from './CollabContext';
import { HistoryPanel } from './HistoryPanel';
import { PresenceAvatars } from './PresenceAvatars';
import { ReviewPanel } from './ReviewPanel';
import { ShareDialog } from './ShareDialog';
import { useRoomStatus } from './useRoomStatus';
import { useThreadNews } from './useUnread';
import { VariantSwitcher } from './VariantSwitcher';

interface Props {
  readonly session: ProjectSession;
}

/** In the project toolbar: who is here, the cut, and Share, Review and History. */
export function CollabToolbar({ session }: Props) {
  const collab = useCollab();
  const status = useRoomStatus(collab?.room ?? null);
  const news = useThreadNews(session);
  const [open, setOpen] = useState<'share' | 'review' | 'history' | null>(null);
  const unread = news.filter((n) => n.unread && n.thread.resolution?.resolved !== true).length;
  const row = collab?.roomRow ?? null;
  const live = row?.online === true && status !== null && status.links > 0;
  const shareState = !row ? '' : !row.online ? 'offline' : live ? 'live' : 'waiting';
  const hide = () => setOpen(null);

  return (
    <div className="collab-toolbar on-phone">
      <PresenceAvatars session={session} />
      <VariantSwitcher projectId={session.id} />
      <button
        className={`button share-button ${shareState}`}
        type="button"
        onClick={() => setOpen('share')}
        title={shareState ? `Shared · ${shareState}` : 'Share this project'}
      >
        {shareState ? <span className="status-dot" aria-hidden="true" /> : null}
        Share
      </button>
      <button
        className="button"
        type="button"
        onClick={() => setOpen(open === 'review' ? null : 'review')}
      >
        Review
        {unread > 0 ? <span className="count-badge">{unread} unread</span> : null}
      </button>
      <button
        className="button history-button"
        type="button"
        onClick={() => setOpen(open === 'history' ? null : 'history')}
      >
        History
      </button>
      {open === 'share' ? <ShareDialog onClose={hide} /> : null}
      {open === 'review' ? <ReviewPanel session={session} onHide={hide} /> : null}
      {open === 'history' ? <HistoryPanel session={session} onHide={hide} /> : null}
    </div>
  );
}
