import { z } from 'zod';

/**
 * The `.frameline` bundle: one project as a zip anyone can open without Frameline.
 *
 *   manifest.json        what is inside (this schema), sizes and hashes
 *   document.yjs         the project's Y.Doc as one update (Y.encodeStateAsUpdate): the truth
 *   project.json         the same project as plain JSON, for people and other tools (not read back)
 *   README.txt           this layout in words
 *   assets/<sha256>      every image the document mentions, named by the SHA-256 of its bytes
 *
 * `version` changes only when a reader of the old format could not read the new one.
 */
export const BUNDLE_FORMAT = 'frameline.bundle';
export const BUNDLE_VERSION = 1;
export const BUNDLE_EXTENSION = '.frameline';
export const BUNDLE_MIME_TYPE = 'application/vnd.frameline.bundle+zip';

export const ENTRY = {
  manifest: 'manifest.json',
  document: 'document.yjs',
  projectJson: 'project.json',
  readme: 'README.txt',
} as const;
const ASSET_ENTRY = /^assets\/([0-9a-f]{64})$/;

export function assetEntryName(hash: string): string {
  return `assets/${hash}`;
}

/** The hash an entry name stands for, or null when it is not an asset entry. */
export function assetHashOfEntry(name: string): string | null {
  return ASSET_ENTRY.exec(name)?.[1] ?? null;
}

/**
 * Limits checked against the sizes the zip declares before anything is inflated, and enforced
 * again while inflating (a declared size can lie). Generous for real projects, small enough that
 * a hostile file cannot exhaust memory.
 */
export const LIMITS = {
  fileBytes: 2 * 1024 ** 3,
  totalBytes: 2 * 1024 ** 3,
  entries: 20_000,
  manifestBytes: 4 * 1024 ** 2,
  documentBytes: 64 * 1024 ** 2,
  projectJsonBytes: 64 * 1024 ** 2,
  readmeBytes: 64 * 1024,
  assetBytes: 256 * 1024 ** 2,
} as const;

/** Largest inflated size allowed for an entry, or null when the name is not one we expect. */
export function entryLimit(name: string): number | null {
  switch (name) {
    case ENTRY.manifest:
      return LIMITS.manifestBytes;
    case ENTRY.document:
      return LIMITS.documentBytes;
    case ENTRY.projectJson:
      return LIMITS.projectJsonBytes;
    case ENTRY.readme:
      return LIMITS.readmeBytes;
    default:
      return assetHashOfEntry(name) === null ? null : LIMITS.assetBytes;
  }
}

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lowercase hex');

export const bundleManifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  exportedAt: z.string(),
  /** Which Frameline wrote it (build id), for support. */
  generator: z.string().max(200),
  project: z.object({
    id: z.string().regex(/^[\w-]{1,64}$/, 'must be a project id'),
    title: z.string().max(1000),
    createdAt: z.number().int().nonnegative(),
    updatedAt: z.number().int().nonnegative(),
    schemaVersion: z.number().int().positive(),
  }),
  document: z.object({
    size: z.number().int().nonnegative().max(LIMITS.documentBytes),
    sha256,
  }),
  assets: z
    .array(
      z.object({
        hash: sha256,
        mimeType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a MIME type'),
        size: z.number().int().nonnegative().max(LIMITS.assetBytes),
      }),
    )
    .max(LIMITS.entries),
  /**
   * Images the document mentions that the exporting browser no longer had: listed so that the
   * bundle is honest about them, and so that importing it is not refused as cut short.
   */
  missingAssets: z.array(sha256).max(LIMITS.entries).default([]),
});

export type BundleManifest = z.infer<typeof bundleManifestSchema>;

export const README_TEXT = `This is a Frameline project bundle (a zip file).

manifest.json    what is inside: the project's id and title, sizes and SHA-256 hashes
document.yjs     the project document as one Yjs update (https://yjs.dev): the truth
project.json     the same project as plain JSON (scenes, shots, characters), to read anywhere
assets/<sha256>  the images, each named by the SHA-256 of its bytes (PNG or JPEG)

Open it in Frameline with "Import bundle", or drop it onto the Frameline window.
`;
