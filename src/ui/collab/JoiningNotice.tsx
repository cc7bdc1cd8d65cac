import type { ProjectSession } from '../../store';
import type { RoomRow } from '../../store/collabTables';
import type { CollabRoom } from '../../sync/collabRoom';
import { useSessionState } from '../project/useSession';
import { roomBlockedReason } from './roomPolicy';
import { useRoomStatus } from './useRoomStatus';

interface Props {
  readonly session: ProjectSession;
  readonly room: CollabRoom | null;
  readonly row: RoomRow | null;
}

/**
 * A joined project is empty until someone who has it is online: say so, calmly, instead of
 * leaving the "No boards yet" page to explain.
 */
export function JoiningNotice({ session, room, row }: Props) {
  const state = useSessionState(session);
  const status = useRoomStatus(room);
  if (!row || state.schema !== 'empty') return null;
  const reason = !row.online
    ? 'You are offline in this room. Go online (Share) to receive the project.'
    : status && !status.reachable
      ? ((room && roomBlockedReason(room.config)) ??
        'The signaling server does not answer yet. Check its address in Share → Connection settings.')
      : 'Waiting for someone who has this project to come online…';
  return (
    <p className="joining-notice panel" role="status">
      {reason}
    </p>
  );
}
