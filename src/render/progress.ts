import type { ProgressListener } from './renderTypes';

/** The UI redraws a bar; more than ~10 updates a second only costs messages. */
export const PROGRESS_MIN_INTERVAL_MS = 100;

export interface ProgressReporter {
  /** Reports unless the last report was under PROGRESS_MIN_INTERVAL_MS ago (`force` skips that). */
  report(framesDone: number, force?: boolean): void;
}

/**
 * Throttled progress with a linear ETA (time so far × frames left / frames done). Holds make
 * frames cheap and uneven, so the ETA is rough, but it only ever has to move a progress bar.
 */
export function createProgressReporter(
  framesTotal: number,
  listener: ProgressListener,
  now: () => number = () => performance.now(),
): ProgressReporter {
  const startedAt = now();
  let lastReportAt = -Infinity;
  return {
    report(framesDone, force = false) {
      const at = now();
      if (!force && at - lastReportAt < PROGRESS_MIN_INTERVAL_MS) return;
      lastReportAt = at;
      const elapsedMs = at - startedAt;
      const etaMs =
        framesDone > 0 && elapsedMs > 0
          ? Math.round((elapsedMs * (framesTotal - framesDone)) / framesDone)
          : null;
      listener({ framesDone, framesTotal, etaMs });
    },
  };
}
