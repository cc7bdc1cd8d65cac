import type { ShotId } from '../../model/ids';
import { memo } from 'react';
import { useCollabRoomOnly } from './CollabContext';
import { Avatar } from './Avatar';
import { usePeersOnShot } from './usePeers';

/**
 * On a board: a ring in the colour of each other person who has it selected, and their
 * initials in the corner. Nothing when nobody else is on it.
 */
export const BoardPresence = memo(function BoardPresence({ shotId }: { shotId: ShotId }) {
  const peers = usePeersOnShot(useCollabRoomOnly(), shotId);
  if (peers.length === 0) return null;
  const rings = peers.map((peer, i) => `0 0 0 ${2 + i * 3}px ${peer.state.user.color}`).join(', ');
  const names = peers.map((peer) => peer.state.user.name).join(', ');
  // Someone drawing on this shot in the frame editor (their stroke is in their presence).
  const drawing = peers.filter((peer) => peer.state.drawing?.shotId === shotId);
  return (
    <span className="board-presence" style={{ boxShadow: rings }} data-peers={names}>
      <span className="board-presence-people">
        {peers.map((peer) => (
          <Avatar key={peer.clientId} person={peer.state.user} size="small" />
        ))}
      </span>
      {drawing.length > 0 ? (
        <span className="board-presence-drawing" aria-hidden="true">
          ✎
        </span>
      ) : null}
      <span className="visually-hidden">
        Selected by {names}
        {drawing.length > 0
          ? `; ${drawing.map((peer) => peer.state.user.name).join(', ')} drawing`
          : ''}
      </span>
    </span>
  );
});
