import { zipSync, type Zippable } from 'fflate';
import type { ProjectId } from '../../model/ids';
import {
  exportProjectState,
  type AssetStore,
  type FramelineDb,
  type ProjectStateExport,
} from '../../store';
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

/**
 * What a bundle is written from: the stored document and its assets as Blobs, by hash (Blobs
 * cross to the bundle worker without their bytes being read or copied on the page).
 */
export interface BundleSource {
  readonly state: ProjectStateExport;
  readonly media: Readonly<Record<string, Blob>>;
}

export function bundleFileName(title: string): string {
  return `${fileSlug(title)}${BUNDLE_EXTENSION}`;
}

/** One project's document and asset Blobs, from what is stored (flush an open session first). */
export async function bundleSource(
  db: FramelineDb,
  store: AssetStore,
  id: ProjectId,
): Promise<BundleSource> {
  const state = await exportProjectState(db, id);
  const media: Record<string, Blob> = {};
  for (const hash of state.assetHashes) {
    const blob = await store.get(hash);
    if (blob) media[hash] = blob;
  }
  return { state, media };
}

/** The bundle of `source`: its assets read and zipped with the document (the worker's work). */
export async function writeBundleFrom(
  source: BundleSource,
  generator: string,
): Promise<ExportedBundle> {
  const { state, media } = source;
  const assets: AssetBytes[] = [];
  for (const hash of state.assetHashes) {
    const blob = media[hash];
    if (!blob) continue;
    const bytes = new Uint8Array(await blob.arrayBuffer());
    assets.push({ hash, mimeType: blob.type || 'application/octet-stream', bytes });
  }
  const bytes = await writeBundle({ state, assets, generator });
  const title = state.snapshot.meta.title;
  return {
    bytes,
    fileName: bundleFileName(title),
    title,
    missingAssets: state.assetHashes.length - assets.length,
  };
}

/** One project as a `.frameline` file, in this thread (Node tests; the page uses the worker). */
export async function exportBundle(
  db: FramelineDb,
  store: AssetStore,
  id: ProjectId,
  generator: string,
): Promise<ExportedBundle> {
  return writeBundleFrom(await bundleSource(db, store, id), generator);
}

/**
 * Every project as its own bundle inside one zip (a backup): bundles are already compressed where
 * it helps, so they are stored as they are. Names carry the id's start so two projects with the
 * same title do not collide. `onProgress` counts projects written; it is awaited, so across a
 * worker boundary the last report arrives before the zip does.
 */
export async function writeBackupFrom(
  sources: readonly BundleSource[],
  generator: string,
  onProgress?: (done: number, total: number) => void | Promise<void>,
): Promise<Uint8Array<ArrayBuffer>> {
  const files: Zippable = {};
  for (const [i, source] of sources.entries()) {
    const bundle = await writeBundleFrom(source, generator);
    const name = `${fileSlug(bundle.title)}-${source.state.row.id.slice(0, 8)}${BUNDLE_EXTENSION}`;
    files[name] = [bundle.bytes, { level: 0 }];
    await onProgress?.(i + 1, sources.length);
  }
  return zipSync(files) as Uint8Array<ArrayBuffer>;
}

export function backupFileName(date = new Date()): string {
  return `frameline-backup-${date.toISOString().slice(0, 10)}.zip`;
}
