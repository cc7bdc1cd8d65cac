import { useEffect, useState } from 'react';
import type { Participant } from '../../model/participant';
import type { ProjectSession } from '../../store';
import type { CollabSettings } from '../../store/collabSettings';
import type { RoomRow } from '../../store/collabTables';
import type { CollabRoom } from '../../sync/collabRoom';
import { closeRoom, openRoom } from '../../sync/roomRegistry';
import { showError } from '../app/toastStore';
import { useServices } from '../app/servicesContext';

/**
 * The project's room while it is shared and online, connected with the current settings;
 * reconnected when the room, the settings or the connection choice change, closed on unmount.
 */
export function useCollabRoom(
  session: ProjectSession,
  row: RoomRow | null,
  settings: CollabSettings | null,
  me: Participant | null,
): CollabRoom | null {
  const { assets } = useServices();
  const [room, setRoom] = useState<CollabRoom | null>(null);
  const online = row?.online === true;
  const roomId = row?.roomId ?? null;
  const secret = row?.secret ?? null;
  const signaling = JSON.stringify(row?.signaling ?? settings?.signaling ?? []);
  const connection = JSON.stringify([
    settings?.iceServers,
    settings?.transport,
    settings?.serverUrl,
  ]);
  const ready = me !== null && settings !== null;

  useEffect(() => {
    if (!online || !roomId || !secret || !ready || !settings || !me) return;
    let live = true;
    let opened: CollabRoom | null = null;
    openRoom(
      {
        roomId,
        secret,
        signaling: JSON.parse(signaling) as string[],
        iceServers: settings.iceServers,
        transport: settings.transport,
        serverUrl: settings.serverUrl,
      },
      session,
      assets,
      me,
    ).then(
      (created) => {
        opened = created;
        if (live) setRoom(created);
        else void closeRoom(created);
      },
      (error: unknown) => showError('Could not connect to the room', error),
    );
    return () => {
      live = false;
      setRoom(null);
      if (opened) void closeRoom(opened);
    };
    // The settings object changes identity on every read; its parts that matter are keyed above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session, assets, online, roomId, secret, signaling, connection, ready]);

  // A new name or colour is told to the room without reconnecting.
  useEffect(() => {
    if (room && me) room.setUser(me);
  }, [room, me]);

  return room;
}
