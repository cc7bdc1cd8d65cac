import { z } from 'zod';
import { assetHashSchema } from './ids';
import { migrationSequence } from './migrations';
import type { Stored } from './stored';

export const versionIdSchema = z.string().min(1).brand<'VersionId'>();
export type VersionId = z.output<typeof versionIdSchema>;

/** Longest version name kept. */
export const VERSION_NAME_MAX_CHARS = 120;

/**
 * A named version of the project. The state itself (a full Yjs update of the document at that
 * moment) is an asset, named by its SHA-256 like a frame: it is stored once, travels to peers on
 * demand in chunks, and the document only carries this small record.
 */
export const projectVersionSchema = z.object({
  id: versionIdSchema,
  name: z.string().min(1).max(VERSION_NAME_MAX_CHARS),
  createdAt: z.number().finite(),
  authorName: z.string(),
  stateHash: assetHashSchema,
  shotCount: z.number().int().nonnegative(),
});

export type ProjectVersion = Stored<typeof projectVersionSchema>;

export const versionMigrations = migrationSequence('version', []);

/** The media type version states are stored under in the asset store. */
export const VERSION_STATE_MIME = 'application/x-frameline-yjs-state';
