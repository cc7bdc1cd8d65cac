import { plural } from '../common/format';
import { useCollab } from './CollabContext';
import { roomBlockedReason } from './roomPolicy';
import { usePeers } from './usePeers';
import { useRoomStatus } from './useRoomStatus';

/** One line on the room's health: connected to whom, caught up, frames still coming. */
export function RoomStatusLine() {
  const collab = useCollab();
  const status = useRoomStatus(collab?.room ?? null);
  const peers = usePeers(collab?.room ?? null);
  if (!collab?.roomRow) return null;
  if (!collab.roomRow.online) {
    return (
      <p className="room-status" role="status">
        Offline: your edits are kept here and sent when you go online.
      </p>
    );
  }
  if (!status) return <p className="room-status muted">Connecting…</p>;
  const parts: string[] = [];
  const blocked = !status.reachable && collab.room ? roomBlockedReason(collab.room.config) : null;
  if (blocked) parts.push(blocked);
  else if (status.transport === 'server') {
    parts.push(status.reachable ? 'Connected to the server' : 'The server does not answer yet');
  } else {
    parts.push(status.reachable ? 'Signaling server reachable' : 'Signaling server not reachable');
    parts.push(`${plural(status.links, 'peer')} connected`);
  }
  parts.push(`${peers.length} ${peers.length === 1 ? 'other person' : 'other people'} here`);
  if (status.missingAssets > 0)
    parts.push(`${plural(status.missingAssets, 'frame')} still to arrive`);
  if (status.wrongSecretAttempts > 0) {
    parts.push('someone with a different secret tried to connect and got nothing');
  }
  return (
    <p className="room-status" role="status">
      {parts.join(' · ')}
    </p>
  );
}
