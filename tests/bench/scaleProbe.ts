import type { Page } from 'playwright-core';
import type { ScaleProject } from '../helpers/scaleProject';

/**
 * The page side of the scale benchmark: writing a generated project into the app's IndexedDB,
 * and the probes that time what the person sees (first board, keystrokes, scrolling).
 */

/** Stores `project` as the app would have (list row, one document row, its frames). */
export async function storeProject(page: Page, project: ScaleProject): Promise<void> {
  const payload = {
    row: {
      id: project.id,
      title: project.title,
      createdAt: Date.UTC(2025, 0, 1),
      updatedAt: Date.UTC(2025, 0, 1),
      shotCount: project.shotCount,
      durationMs: project.durationMs,
      coverHash: project.frames[0]?.hash ?? null,
      deletedAt: null,
    },
    update: Buffer.from(project.update).toString('base64'),
    frames: project.frames.map((f) => [f.hash, Buffer.from(f.bytes).toString('base64')]),
  };
  await page.evaluate(async ({ row, update, frames }) => {
    const bytes = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('frameline');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['projects', 'docUpdates', 'assets'], 'readwrite');
    tx.objectStore('projects').put(row);
    tx.objectStore('docUpdates').add({ projectId: row.id, update: bytes(update) });
    const assets = tx.objectStore('assets');
    for (const [hash, base64] of frames) {
      const data = bytes(base64!);
      assets.put({
        hash,
        blob: new Blob([data], { type: 'image/png' }),
        mimeType: 'image/png',
        size: data.byteLength,
        createdAt: row.createdAt,
      });
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, payload);
}

/**
 * Before the app runs: notes when the first board is on screen, as milliseconds since the
 * navigation started. "On screen" is the end of the frame that first holds a `.board`: a
 * requestAnimationFrame after it appears, then a message, which runs once that frame painted.
 */
export async function installFirstBoardProbe(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __firstBoardMs?: number };
    const observer = new MutationObserver(() => {
      if (!document.querySelector('.board')) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => (w.__firstBoardMs = performance.now());
        channel.port2.postMessage(null);
      });
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

/** The steps of opening a project, as store/openMarks.ts marks them, in order. */
const OPEN_STEPS = ['start', 'rows-read', 'screened', 'applied', 'snapshot', 'ready'] as const;
/** What each step's time is spent on, as the bench prints it (the span ending at that step). */
const OPEN_SPANS = {
  start: 'page to open started (app code)',
  'rows-read': 'stored rows read (IndexedDB, document code)',
  screened: 'update screened',
  applied: 'Y.Doc applied',
  snapshot: 'snapshot read',
  ready: 'session handed over',
} as const;

/**
 * Where an open's time went: milliseconds per step since the one before (the first since the
 * navigation), then from the last step to the first board on screen (React render, layout,
 * paint). Empty when the build has no marks (one older than the marks).
 */
export async function openSteps(page: Page, firstBoard: number): Promise<Map<string, number>> {
  const marks = await page.evaluate(() =>
    performance
      .getEntriesByType('mark')
      .map((mark) => [mark.name, mark.startTime] as [string, number]),
  );
  const at = new Map(marks);
  const spans = new Map<string, number>();
  let previous = 0;
  for (const step of OPEN_STEPS) {
    const time = at.get(`frameline:open:${step}`);
    if (time === undefined) return new Map();
    spans.set(OPEN_SPANS[step], time - previous);
    previous = time;
  }
  spans.set('render to first board painted', firstBoard - previous);
  return spans;
}

export async function firstBoardMs(page: Page): Promise<number> {
  await page.waitForFunction(
    () => (window as unknown as { __firstBoardMs?: number }).__firstBoardMs !== undefined,
    null,
    { timeout: 600_000, polling: 50 },
  );
  return page.evaluate(() => (window as unknown as { __firstBoardMs: number }).__firstBoardMs);
}

/**
 * Times every keystroke from its `keydown` (the event's own timestamp) to the end of the main
 * thread's work on the frame that shows it: a requestAnimationFrame queued once the key's `input`
 * was handled, then a task posted from it, which runs once that frame's style, layout and paint
 * are done.
 *
 * That task is posted with `scheduler.postTask` at 'user-blocking' priority, not as a plain
 * message (as it was until December 2026): a message waits behind every task already queued —
 * React's passive effects (its scheduler posts messages too), the save's IndexedDB callbacks, tab
 * sync — which run after the frame was produced and do not delay it. Measured both ways in one
 * run at 5,000 shots, the message came a median 8 ms (p95 12 ms) after the user-blocking task,
 * so the old figure counted work that has nothing to do with showing the key. A user-blocking
 * task runs ahead of those, and still after the frame: what is timed is the key and its frame.
 *
 * `workMs` leaves out any wait for the display's next frame: the main-thread time from the key
 * until its handlers and React's commit are done, plus the time from the frame's start to its end.
 * `keystrokeFloor` times the same probe on a bare textarea: what the browser alone takes.
 */
export async function installKeystrokeProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __keys: { wallMs: number; workMs: number }[] };
    w.__keys = [];
    // The Prioritized Task Scheduling API (Chromium 94+); TypeScript's DOM library lacks it.
    const tasks = (
      globalThis as unknown as {
        scheduler: { postTask(task: () => void, options: { priority: string }): Promise<void> };
      }
    ).scheduler;
    let start = 0;
    window.addEventListener('keydown', (e) => (start = e.timeStamp), { capture: true });
    // Bubbling to the window comes after React's listener on its root; React commits the
    // update in a microtask of its own listener, so a microtask queued here runs after it.
    window.addEventListener('input', () => {
      const from = start;
      queueMicrotask(() => {
        const handled = performance.now();
        requestAnimationFrame((frameStart) => {
          void tasks.postTask(
            () => {
              const end = performance.now();
              // The frame may have begun while the key was still being handled.
              const frameWork = end - Math.max(frameStart, handled);
              w.__keys.push({ wallMs: end - from, workMs: handled - from + frameWork });
            },
            { priority: 'user-blocking' },
          );
        });
      });
    });
  });
}

/**
 * The probe's floor on this machine: the same keys typed into a bare textarea in a new page of
 * `context`'s browser (no app, nothing but the browser's own input, style, layout and paint).
 */
export async function keystrokeFloor(
  page: Page,
  text: string,
  delayMs: number,
): Promise<{ wallMs: number; workMs: number }[]> {
  await page.setContent('<textarea rows="3" cols="60"></textarea>');
  await page.locator('textarea').click();
  await installKeystrokeProbe(page);
  await page.keyboard.type(text, { delay: delayMs });
  await page.waitForTimeout(300);
  return keystrokeTimes(page);
}

export async function keystrokeTimes(page: Page): Promise<{ wallMs: number; workMs: number }[]> {
  return page.evaluate(
    () => (window as unknown as { __keys: { wallMs: number; workMs: number }[] }).__keys,
  );
}

/**
 * Scrolls `selector` down by `pxPerFrame` every animation frame for `frames` frames, as a steady
 * fling does, and returns the time between consecutive frames.
 */
export async function scrollFrameTimes(
  page: Page,
  selector: string,
  frames: number,
  pxPerFrame: number,
): Promise<number[]> {
  return page.evaluate(
    ({ selector, frames, pxPerFrame }) =>
      new Promise<number[]>((resolve, reject) => {
        const pane = document.querySelector<HTMLElement>(selector);
        if (!pane) {
          reject(new Error(`nothing matches ${selector}`));
          return;
        }
        const times: number[] = [];
        let last = 0;
        const tick = (now: number) => {
          if (last > 0) times.push(now - last);
          last = now;
          if (times.length >= frames) {
            resolve(times);
            return;
          }
          pane.scrollTop += pxPerFrame;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { selector, frames, pxPerFrame },
  );
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[at]!;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}
