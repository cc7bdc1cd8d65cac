import { z } from 'zod';
import type { Brand } from './brand';
import type { AssetHash } from './ids';

export type VersionId = Brand<string, 'VersionId'>;

/** Longest version name kept. */
export const VERSION_NAME_MAX_CHARS = 120;

/**
 * A named version of the project. The state itself (a full Yjs update of the document at that
 * moment) is an asset, named by its SHA-256 like a frame: it is stored once, travels to peers on
 * demand in chunks, and the document only carries this small record.
 */
export interface ProjectVersion {
  readonly id: VersionId;
  readonly name: string;
  readonly createdAt: number;
  readonly authorName: string;
  readonly stateHash: AssetHash;
  readonly shotCount: number;
}

export const projectVersionSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(VERSION_NAME_MAX_CHARS),
  createdAt: z.number().finite(),
  authorName: z.string(),
  stateHash: z.string().regex(/^[0-9a-f]{64}$/),
  shotCount: z.number().int().nonnegative(),
});

/** The media type version states are stored under in the asset store. */
export const VERSION_STATE_MIME = 'application/x-frameline-yjs-state';
