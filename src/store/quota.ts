import { createAssetStore as createPlainAssetStore, type AssetStore } from './assets';
import type { FramelineDb } from './db';

/**
 * A full disk, said in words a user can act on. Asset writes (sketches, imported frames) fail with
 * this instead of a bare DOMException, the same way DocPersistence reports document writes, and
 * anyone listening (the app's storage alert) hears about it once per failure.
 */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
  constructor(what: string, options?: ErrorOptions) {
    super(
      `Your browser storage is full, so ${what} could not be saved. Everything saved before is safe: free some space (delete old projects or unused images in Storage) and try again.`,
      options,
    );
  }
}

/** IndexedDB reports a full quota as QuotaExceededError, Dexie sometimes wraps it in `inner`. */
export function isQuotaExceeded(cause: unknown): boolean {
  for (let error = cause, depth = 0; error instanceof Error && depth < 4; depth++) {
    if (error.name === 'QuotaExceededError' || error instanceof StorageFullError) return true;
    error = 'inner' in error ? error.inner : error.cause;
  }
  return false;
}

type Listener = (error: StorageFullError) => void;
const listeners = new Set<Listener>();

/** Calls back whenever a write failed because storage is full. Returns unsubscribe. */
export function onStorageFull(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportStorageFull(error: StorageFullError): void {
  for (const listener of listeners) listener(error);
}

/** The asset store with quota failures turned into StorageFullError (and reported). */
export function withQuotaMessages(store: AssetStore): AssetStore {
  return {
    ...store,
    async put(bytes, mimeType) {
      try {
        return await store.put(bytes, mimeType);
      } catch (cause) {
        if (!isQuotaExceeded(cause)) throw cause;
        const error = new StorageFullError('an image', { cause });
        reportStorageFull(error);
        throw error;
      }
    },
  };
}

/** What the app uses (exported from the store as `createAssetStore`). */
export function createQuotaAwareAssetStore(db: FramelineDb): AssetStore {
  return withQuotaMessages(createPlainAssetStore(db));
}
