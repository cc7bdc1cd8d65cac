import { z } from 'zod';

/**
 * Ids of the records a project holds, branded so a shot's id is never passed as a scene's. Ids
 * are random (`newId`), so the schemas only insist on a non-empty string.
 */
export const projectIdSchema = z.string().min(1).brand<'ProjectId'>();
export const sceneIdSchema = z.string().min(1).brand<'SceneId'>();
export const shotIdSchema = z.string().min(1).brand<'ShotId'>();
export const characterIdSchema = z.string().min(1).brand<'CharacterId'>();

export type ProjectId = z.output<typeof projectIdSchema>;
export type SceneId = z.output<typeof sceneIdSchema>;
export type ShotId = z.output<typeof shotIdSchema>;
export type CharacterId = z.output<typeof characterIdSchema>;

const ASSET_HASH_PATTERN = /^[0-9a-f]{64}$/;

/** Lowercase hex SHA-256 of an asset's bytes. The Y.Doc only ever holds this, never the bytes. */
export const assetHashSchema = z.string().regex(ASSET_HASH_PATTERN).brand<'AssetHash'>();
export type AssetHash = z.output<typeof assetHashSchema>;

export function isAssetHash(value: unknown): value is AssetHash {
  return typeof value === 'string' && ASSET_HASH_PATTERN.test(value);
}

/**
 * Random ids. `crypto.randomUUID` exists in browsers, workers and Node ≥ 19; ids made on two
 * peers at once must never collide, so no counters.
 */
export function newId<T extends ProjectId | SceneId | ShotId | CharacterId>(): T {
  return crypto.randomUUID() as T;
}
