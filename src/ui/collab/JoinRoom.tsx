import { useEffect, useState } from 'react';
import type { Invite } from '../../sync/invite';
import { navigate } from '../app/route';
import { showError } from '../app/toastStore';
import { useCollabStores } from './collabServices';
import { ProfileFields } from './ProfileFields';

/**
 * Opening an invite link. A room this browser already joined opens its project; otherwise the
 * person says who they are and joins, and a local copy of the project is kept from then on.
 */
export function JoinRoom({ invite }: { invite: Invite }) {
  const stores = useCollabStores();
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void stores.rooms.findByRoomId(invite.roomId).then(async (row) => {
      if (!live) return;
      if (!row) return setChecked(true);
      if (row.secret !== invite.secret || !row.online) {
        await stores.rooms.save({ ...row, secret: invite.secret, online: true });
      }
      window.location.replace(`#/project/${row.projectId}`);
    });
    return () => {
      live = false;
    };
  }, [stores, invite]);

  const join = async () => {
    setBusy(true);
    try {
      const id = await stores.rooms.createForRoom({
        roomId: invite.roomId,
        secret: invite.secret,
        signaling: invite.signaling,
      });
      navigate({ name: 'project', id });
    } catch (error) {
      showError('Could not join', error);
      setBusy(false);
    }
  };

  if (!checked) return <p className="muted page-pad">Opening the invite…</p>;
  return (
    <section className="join-room panel" aria-labelledby="join-title">
      <h2 id="join-title">Join a shared project</h2>
      <p>
        Someone invited you to work on a Frameline project with them. Your browser connects to
        theirs directly; the project is copied here and stays here, also after you leave the room.
      </p>
      <ProfileFields />
      <p className="muted small">
        Everyone in the room can edit everything. Only open invites from people you trust.
      </p>
      <div className="share-actions">
        <button
          className="button primary"
          type="button"
          disabled={busy}
          onClick={() => void join()}
        >
          Join project
        </button>
        <a className="button quiet" href="#/">
          Not now
        </a>
      </div>
    </section>
  );
}
