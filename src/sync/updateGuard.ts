import type * as Y from 'yjs';
import { ByteReader, checkUpdate as checkAnyUpdate, Reject } from '../store/updateGuard';
import type { GuardResult } from '../store/updateGuard';
import { MAX_REMOTE_UPDATE_BYTES } from './limits';

/**
 * The checks on what peers, other tabs and servers send, before Yjs or the awareness protocol
 * sees it. Document updates go through the store's guard (store/updateGuard: structure, sizes,
 * the count and the nesting of shared types) with the size limit of a remote update and the live
 * document, so nesting is counted from what the document already holds.
 */
export type { GuardResult } from '../store/updateGuard';

export function checkUpdate(
  update: Uint8Array,
  options: { readonly maxBytes?: number; readonly doc?: Y.Doc } = {},
): GuardResult {
  return checkAnyUpdate(update, { maxBytes: MAX_REMOTE_UPDATE_BYTES, ...options });
}

function guarded(read: () => void): GuardResult {
  try {
    read();
    return { ok: true };
  } catch (error) {
    if (error instanceof Reject) return { ok: false, reason: error.message };
    throw error;
  }
}

/** A state vector (sync step 1): client/clock pairs, nothing else. */
export function checkStateVector(vector: Uint8Array): GuardResult {
  return guarded(() => {
    const reader = new ByteReader(vector);
    const entries = reader.count('state vector entry');
    for (let i = 0; i < entries; i++) {
      reader.varUint();
      reader.varUint();
    }
    if (reader.left !== 0) throw new Reject('stray bytes after the state vector');
  });
}

/** An awareness update: per client an id, a clock and a JSON state (or `null`). */
export function checkAwarenessUpdate(update: Uint8Array, maxBytes: number): GuardResult {
  if (update.byteLength > maxBytes) {
    return {
      ok: false,
      reason: `presence message of ${update.byteLength} bytes is over the limit`,
    };
  }
  return guarded(() => {
    const reader = new ByteReader(update);
    const entries = reader.count('presence entry');
    for (let i = 0; i < entries; i++) {
      reader.varUint();
      reader.varUint();
      reader.json();
    }
    if (reader.left !== 0) throw new Reject('stray bytes after the presence message');
  });
}
