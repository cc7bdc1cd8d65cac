import { isQuotaExceeded } from '../quota';

/**
 * Why the latest edits are not in IndexedDB, in words a person can act on, and where they are
 * meanwhile: in the journal (they come back when the project opens again, but a browser crash or
 * a cleared site loses them) or only in this tab's memory. Either way the honest advice is the
 * same: export a copy.
 */
export class SaveError extends Error {
  override readonly name = 'SaveError';

  constructor(
    /** IndexedDB refused the write for lack of space. */
    readonly storageFull: boolean,
    /** Every edit not in IndexedDB is in the journal. */
    readonly journaled: boolean,
    cause: unknown,
  ) {
    super(describe(storageFull, journaled, cause), { cause });
  }
}

export function toSaveError(cause: unknown, journaled: boolean): SaveError {
  return new SaveError(isQuotaExceeded(cause), journaled, cause);
}

function describe(storageFull: boolean, journaled: boolean, cause: unknown): string {
  const what = storageFull
    ? 'Browser storage is full, so your latest edits are not saved.'
    : `Saving to browser storage failed (${cause instanceof Error ? cause.message : String(cause)}), so your latest edits are not saved.`;
  const where = journaled
    ? 'A small backup in this browser holds them and brings them back when the project opens again, but it is not a safe copy.'
    : 'They exist only in this tab and are lost when it closes.';
  const next = storageFull
    ? 'Export a copy, then free some space (delete old projects or unused images under Storage).'
    : 'Export a copy; saving is retried every few seconds.';
  return `${what} ${where} ${next}`;
}
