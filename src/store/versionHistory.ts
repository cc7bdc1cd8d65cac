import * as Y from 'yjs';
import { newId, type ProjectId } from '../model/ids';
import type { ProjectVersion, VersionId } from '../model/version';
import { VERSION_NAME_MAX_CHARS, VERSION_STATE_MIME } from '../model/version';
import type { AssetStore } from './assets';
import { addVersion, readProject } from './projectDoc';

/**
 * Saving a named version. The state is the whole document as one Yjs update, stored as a
 * content-addressed asset; the document keeps `gc` on (snapshots of a gc'd document cannot be
 * restored, and `gc: false` would keep every deleted character of every note forever, in every
 * peer's copy). A version costs about one copy of the document's current size, once.
 */
export async function saveVersion(
  doc: Y.Doc,
  assets: AssetStore,
  name: string,
  authorName: string,
): Promise<ProjectVersion> {
  const state = Y.encodeStateAsUpdate(doc);
  const stateHash = await assets.put(state, VERSION_STATE_MIME);
  const version: ProjectVersion = {
    id: newId<ProjectId>() as string as VersionId,
    name: name.trim().slice(0, VERSION_NAME_MAX_CHARS) || 'Untitled version',
    createdAt: Date.now(),
    authorName,
    stateHash,
    shotCount: readProject(doc).snapshot.shots.length,
  };
  addVersion(doc, version);
  return version;
}
