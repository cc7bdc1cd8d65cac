import * as Y from 'yjs';
import { newId, type ProjectId } from '../model/ids';
import type { ProjectVersion, VersionId } from '../model/version';
import { VERSION_NAME_MAX_CHARS, VERSION_STATE_MIME } from '../model/version';
import type { AssetStore } from './assets';
import type { ProjectSession } from './projectSession';
import { documentOf } from './sessionDocument';

/**
 * Saving a named version. The state is the whole document as one Yjs update, stored as a
 * content-addressed asset; the document keeps `gc` on (snapshots of a gc'd document cannot be
 * restored, and `gc: false` would keep every deleted character of every note forever, in every
 * peer's copy). A version costs about one copy of the document's current size, once.
 */
export async function saveVersion(
  session: ProjectSession,
  assets: AssetStore,
  name: string,
  authorName: string,
): Promise<ProjectVersion> {
  const state = Y.encodeStateAsUpdate(documentOf(session));
  const stateHash = await assets.put(state, VERSION_STATE_MIME);
  const version: ProjectVersion = {
    id: newId<ProjectId>() as string as VersionId,
    name: name.trim().slice(0, VERSION_NAME_MAX_CHARS) || 'Untitled version',
    createdAt: Date.now(),
    authorName,
    stateHash,
    shotCount: session.getState().snapshot.shots.length,
  };
  const listed = session.run('version/add', { version });
  if (!listed.ok) throw listed.error;
  return version;
}
