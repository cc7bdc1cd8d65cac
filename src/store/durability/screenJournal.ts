import { screenStoredLog } from '../storedLog';

/**
 * Which journaled updates may be replayed onto a document whose stored log screened clean. The
 * journal holds what a tab did not get into IndexedDB, and that may include a peer's update; so
 * it passes the same screen as the log (storedLog.ts), together with it, since bounds like
 * nesting depend on the whole document. An entry the screen blames is dropped rather than
 * stored: it would lock the project on every open, and a journal entry is seconds of work, not
 * the project. When the screen cannot say which entry is to blame, none is replayed.
 */
export function screenJournal(
  logUpdates: readonly Uint8Array[],
  journalUpdates: readonly Uint8Array[],
): { readonly usable: readonly Uint8Array[]; readonly dropped: number } {
  if (journalUpdates.length === 0) return { usable: [], dropped: 0 };
  const { damage } = screenStoredLog([...logUpdates, ...journalUpdates]);
  if (damage.length === 0) return { usable: journalUpdates, dropped: 0 };
  const blamed = new Set<number>();
  for (const problem of damage) {
    const index = problem.change === null ? -1 : problem.change - 1 - logUpdates.length;
    if (index < 0) return { usable: [], dropped: journalUpdates.length };
    blamed.add(index);
  }
  const usable = journalUpdates.filter((_, i) => !blamed.has(i));
  return { usable, dropped: journalUpdates.length - usable.length };
}
