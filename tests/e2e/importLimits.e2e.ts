import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { buildFeatureLengthScript } from '../bench/parseCorpus';
import { bundleOfShots } from '../helpers/bigBundle';
import { launchPersistent, trackPageErrors } from '../helpers/browser';

/**
 * Imports inside the limits never freeze the tab or fill the disk: a bundle keeps only the images
 * its document uses, a screenplay too big to board is refused in words and changes nothing, and the
 * page keeps answering while a large import runs.
 */

let page: Page;
let errors: string[];
let close: () => Promise<void>;
/**
 * Files are chosen from disk: a buffer given to setInputFiles is turned into a File by script in
 * the page, which itself would block the main thread these tests watch.
 */
const dir = mkdtempSync(join(tmpdir(), 'frameline-import-limits-'));
/** Just under the 5 MB screenplay limit: 125,000 paragraphs, about 46,000 shots if planned. */
let hugeScript: string;

beforeAll(async () => {
  hugeScript = join(dir, 'huge.fountain');
  writeFileSync(hugeScript, buildFeatureLengthScript(Math.round(4.9 * 1024 * 1024)));
  const browser = await launchPersistent();
  close = browser.close;
  page = await browser.context.newPage();
  errors = trackPageErrors(page);
  await page.goto(inject('baseUrl'));
  await page.getByRole('heading', { name: 'Projects' }).waitFor();
});

afterAll(async () => {
  await close?.();
  rmSync(dir, { recursive: true, force: true });
});

/** Counts animation frames from now on: a page that is blocked does not tick. */
async function startHeartbeat(page: Page): Promise<void> {
  await page.evaluate(() => {
    const beat = { ticks: 0, running: true };
    (window as unknown as { __beat: typeof beat }).__beat = beat;
    const tick = () => {
      if (!beat.running) return;
      beat.ticks++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function stopHeartbeat(page: Page): Promise<number> {
  return page.evaluate(() => {
    const beat = (window as unknown as { __beat: { ticks: number; running: boolean } }).__beat;
    beat.running = false;
    return beat.ticks;
  });
}

/** Projects, stored document changes and asset hashes, read straight from IndexedDB. */
function stored(page: Page): Promise<{ projects: number; changes: number; assets: string[] }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('frameline');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(['projects', 'docUpdates', 'assets']);
          const projects = tx.objectStore('projects').count();
          const changes = tx.objectStore('docUpdates').count();
          const assets = tx.objectStore('assets').getAllKeys();
          tx.oncomplete = () => {
            resolve({
              projects: projects.result,
              changes: changes.result,
              assets: assets.result.map(String),
            });
            db.close();
          };
        };
      }),
  );
}

test('a bundle stores only the images its document refers to', async () => {
  const bundle = await bundleOfShots({ shots: 3, unreferenced: 5, title: 'Stuffed bundle' });
  await page.getByLabel('Bundle file').setInputFiles({
    name: 'stuffed.frameline',
    mimeType: 'application/zip',
    buffer: Buffer.from(bundle.bytes),
  });
  await page.getByText('Imported bundle “Stuffed bundle”').waitFor();
  await expect.poll(() => page.locator('.board img').count()).toBe(3);
  const { assets } = await stored(page);
  expect(assets.sort()).toEqual([...bundle.referenced].sort());
  expect(errors).toEqual([]);
});

test('a screenplay too big to board is refused in words, the page ticking meanwhile', async () => {
  await page.goto(inject('baseUrl'));
  await page.getByRole('heading', { name: 'Projects' }).waitFor();
  const before = await stored(page);
  await startHeartbeat(page);
  await page.getByLabel('Screenplay file').setInputFiles(hugeScript);
  // The worker reads and plans for a second or more; the page keeps drawing frames meanwhile.
  await page.getByRole('dialog', { name: 'Importing “huge.fountain”' }).waitFor();
  const refusal = page.locator('.toast', { hasText: 'Screenplay not imported' });
  await refusal.waitFor({ timeout: 90_000 });
  const ticks = await stopHeartbeat(page);
  await expect
    .poll(() => refusal.textContent())
    .toMatch(
      /“huge\.fountain” has [\d,]+ paragraphs of script \(it reaches 50,000 at line [\d,]+\); Frameline reads up to 50,000 per project\. Split it into parts and import each as its own project\./,
    );
  expect(ticks).toBeGreaterThanOrEqual(10);
  expect(await page.getByRole('dialog').count()).toBe(0);
  expect(await stored(page)).toEqual(before);
  await page.getByRole('heading', { name: 'Projects' }).waitFor();
  expect(errors).toEqual([]);
});

test('an open empty project stays empty when the screenplay is refused', async () => {
  await page.goto(inject('baseUrl'));
  await page.getByRole('button', { name: 'New project' }).click();
  await page.getByRole('heading', { name: 'No boards yet' }).waitFor();
  const before = await stored(page);
  await page.getByLabel('Screenplay file').setInputFiles(hugeScript);
  await page.locator('.toast', { hasText: 'Screenplay not imported' }).waitFor({ timeout: 90_000 });
  await page.getByRole('heading', { name: 'No boards yet' }).waitFor();
  expect(await page.locator('.board').count()).toBe(0);
  expect(await stored(page)).toEqual(before);
});
