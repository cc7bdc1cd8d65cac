import { strToU8, zipSync, type Zippable } from 'fflate';
import type { AssetHash } from '../../model/ids';
import { hashBytes, type ProjectStateExport } from '../../store';
import type { AssetBytes } from '../projectJson';
import {
  assetEntryName,
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  ENTRY,
  README_TEXT,
  type BundleManifest,
} from './format';

export interface BundleContents {
  readonly state: ProjectStateExport;
  /** The stored bytes of the state's assets (those this browser still has). */
  readonly assets: readonly AssetBytes[];
  /** Which Frameline wrote it (the build id). */
  readonly generator: string;
  readonly exportedAt?: Date;
}

/** Builds the `.frameline` zip (see format.ts). Images are stored as they are: PNG is compressed. */
export async function writeBundle(contents: BundleContents): Promise<Uint8Array<ArrayBuffer>> {
  const { state, assets, generator } = contents;
  const exportedAt = contents.exportedAt ?? new Date();
  const included = new Set<AssetHash>(assets.map((a) => a.hash));
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: exportedAt.toISOString(),
    generator,
    project: {
      id: state.row.id,
      title: state.snapshot.meta.title,
      createdAt: state.row.createdAt,
      updatedAt: state.row.updatedAt,
      schemaVersion: state.snapshot.meta.schemaVersion,
    },
    document: { size: state.update.byteLength, sha256: await hashBytes(copy(state.update)) },
    assets: assets.map((a) => ({ hash: a.hash, mimeType: a.mimeType, size: a.bytes.byteLength })),
    missingAssets: state.assetHashes.filter((hash) => !included.has(hash)),
  };
  const files: Zippable = {
    [ENTRY.manifest]: [strToU8(JSON.stringify(manifest, null, 2)), { level: 6 }],
    [ENTRY.document]: [state.update, { level: 6 }],
    [ENTRY.projectJson]: [strToU8(JSON.stringify(state.snapshot, null, 2)), { level: 6 }],
    [ENTRY.readme]: [strToU8(README_TEXT), { level: 6 }],
  };
  for (const asset of assets) files[assetEntryName(asset.hash)] = [asset.bytes, { level: 0 }];
  // fflate allocates plain ArrayBuffers; the type only says it could be shared.
  return zipSync(files, { mtime: exportedAt }) as Uint8Array<ArrayBuffer>;
}

function copy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}
