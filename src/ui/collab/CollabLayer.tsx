import { useEffect, useMemo, useState } from 'react';
import type { ShotId } from '../../model/ids';
import type { ProjectSession } from '../../store';
import type { RoomRow } from '../../store/collabTables';
import { publishCollab, withdrawCollab, type CollabValue } from './CollabContext';
import { useCollabStores } from './collabServices';
import { CursorsOverlay } from './CursorsOverlay';
import { JoiningNotice } from './JoiningNotice';
import { useCollabRoom } from './useCollabRoom';
import { useIdentity } from './useMe';
import { usePointerPresence } from './usePointerPresence';

interface Props {
  readonly session: ProjectSession;
  readonly selectedShotId: ShotId | null;
  readonly onSelectShot: (id: ShotId) => void;
}

/**
 * Beside an open project: connects it to its room when it is shared, tells the room which shot
 * is selected and where the pointer is, and draws the others' cursors. The collaboration views
 * in the toolbar, the boards and the inspector read the room from CollabContext.ts.
 */
export function CollabLayer({ session, selectedShotId, onSelectShot }: Props) {
  const stores = useCollabStores();
  const { me, deviceKey, settings } = useIdentity();
  const [row, setRow] = useState<RoomRow | null>(null);
  useEffect(() => stores.rooms.watch(session.id, setRow), [stores, session.id]);
  // A project opened in recovery stays off the network: it lacks parts its peers have.
  const room = useCollabRoom(session, session.recovery ? null : row, settings, me);

  useEffect(() => {
    room?.setSelectedShot(selectedShotId);
  }, [room, selectedShotId]);
  usePointerPresence(room, selectedShotId);

  const value = useMemo<CollabValue>(
    () => ({
      session,
      room,
      roomRow: row,
      me,
      deviceKey,
      selectedShotId,
      selectShot: onSelectShot,
    }),
    [session, room, row, me, deviceKey, selectedShotId, onSelectShot],
  );

  useEffect(() => {
    publishCollab(value);
    return () => withdrawCollab(value);
  }, [value]);

  return (
    <>
      <JoiningNotice session={session} room={room} row={row} />
      <CursorsOverlay />
    </>
  );
}
