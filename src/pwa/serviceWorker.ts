import type { Workbox } from 'workbox-window';
import { errorNotice, type AppServices } from '../workflows/appServices';
import { flushPendingWrites } from './flushPendingWrites';

/**
 * The service worker as the app sees it. Updates never activate on their own (an editor must not
 * reload under the user, PITFALLS.md): a new version waits, the user is asked, and accepting
 * flushes every pending write before the new worker takes over and the page reloads.
 *
 *   unsupported        no service worker here (dev server, old browser): the app still works
 *   installing         the first visit: the app is being stored for offline use
 *   ready              the app works offline
 *   update-waiting     a new version is installed and waits for the user
 *   updating           the user accepted: saving, activating, reloading
 *   updated-elsewhere  another tab activated a new version: this page runs old code, reload it
 */
export type ServiceWorkerStatus =
  'unsupported' | 'installing' | 'ready' | 'update-waiting' | 'updating' | 'updated-elsewhere';

/** How often an open app asks the server for a new version (also on focus and when online). */
export const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;
/** If the new worker does not take over by then, reload anyway: the writes are already saved. */
const ACTIVATION_TIMEOUT_MS = 10_000;

let status: ServiceWorkerStatus = 'installing';
let workbox: Workbox | null = null;
let accepting = false;
let started = false;
let services: AppServices | null = null;
const listeners = new Set<() => void>();

function setStatus(next: ServiceWorkerStatus) {
  if (status === next) return;
  status = next;
  for (const listener of listeners) listener();
}

export const serviceWorkerStore = {
  getSnapshot: (): ServiceWorkerStatus => status,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** Asks the server whether a new version exists (a no-op without a worker). */
export async function checkForUpdate(): Promise<void> {
  try {
    await workbox?.update();
  } catch {
    // Offline or the server is away: the next check will do.
  }
}

/** Registers the worker once (production builds only) and starts the periodic update checks. */
export async function startServiceWorker(app: AppServices): Promise<void> {
  if (started) return;
  started = true;
  services = app;
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return setStatus('unsupported');
  const { Workbox } = await import('workbox-window');
  const wb = new Workbox('/sw.js', { scope: '/' });
  workbox = wb;
  const wasControlled = navigator.serviceWorker.controller !== null;
  wb.addEventListener('waiting', () => {
    if (status !== 'updating') setStatus('update-waiting');
  });
  wb.addEventListener('controlling', (event) => {
    if (accepting) return window.location.reload();
    if (event.isUpdate || wasControlled) setStatus('updated-elsewhere');
    else {
      setStatus('ready');
      app.notify({
        kind: 'info',
        title: 'Frameline works offline now',
        detail: 'It is stored in this browser and opens without a network.',
      });
    }
  });
  try {
    await wb.register();
  } catch (error) {
    console.warn('Service worker registration failed; the app works, but not offline.', error);
    return setStatus('unsupported');
  }
  if (wasControlled && status === 'installing') setStatus('ready');
  setInterval(() => void checkForUpdate(), UPDATE_CHECK_INTERVAL_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void checkForUpdate();
  });
  window.addEventListener('online', () => void checkForUpdate());
}

/**
 * "Reload to update": saves first, then lets the waiting worker take over and reloads. When the
 * save fails (a full disk), nothing reloads and the user is told why.
 */
export async function acceptUpdate(): Promise<void> {
  const before = status;
  setStatus('updating');
  try {
    await flushPendingWrites(services?.activeSession() ?? null);
  } catch (error) {
    setStatus(before);
    console.error(error);
    services?.notify(errorNotice('Not updated yet: your latest edits could not be saved', error));
    return;
  }
  accepting = true;
  const registration = await navigator.serviceWorker?.getRegistration();
  if (!registration?.waiting || !workbox) return window.location.reload();
  workbox.messageSkipWaiting();
  setTimeout(() => window.location.reload(), ACTIVATION_TIMEOUT_MS);
}
