import { isAssetHash, type AssetHash } from '../../model/ids';
import type { ProjectSnapshot } from '../../model/project';
import { checkStoredAsset, hashBytes, inspectProjectState, type AssetToStore } from '../../store';
import { checkEntries } from './checkEntries';
import {
  assetEntryName,
  assetHashOfEntry,
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  bundleManifestSchema,
  ENTRY,
  LIMITS,
  type BundleManifest,
} from './format';
import { openZip, readCentralDirectory, ZipError, type ZipArchive } from './zipReader';

export interface ValidBundle {
  readonly manifest: BundleManifest;
  /** The project document, already applied to a fresh Y.Doc and read without problems. */
  readonly update: Uint8Array<ArrayBuffer>;
  readonly snapshot: ProjectSnapshot;
  /** Bytes checked against their SHA-256 names: only those the document refers to. */
  readonly assets: readonly AssetToStore[];
  /** Files in the bundle the document never mentions: left out, never stored. */
  readonly unreferenced: number;
  /** Every asset the document mentions (store/assetRefs.ts), for the store's own check. */
  readonly referenced: ReadonlySet<AssetHash>;
}

export type BundleRead =
  | { readonly ok: true; readonly bundle: ValidBundle }
  | { readonly ok: false; readonly error: string };

/** A reason to refuse the bundle; becomes the message, nothing has been written. */
class Refusal extends Error {}

/**
 * Validates a `.frameline` bundle completely before anything is stored: declared sizes and names
 * (no zip bombs, no path tricks, only the entries a bundle has), then the manifest schema, the
 * document (hash, applies to a fresh Y.Doc, reads as a project of a schema this version knows),
 * every asset the document refers to against its hash and the formats Frameline accepts
 * (model/mediaType.ts; the others are not read and never kept), and that every frame a shot
 * shows is there. The first problem found is the message; a bundle that fails changes nothing.
 */
export async function readBundle(bytes: Uint8Array, fileName = 'The file'): Promise<BundleRead> {
  try {
    return { ok: true, bundle: await validate(bytes) };
  } catch (error) {
    if (error instanceof Refusal || error instanceof ZipError) {
      return { ok: false, error: `${fileName} cannot be imported: ${error.message}.` };
    }
    throw error;
  }
}

async function validate(bytes: Uint8Array): Promise<ValidBundle> {
  if (bytes.length > LIMITS.fileBytes) throw new Refusal('it is larger than 2 GB');
  const directory = readCentralDirectory(bytes);
  const refusal = checkEntries(directory.entries);
  if (refusal) throw new Refusal(refusal);
  const zip = openZip(bytes, directory);

  const manifest = readManifest(zip);
  checkAssetList(zip, manifest);
  const update = zip.read(ENTRY.document);
  if (
    update.byteLength !== manifest.document.size ||
    (await hashBytes(update)) !== manifest.document.sha256
  ) {
    throw new Refusal(`its document does not match the manifest (damaged?)`);
  }
  const inspection = inspectProjectState(update);
  if (!inspection.ok) throw new Refusal(inspection.error);

  const assets: AssetToStore[] = [];
  let unreferenced = 0;
  for (const { hash, mimeType } of manifest.assets) {
    // Only what the document refers to is read and kept. A bundle may carry any number of other
    // files within its limits (gigabytes); inflating, hashing or storing them would fill the disk
    // with images nothing shows, so they are left in the zip unread.
    if (!inspection.assetHashes.has(hash as AssetHash)) {
      unreferenced++;
      continue;
    }
    const assetBytes = zip.read(assetEntryName(hash));
    if ((await hashBytes(assetBytes)) !== hash) {
      throw new Refusal(`the image ${hash.slice(0, 12)}… does not match its hash`);
    }
    // Stored as what the bytes are; the manifest's type is only a claim.
    const checked = checkStoredAsset(assetBytes, mimeType);
    if (!checked.ok) throw new Refusal(`the file ${hash.slice(0, 12)}… is ${checked.reason}`);
    assets.push({ hash: hash as AssetHash, mimeType: checked.mimeType, bytes: assetBytes });
  }
  const present = new Set<string>([...assets.map((a) => a.hash), ...manifest.missingAssets]);
  const missing = inspection.snapshot.shots.find(
    (shot) => shot.frameHash !== null && !present.has(shot.frameHash),
  );
  if (missing) throw new Refusal(`the frame of shot ${missing.number} is not in it`);
  // Not read back, but a damaged byte anywhere means the file is not what was exported.
  for (const name of [ENTRY.projectJson, ENTRY.readme]) {
    if (zip.entries.some((entry) => entry.name === name)) zip.read(name);
  }
  return {
    manifest,
    update,
    snapshot: inspection.snapshot,
    assets,
    unreferenced,
    referenced: inspection.assetHashes,
  };
}

function readManifest(zip: ZipArchive): BundleManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(zip.read(ENTRY.manifest)));
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw new Refusal(`its ${ENTRY.manifest} is not valid JSON`);
  }
  const head = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (head.format !== BUNDLE_FORMAT) throw new Refusal('it is not a Frameline bundle');
  if (typeof head.version === 'number' && head.version > BUNDLE_VERSION) {
    throw new Refusal(
      `it was exported by a newer Frameline (format ${head.version}). Update Frameline to open it`,
    );
  }
  const parsed = bundleManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') || 'manifest';
    throw new Refusal(`its manifest is damaged: ${path}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** The manifest's asset list and the zip's asset entries must be the same, size for size. */
function checkAssetList(zip: ZipArchive, manifest: BundleManifest): void {
  const entries = new Map(
    zip.entries.flatMap((entry) => {
      const hash = assetHashOfEntry(entry.name);
      return hash === null ? [] : [[hash, entry.size] as const];
    }),
  );
  const listed = new Set<string>();
  for (const asset of manifest.assets) {
    if (!isAssetHash(asset.hash) || listed.has(asset.hash)) {
      throw new Refusal(`its manifest lists the image ${asset.hash.slice(0, 12)}… twice`);
    }
    listed.add(asset.hash);
    const size = entries.get(asset.hash);
    if (size === undefined) throw new Refusal(`the image ${asset.hash.slice(0, 12)}… is missing`);
    if (size !== asset.size) {
      throw new Refusal(`the image ${asset.hash.slice(0, 12)}… has the wrong size`);
    }
  }
  const extra = [...entries.keys()].find((hash) => !listed.has(hash));
  if (extra)
    throw new Refusal(`it holds an image the manifest does not list (${extra.slice(0, 12)}…)`);
}
