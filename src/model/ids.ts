import type { Brand } from './brand';

export type ProjectId = Brand<string, 'ProjectId'>;
export type SceneId = Brand<string, 'SceneId'>;
export type ShotId = Brand<string, 'ShotId'>;
export type CharacterId = Brand<string, 'CharacterId'>;
/** Lowercase hex SHA-256 of an asset's bytes. The Y.Doc only ever holds this, never the bytes. */
export type AssetHash = Brand<string, 'AssetHash'>;

const ASSET_HASH_PATTERN = /^[0-9a-f]{64}$/;

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
