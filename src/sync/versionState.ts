import * as Y from 'yjs';
import type { ProjectSnapshot } from '../model/project';
import type { ProjectVersion } from '../model/version';
import type { AssetStore } from '../store/assets';
import { readProject } from '../store/projectDoc';
import { checkUpdate } from './updateGuard';

export type VersionLoad =
  | { readonly ok: true; readonly snapshot: ProjectSnapshot }
  | { readonly ok: false; readonly reason: 'missing' | 'damaged'; readonly message: string };

/**
 * The boards as a version saved them. The state may have come from a peer (matching its hash
 * only proves it is what the version names, and a peer wrote the version), so it goes through
 * the same guard as any remote update, into a scratch document that is thrown away after.
 */
export async function loadVersion(
  assets: AssetStore,
  version: ProjectVersion,
): Promise<VersionLoad> {
  const blob = await assets.get(version.stateHash);
  if (!blob) {
    return {
      ok: false,
      reason: 'missing',
      message: 'This version has not arrived from the others yet.',
    };
  }
  const state = new Uint8Array(await blob.arrayBuffer());
  const check = checkUpdate(state);
  if (!check.ok)
    return { ok: false, reason: 'damaged', message: `This version is damaged (${check.reason}).` };
  const scratch = new Y.Doc();
  try {
    Y.applyUpdate(scratch, state);
    return { ok: true, snapshot: readProject(scratch).snapshot };
  } catch (error) {
    return {
      ok: false,
      reason: 'damaged',
      message: `This version could not be read (${String(error)}).`,
    };
  } finally {
    scratch.destroy();
  }
}
