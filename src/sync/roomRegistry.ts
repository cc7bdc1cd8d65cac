import type { Participant } from '../model/participant';
import type { AssetStore } from '../store/assets';
import type { ProjectSession } from '../store/projectSession';
import { documentOf } from '../store/sessionDocument';
import { CollabRoom, type RoomConfig } from './collabRoom';

/**
 * One room per room id per tab. y-webrtc throws when a second provider joins a room name in the
 * same JavaScript realm, and frees the name only asynchronously after the first is destroyed;
 * React (StrictMode, or a quick switch between projects) closes and reopens faster than that.
 * So opening waits for any closing of the same room to finish first.
 */
const closing = new Map<string, Promise<void>>();
const open = new Map<string, CollabRoom>();

export async function openRoom(
  config: RoomConfig,
  session: ProjectSession,
  assets: AssetStore,
  user: Participant,
): Promise<CollabRoom> {
  await closing.get(config.roomId);
  const previous = open.get(config.roomId);
  if (previous) await closeRoom(previous);
  const room = new CollabRoom(config, documentOf(session), assets, user);
  open.set(config.roomId, room);
  await room.start();
  return room;
}

export function closeRoom(room: CollabRoom): Promise<void> {
  const id = room.config.roomId;
  if (open.get(id) === room) open.delete(id);
  const done = room.stop().finally(() => {
    if (closing.get(id) === done) closing.delete(id);
  });
  closing.set(id, done);
  return done;
}
