import type { Page } from 'playwright-core';

/** Waits until the service worker is active and controls the page (first install included). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) =>
      navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
    );
  });
}

/** The build id the page runs, from `<meta name="frameline-build">`. */
export function buildIdOf(page: Page): Promise<string | null> {
  return page.evaluate(
    () => document.querySelector('meta[name="frameline-build"]')?.getAttribute('content') ?? null,
  );
}

export async function openStoragePanel(page: Page) {
  await page.getByRole('button', { name: 'Storage', exact: true }).click();
  const panel = page.getByRole('dialog', { name: 'Storage' });
  await panel.waitFor();
  return panel;
}

export async function closeStoragePanel(page: Page): Promise<void> {
  const panel = page.getByRole('dialog', { name: 'Storage' });
  await panel.getByRole('button', { name: 'Done' }).click();
  await panel.waitFor({ state: 'detached' });
}

/** A short screenplay: two scenes, a few shots, quick to sketch and render. */
export const SHORT_SCRIPT = `Title: Night Shift

INT. KITCHEN - NIGHT

ANNA waits by the window. Rain.

ANNA
He is not coming.

EXT. ROOF - NIGHT

Ben lights a cigarette.
`;

/** Pastes a screenplay as a new project and waits for it to open. */
export async function pasteScript(page: Page, script = SHORT_SCRIPT): Promise<void> {
  await page.getByRole('button', { name: 'Paste script' }).click();
  await page.getByLabel('Screenplay text').fill(script);
  await page.getByRole('button', { name: 'Import pasted script' }).click();
  await page.getByRole('navigation', { name: 'Scenes' }).waitFor();
}

/** Boards and their sketched images, counted together (boards may still be appearing). */
export function boardCounts(page: Page): Promise<[number, number]> {
  return page.evaluate(() => [
    document.querySelectorAll('.board').length,
    document.querySelectorAll('.board img').length,
  ]);
}

/** Projects stored in this browser (deleted ones included), read from IndexedDB. */
export function projectCount(target: Page): Promise<number> {
  return target.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('frameline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('projects')) {
            db.close();
            resolve(0);
            return;
          }
          const count = db.transaction('projects').objectStore('projects').count();
          count.onsuccess = () => {
            resolve(count.result);
            db.close();
          };
        };
      }),
  );
}
