import { zipSync, type Zippable } from 'fflate';
import type { AssetHash, ProjectId } from '../../model/ids';
import { exportProjectState, type AssetStore, type FramelineDb } from '../../store';
import { fileSlug } from '../fileNames';
import type { AssetBytes } from '../projectJson';
import { BUNDLE_EXTENSION } from './format';
import { writeBundle } from './writeBundle';

export interface ExportedBundle {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly fileName: string;
  readonly title: string;
  /** Images the document mentions that this browser no longer has (listed in the manifest). */
  readonly missingAssets: number;
}

export function bundleFileName(title: string): string {
  return `${fileSlug(title)}${BUNDLE_EXTENSION}`;
}

async function assetBytes(store: AssetStore, hashes: readonly AssetHash[]): Promise<AssetBytes[]> {
  const found: AssetBytes[] = [];
  for (const hash of hashes) {
    const blob = await store.get(hash);
    if (!blob) continue;
    const bytes = new Uint8Array(await blob.arrayBuffer());
    found.push({ hash, mimeType: blob.type || 'application/octet-stream', bytes });
  }
  return found;
}

/** One project as a `.frameline` file, from what is stored (flush an open session first). */
export async function exportBundle(
  db: FramelineDb,
  store: AssetStore,
  id: ProjectId,
  generator: string,
): Promise<ExportedBundle> {
  const state = await exportProjectState(db, id);
  const assets = await assetBytes(store, state.assetHashes);
  const bytes = await writeBundle({ state, assets, generator });
  const title = state.snapshot.meta.title;
  return {
    bytes,
    fileName: bundleFileName(title),
    title,
    missingAssets: state.assetHashes.length - assets.length,
  };
}

/**
 * Every project as its own bundle inside one zip (a backup): bundles are already compressed where
 * it helps, so they are stored as they are. Names carry the id's start so two projects with the
 * same title do not collide.
 */
export async function exportBackup(
  db: FramelineDb,
  store: AssetStore,
  ids: readonly ProjectId[],
  generator: string,
): Promise<{ readonly bytes: Uint8Array<ArrayBuffer>; readonly count: number }> {
  const files: Zippable = {};
  for (const id of ids) {
    const bundle = await exportBundle(db, store, id, generator);
    const name = `${fileSlug(bundle.title)}-${id.slice(0, 8)}${BUNDLE_EXTENSION}`;
    files[name] = [bundle.bytes, { level: 0 }];
  }
  return { bytes: zipSync(files) as Uint8Array<ArrayBuffer>, count: ids.length };
}

export function backupFileName(date = new Date()): string {
  return `frameline-backup-${date.toISOString().slice(0, 10)}.zip`;
}
