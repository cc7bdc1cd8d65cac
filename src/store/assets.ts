import type { AssetHash } from '../model/ids';
import type { FramelineDb } from './db';
import { notifyAssetStored } from './assetEvents';

/** SHA-256 of the bytes as lowercase hex: the asset's name everywhere (Y.Doc, exports, peers). */
export async function hashBytes(bytes: BufferSource): Promise<AssetHash> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex as AssetHash;
}

export interface AssetStore {
  /** Stores bytes once (content-addressed) and returns their hash. */
  put(bytes: Uint8Array, mimeType: string): Promise<AssetHash>;
  get(hash: AssetHash): Promise<Blob | null>;
  has(hash: AssetHash): Promise<boolean>;
}

export function createAssetStore(db: FramelineDb): AssetStore {
  return {
    async put(bytes, mimeType) {
      const hash = await hashBytes(bytes as Uint8Array<ArrayBuffer>);
      // Same hash, same bytes: an existing row is already right, so never rewrite it.
      await db.transaction('rw', db.assets, async () => {
        if (await db.assets.get(hash)) return;
        const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType });
        await db.assets.add({
          hash,
          blob,
          mimeType,
          size: bytes.byteLength,
          createdAt: Date.now(),
        });
      });
      // A view may be showing a placeholder for these bytes (a frame named by a peer's edit
      // before this tab drew or received it): tell it they are here.
      notifyAssetStored(hash);
      return hash;
    },
    async get(hash) {
      return (await db.assets.get(hash))?.blob ?? null;
    },
    async has(hash) {
      return (await db.assets.where('hash').equals(hash).count()) > 0;
    },
  };
}
