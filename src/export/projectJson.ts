import { z } from 'zod';
import { assetHashSchema, type AssetHash } from '../model/ids';
import {
  PROJECT_SCHEMA_VERSION,
  projectSnapshotSchema,
  type ProjectSnapshot,
} from '../model/project';
import { migrateSnapshotJson } from '../model/recordMigrations';
import type { DeepReadonly } from '../model/stored';
import { checkStoredAsset, hashBytes } from '../store/assets';
import { base64ToBytes, bytesToBase64 } from './base64';

/**
 * The project as one JSON file: the structure plus every frame's bytes, so an import elsewhere
 * loses nothing. `version` changes only when a reader of the old format could not read the new.
 */
export const PROJECT_JSON_FORMAT = 'frameline.project';
export const PROJECT_JSON_VERSION = 1;
/** Larger files are refused before parsing: JSON.parse of gigabytes would freeze the tab. */
export const MAX_PROJECT_JSON_BYTES = 512 * 1024 * 1024;

export interface AssetBytes {
  readonly hash: AssetHash;
  readonly mimeType: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
}

const fileSchema = z.object({
  format: z.literal(PROJECT_JSON_FORMAT),
  version: z.number().int(),
  exportedAt: z.string(),
  project: projectSnapshotSchema,
  assets: z.array(
    z.object({
      hash: assetHashSchema,
      mimeType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/),
      data: z.string(),
    }),
  ),
});

export function projectToJson(snapshot: ProjectSnapshot, assets: readonly AssetBytes[]): string {
  const file: DeepReadonly<z.input<typeof fileSchema>> = {
    format: PROJECT_JSON_FORMAT,
    version: PROJECT_JSON_VERSION,
    exportedAt: new Date().toISOString(),
    project: snapshot,
    assets: assets.map((a) => ({
      hash: a.hash,
      mimeType: a.mimeType,
      data: bytesToBase64(a.bytes),
    })),
  };
  return JSON.stringify(file, null, 1);
}

/**
 * Every asset a snapshot points at (frames, takes, character sheets, sounds, music): what an
 * export must carry for the project to open complete elsewhere.
 */
export function assetHashesOf(snapshot: ProjectSnapshot): AssetHash[] {
  const hashes = new Set<AssetHash>();
  for (const shot of snapshot.shots) {
    if (shot.frameHash) hashes.add(shot.frameHash);
    if (shot.clipHash) hashes.add(shot.clipHash);
    for (const take of shot.takes) hashes.add(take.hash);
    for (const clip of shot.audio) hashes.add(clip.assetHash);
  }
  for (const character of snapshot.characters) {
    if (character.sheetHash) hashes.add(character.sheetHash);
  }
  if (snapshot.meta.music) hashes.add(snapshot.meta.music.assetHash);
  return [...hashes];
}

export type ProjectJsonImport =
  | { readonly ok: true; readonly snapshot: ProjectSnapshot; readonly assets: AssetBytes[] }
  | { readonly ok: false; readonly error: string };

function fail(error: string): ProjectJsonImport {
  return { ok: false, error };
}

/**
 * Validates everything before anything is stored: JSON syntax, the schema (the message names
 * the path of the first bad field), the bytes of each asset the project refers to against its
 * hash and against the formats Frameline accepts (its type is what the bytes are, not what the
 * file says; assets it does not refer to are skipped, never returned), and that every frame a
 * shot points at is in the file.
 */
export async function projectFromJson(
  text: string,
  fileName = 'The file',
): Promise<ProjectJsonImport> {
  if (text.length > MAX_PROJECT_JSON_BYTES) return fail(`${fileName} is larger than 512 MB.`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return fail(
      `${fileName} is not valid JSON (${e instanceof Error ? e.message : 'parse error'}).`,
    );
  }
  if (
    typeof raw !== 'object' ||
    raw === null ||
    (raw as { format?: unknown }).format !== PROJECT_JSON_FORMAT
  ) {
    return fail(`${fileName} is not a Frameline project export.`);
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version === 'number' && version > PROJECT_JSON_VERSION) {
    return fail(
      `${fileName} was exported by a newer Frameline (format ${version}). Update Frameline to open it.`,
    );
  }
  const project = (raw as { project?: unknown }).project;
  const schemaVersion = (project as { meta?: { schemaVersion?: unknown } } | undefined)?.meta
    ?.schemaVersion;
  if (typeof schemaVersion === 'number' && schemaVersion > PROJECT_SCHEMA_VERSION) {
    return fail(
      `${fileName} holds a project saved by a newer Frameline (its format is ${schemaVersion}, this one reads up to ${PROJECT_SCHEMA_VERSION}). Update Frameline to open it.`,
    );
  }
  // A project saved by an older build is brought to this build's shape before it is checked.
  let current: unknown;
  try {
    current = migrateSnapshotJson(project);
  } catch (e) {
    return fail(
      `${fileName} is damaged: ${e instanceof Error ? e.message : 'unreadable project'}.`,
    );
  }
  const parsed = fileSchema.safeParse({ ...raw, project: current });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') || 'file';
    return fail(`${fileName} is damaged: ${path}: ${issue?.message ?? 'invalid'}.`);
  }
  const { project: snapshot } = parsed.data;
  // Only what the project refers to is decoded and kept: a file may carry any number of other
  // assets, and storing them would fill the disk with images nothing shows.
  const referenced = new Set<string>(assetHashesOf(snapshot));
  const assets: AssetBytes[] = [];
  for (const asset of parsed.data.assets) {
    if (!referenced.has(asset.hash)) continue;
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = base64ToBytes(asset.data);
    } catch {
      return fail(`${fileName} is damaged: asset ${asset.hash.slice(0, 12)}… is not valid base64.`);
    }
    if ((await hashBytes(bytes)) !== asset.hash) {
      return fail(
        `${fileName} is damaged: asset ${asset.hash.slice(0, 12)}… does not match its hash.`,
      );
    }
    const checked = checkStoredAsset(bytes, asset.mimeType);
    if (!checked.ok) {
      return fail(
        `${fileName} cannot be imported: asset ${asset.hash.slice(0, 12)}… is ${checked.reason}.`,
      );
    }
    assets.push({ hash: asset.hash, mimeType: checked.mimeType, bytes });
  }
  const known = new Set(assets.map((a) => a.hash));
  const missing = snapshot.shots.find((s) => s.frameHash !== null && !known.has(s.frameHash));
  if (missing)
    return fail(`${fileName} is incomplete: the frame of shot ${missing.number} is not in it.`);
  const silent = snapshot.shots.find((s) => s.audio.some((c) => !known.has(c.assetHash)));
  if (silent)
    return fail(`${fileName} is incomplete: a sound of shot ${silent.number} is not in it.`);
  if (snapshot.meta.music && !known.has(snapshot.meta.music.assetHash))
    return fail(`${fileName} is incomplete: the music is not in it.`);
  return { ok: true, snapshot, assets };
}
