import { useEffect } from 'react';
import type { ProjectSession } from '../../store';
import { showToast } from '../app/toastStore';

/** The same refusal again within this window is not shown twice (a slider sends many). */
const REPEAT_QUIET_MS = 4000;

/**
 * Tells the person about every command the session refused or that failed (read-only, invalid
 * input): the one place, so no control can fail silently.
 */
export function useCommandFailures(session: ProjectSession): void {
  useEffect(() => {
    let last = { message: '', at: 0 };
    return session.onCommandFailed((error) => {
      const now = Date.now();
      if (error.message === last.message && now - last.at < REPEAT_QUIET_MS) return;
      last = { message: error.message, at: now };
      const title = error.failure === 'read-only' ? 'Read-only' : 'Not changed';
      showToast({
        kind: error.failure === 'read-only' ? 'info' : 'error',
        title,
        detail: error.message,
      });
    });
  }, [session]);
}
