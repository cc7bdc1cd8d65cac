import { Reject } from './byteReader';
import { readStructTable } from './structTable';

/**
 * The one check of the guard that needs no Yjs: whether bytes read as an update at all. Its own
 * file so the asset store (loaded with the app shell) can screen saved versions without loading
 * Yjs.
 */

export type GuardResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export function refused(reason: string): GuardResult {
  return { ok: false, reason };
}

/** Whether the update's bytes read as an update at all (no bounds on its shared types). */
export function checkStructure(update: Uint8Array): GuardResult {
  try {
    readStructTable(update);
    return { ok: true };
  } catch (error) {
    if (error instanceof Reject) return refused(error.message);
    throw error;
  }
}
