import { useState } from 'react';
import { Dialog } from '../common/Dialog';
import { showError } from '../app/toastStore';
import { saveVersion } from '../../store/versionHistory';
import { inviteLink, newRoom } from '../../sync/invite';
import { useServices } from '../app/servicesContext';
import { useCollab } from './CollabContext';
import { useCollabStores } from './collabServices';
import { ConnectionSettings } from './ConnectionSettings';
import { ProfileFields } from './ProfileFields';
import { RoomStatusLine } from './RoomStatusLine';
import { SyncProblems } from './SyncProblems';
import { useIdentity } from './useMe';

/** The app's address without a fragment: what an invite link is built on. */
function appUrl(): string {
  return `${window.location.origin}${window.location.pathname}`;
}

/**
 * Sharing a project: make a room, hand out the link, see who is connected, go offline, leave.
 * The limits of a peer-to-peer room are said here, where the decision is made.
 */
export function ShareDialog({ onClose }: { onClose: () => void }) {
  const collab = useCollab();
  const stores = useCollabStores();
  const { assets } = useServices();
  const { settings } = useIdentity();
  const [copied, setCopied] = useState(false);
  if (!collab || !settings) return null;
  const row = collab.roomRow;
  const projectId = collab.session.id;

  const start = async () => {
    const { roomId, secret } = newRoom();
    try {
      // Anyone with the link can change everything: keep the project as it was, one click away.
      await saveVersion(collab.session, assets, 'Before sharing', collab.me?.name ?? 'Me');
      await stores.rooms.save({
        projectId,
        roomId,
        secret,
        signaling: null,
        joinedAt: Date.now(),
        online: true,
      });
    } catch (error) {
      showError('Sharing could not start', error);
    }
  };

  const link = row
    ? inviteLink(appUrl(), {
        roomId: row.roomId,
        secret: row.secret,
        signaling: settings.transport === 'peer' ? (row.signaling ?? settings.signaling) : null,
      })
    : '';

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false); // the field is selectable; copying by hand works everywhere
    }
  };

  return (
    <Dialog title="Share this project" onClose={onClose}>
      <ProfileFields />
      {row ? (
        <>
          <label className="field">
            <span>Invite link</span>
            <input
              readOnly
              value={link}
              aria-label="Invite link"
              onFocus={(e) => e.currentTarget.select()}
            />
          </label>
          <div className="share-actions">
            <button className="button" type="button" onClick={() => void copy()}>
              {copied ? 'Link copied' : 'Copy link'}
            </button>
            <button
              className="button"
              type="button"
              onClick={() => void stores.rooms.setOnline(projectId, !row.online)}
            >
              {row.online ? 'Go offline' : 'Go online'}
            </button>
            <button
              className="button quiet danger"
              type="button"
              onClick={() => void stores.rooms.leave(projectId)}
            >
              Leave room
            </button>
          </div>
          <RoomStatusLine />
        </>
      ) : (
        <div className="share-actions">
          <button className="button primary" type="button" onClick={() => void start()}>
            Start sharing
          </button>
        </div>
      )}
      <aside className="share-limits">
        <strong>Who can do what.</strong> Anyone with this link can open, edit and delete everything
        in the project, and invite others: the link is the key. Frameline connects you directly,
        browser to browser, so there is no one in the middle who could hold back edits; a read-only
        link is not possible this way. The room id is visible to the signaling server; the link's
        secret and your work are not. Leaving keeps your copy. For a larger team or enforced roles,
        connect to a server instead (Connection settings).
      </aside>
      <ConnectionSettings />
      <SyncProblems />
      <div className="dialog-actions">
        <button className="button" type="button" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
