import type { ProgressListener, RenderStage } from './renderTypes';

/** The UI redraws a bar; more than ~10 updates a second only costs messages. */
export const PROGRESS_MIN_INTERVAL_MS = 100;

export interface ProgressReporter {
  /** Reports unless the last report was under PROGRESS_MIN_INTERVAL_MS ago (`force` skips that). */
  report(framesDone: number, force?: boolean): void;
  /**
   * Says the render moved on to another stage (mixing, audio, finishing). Also the heartbeat of a
   * long step without frames: every report re-arms the client's watchdog.
   */
  stage(stage: RenderStage, force?: boolean): void;
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
  let lastFrames = 0;
  let currentStage: RenderStage | null = null;
  function send(framesDone: number, force: boolean): void {
    const at = now();
    if (!force && at - lastReportAt < PROGRESS_MIN_INTERVAL_MS) return;
    lastReportAt = at;
    const elapsedMs = at - startedAt;
    const etaMs =
      framesDone > 0 && elapsedMs > 0
        ? Math.round((elapsedMs * (framesTotal - framesDone)) / framesDone)
        : null;
    listener({
      framesDone,
      framesTotal,
      etaMs,
      ...(currentStage === null ? {} : { stage: currentStage }),
    });
  }
  return {
    report(framesDone, force = false) {
      lastFrames = framesDone;
      send(framesDone, force);
    },
    stage(stage, force = false) {
      const changed = stage !== currentStage;
      currentStage = stage;
      send(lastFrames, force || changed);
    },
  };
}
