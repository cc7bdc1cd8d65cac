import type { AssetHash } from '../model/ids';
import { checkAssetBytes, inertType, type AssetCheck } from '../model/mediaType';
import { VERSION_STATE_MIME } from '../model/version';
import type { FramelineDb } from './db';
import { notifyAssetStored } from './assetEvents';
import { checkStructure } from './updateGuard/structure';

/** SHA-256 of the bytes as lowercase hex: the asset's name everywhere (Y.Doc, exports, peers). */
export async function hashBytes(bytes: BufferSource): Promise<AssetHash> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex as AssetHash;
}

/**
 * Bytes that are not an image, sound or video format Frameline accepts (model/mediaType.ts), or
 * that hide web markup: refused before anything is stored, whoever sent them.
 */
export class AssetRefusedError extends Error {
  override readonly name = 'AssetRefusedError';
  constructor(readonly reason: string) {
    super(`This file cannot be used: it is ${reason}.`);
  }
}

/**
 * The check before anything is stored, whoever sent it (a file, a bundle, a peer, a provider):
 * the bytes must be a media format Frameline accepts (model/mediaType.ts), and a version's saved
 * state — the one asset that is not media, which the model cannot check without Yjs — must read
 * as a Yjs update. Its type is inert, but what the bytes are still decides: no peer or file can
 * park a page, or anything else, under it. The result's type is the one to store.
 */
export function checkStoredAsset(bytes: Uint8Array, declaredType: string): AssetCheck {
  const checked = checkAssetBytes(bytes, declaredType);
  if (!checked.ok || checked.mimeType !== VERSION_STATE_MIME) return checked;
  const structure = checkStructure(bytes);
  return structure.ok
    ? checked
    : { ok: false, reason: `not a saved version of a project (${structure.reason})` };
}

export interface AssetStore {
  /**
   * Stores bytes once (content-addressed) and returns their hash. The type stored is the one the
   * bytes are (the declared one only picks between audio and video of one container); bytes of
   * no accepted format throw AssetRefusedError.
   */
  put(bytes: Uint8Array, mimeType: string): Promise<AssetHash>;
  /** The bytes, typed so that a URL made of them never renders as a page. */
  get(hash: AssetHash): Promise<Blob | null>;
  has(hash: AssetHash): Promise<boolean>;
}

export function createAssetStore(db: FramelineDb): AssetStore {
  return {
    async put(bytes, declaredType) {
      const checked = checkStoredAsset(bytes, declaredType);
      if (!checked.ok) throw new AssetRefusedError(checked.reason);
      const { mimeType } = checked;
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
      const blob = (await db.assets.get(hash))?.blob;
      if (!blob) return null;
      // Rows stored before types were sniffed may say image/svg+xml: served as plain bytes.
      const type = inertType(blob.type);
      return type === blob.type ? blob : blob.slice(0, blob.size, type);
    },
    async has(hash) {
      return (await db.assets.where('hash').equals(hash).count()) > 0;
    },
  };
}
