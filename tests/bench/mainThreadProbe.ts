import type { Page } from 'playwright-core';

/**
 * What the page's main thread went through between `start` and `stop`: every long task Chromium
 * reported (PerformanceObserver 'longtask': a task of over 50 ms, whatever ran it — script,
 * style, layout, a Yjs transaction, React), and the longest gap between animation frames (a
 * requestAnimationFrame heartbeat; it also catches blocks made of several tasks back to back).
 */
export interface MainThreadReport {
  /** Longest single task, in milliseconds (0 when there was none over 50 ms). */
  readonly longestTaskMs: number;
  readonly longTasks: number;
  /** Sum of the time past 50 ms of every long task (Lighthouse's "total blocking time"). */
  readonly blockingMs: number;
  /** Longest time between two animation frames. */
  readonly longestFrameGapMs: number;
  readonly frames: number;
}

interface ProbeState {
  recording: boolean;
  tasks: number[];
  frames: number;
  lastFrame: number;
  longestGap: number;
}

/** Installs the probe before any of the app's code runs (call before `page.goto`). */
export async function installMainThreadProbe(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const probe: ProbeState = {
      recording: false,
      tasks: [],
      frames: 0,
      lastFrame: 0,
      longestGap: 0,
    };
    (window as unknown as { __mainThreadProbe: ProbeState }).__mainThreadProbe = probe;
    new PerformanceObserver((list) => {
      if (!probe.recording) return;
      for (const entry of list.getEntries()) probe.tasks.push(entry.duration);
    }).observe({ type: 'longtask' });
    const tick = (now: number) => {
      if (probe.recording) {
        if (probe.lastFrame > 0)
          probe.longestGap = Math.max(probe.longestGap, now - probe.lastFrame);
        probe.frames++;
      }
      probe.lastFrame = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

export async function startRecording(page: Page): Promise<void> {
  await page.evaluate(() => {
    const probe = (window as unknown as { __mainThreadProbe: ProbeState }).__mainThreadProbe;
    Object.assign(probe, { recording: true, tasks: [], frames: 0, longestGap: 0 });
  });
}

export async function stopRecording(page: Page): Promise<MainThreadReport> {
  // One more frame, so a block still running when the import finished is counted.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  // Long task entries arrive after their task: give the observer a moment to hear the last one.
  await page.waitForTimeout(200);
  return page.evaluate(() => {
    const probe = (window as unknown as { __mainThreadProbe: ProbeState }).__mainThreadProbe;
    probe.recording = false;
    return {
      longestTaskMs: Math.max(0, ...probe.tasks),
      longTasks: probe.tasks.length,
      blockingMs: probe.tasks.reduce((sum, ms) => sum + Math.max(0, ms - 50), 0),
      longestFrameGapMs: probe.longestGap,
      frames: probe.frames,
    };
  });
}
