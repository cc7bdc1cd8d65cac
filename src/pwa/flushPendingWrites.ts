import type { ProjectSession } from '../store';

/**
 * Puts everything the user did on disk before the page goes away (an update's reload). A field
 * still being typed in commits when it loses focus (titles, durations), so focus leaves it first;
 * then the open project's pending writes are flushed. Throws when they could not be saved (a full
 * disk): the caller must not reload then, or those edits are gone.
 */
export async function flushPendingWrites(session: ProjectSession | null): Promise<void> {
  const focused = document.activeElement;
  if (focused instanceof HTMLElement) focused.blur();
  if (!session) return;
  await session.flush();
  // A sketch landing meanwhile makes one more write; it is the app's own, and redone if lost.
  if (session.getSaveState().status === 'pending') await session.flush();
  const { status, error } = session.getSaveState();
  if (status === 'error') throw error ?? new Error('Your latest edits are not saved.');
}
