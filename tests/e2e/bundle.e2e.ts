import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launchPersistent, trackPageErrors, chooseExport } from '../helpers/browser';
import { HOSTILE_KINDS, hostileBundle } from '../helpers/bundle';
import { boardCounts, openStoragePanel, pasteScript } from '../helpers/pwa';

/**
 * The `.frameline` bundle as a user meets it: export, import into a fresh browser with nothing
 * lost (same project JSON, byte-equal images), importing over an existing copy or beside it,
 * refusing hostile files without changing anything, drops, and the one-click backup.
 */

interface Browser {
  context: BrowserContext;
  close: () => Promise<void>;
  page: Page;
  errors: string[];
}

let first: Browser;
let second: Browser;
let bundlePath: string;
let original: { project: unknown; assets: unknown[] };

async function open(): Promise<Browser> {
  const { context, close } = await launchPersistent();
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  await page.goto(inject('baseUrl'));
  return { context, close, page, errors };
}

beforeAll(async () => {
  first = await open();
  second = await open();
});

afterAll(async () => {
  await first?.close();
  await second?.close();
});

async function waitForAllFrames(page: Page) {
  await expect
    .poll(() => boardCounts(page), { timeout: 30_000 })
    .toSatisfy(([all, framed]) => all > 0 && all === framed);
}

async function exportProjectJson(page: Page) {
  const download = page.waitForEvent('download');
  await chooseExport(page, 'Project file (.json)');
  return JSON.parse(readFileSync(await (await download).path(), 'utf8'));
}

/** Projects and stored images, read straight from IndexedDB. */
function storedCounts(page: Page): Promise<{ projects: number; assets: number }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('frameline');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(['projects', 'assets']);
          const projects = tx.objectStore('projects').count();
          const assets = tx.objectStore('assets').count();
          tx.oncomplete = () => {
            resolve({ projects: projects.result, assets: assets.result });
            db.close();
          };
        };
      }),
  );
}

async function toList(page: Page) {
  await page.getByRole('link', { name: /all projects/ }).click();
  await page.getByRole('heading', { name: 'Projects' }).waitFor();
}

test('a project exports as one .frameline bundle', async () => {
  const { page } = first;
  await pasteScript(page);
  await waitForAllFrames(page);
  await page
    .getByRole('button', { name: /^Shot / })
    .nth(1)
    .click();
  await page.getByLabel('Duration (seconds)').fill('3.5');
  await page.getByLabel('Duration (seconds)').press('Enter');
  original = await exportProjectJson(page);
  const download = page.waitForEvent('download');
  await chooseExport(page, 'Frameline bundle (.frameline)');
  const file = await download;
  expect(file.suggestedFilename()).toBe('night-shift.frameline');
  bundlePath = await file.path();
  const entries = Object.keys(unzipSync(readFileSync(bundlePath)));
  expect(entries).toContain('manifest.json');
  expect(entries).toContain('document.yjs');
  expect(entries.filter((name) => name.startsWith('assets/'))).toHaveLength(original.assets.length);
});

test('imported into a fresh browser, the project and its images are the same', async () => {
  const { page } = second;
  await page.getByLabel('Bundle file').setInputFiles(bundlePath);
  await page.getByText('Imported bundle “Night Shift”').waitFor();
  await waitForAllFrames(page);
  const copy = await exportProjectJson(page);
  expect(copy.project).toEqual(original.project);
  expect(copy.assets).toEqual(original.assets);
});

test('importing over an existing copy asks, and replacing restores the bundle’s version', async () => {
  const { page } = second;
  await page.getByLabel('Project title').fill('Changed here');
  await page.getByLabel('Project title').press('Enter');
  await expect.poll(() => page.locator('.save-status').textContent()).toBe('Saved');
  await page.getByLabel('Bundle file').setInputFiles(bundlePath);
  const dialog = page.getByRole('dialog', { name: 'Replace the local copy?' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Replace the local copy' }).click();
  await expect.poll(() => page.getByLabel('Project title').inputValue()).toBe('Night Shift');
  expect(await storedCounts(page)).toMatchObject({ projects: 1 });
  expect((await exportProjectJson(page)).project).toEqual(original.project);
});

test('or imports as a copy beside it', async () => {
  const { page } = first;
  await page.getByLabel('Bundle file').setInputFiles(bundlePath);
  const dialog = page.getByRole('dialog', { name: 'Replace the local copy?' });
  await dialog.getByRole('button', { name: 'Import as a copy' }).click();
  await expect.poll(() => page.getByLabel('Project title').inputValue()).toBe('Night Shift (copy)');
  await toList(page);
  expect(await page.locator('.project-card').count()).toBe(2);
});

test.each(HOSTILE_KINDS)('%s is refused and nothing changes', async (kind) => {
  const { page } = first;
  const hostile = hostileBundle(readFileSync(bundlePath), kind);
  const before = await storedCounts(page);
  await page.getByLabel('Bundle file').setInputFiles({
    name: hostile.fileName,
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(hostile.bytes),
  });
  const alert = page.getByRole('alert').filter({ hasText: hostile.fileName });
  await alert.waitFor();
  expect(await alert.textContent()).toMatch(hostile.message);
  expect(await storedCounts(page)).toEqual(before);
});

test('a bundle dropped onto the window is imported', async () => {
  const { page } = second;
  await toList(page);
  const bytes = [...readFileSync(bundlePath)];
  await page.evaluate((data) => {
    const files = new DataTransfer();
    files.items.add(new File([new Uint8Array(data)], 'dropped.frameline'));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: files, cancelable: true }));
  }, bytes);
  const dialog = page.getByRole('dialog', { name: 'Replace the local copy?' });
  await dialog.getByRole('button', { name: 'Import as a copy' }).click();
  await expect.poll(() => page.getByLabel('Project title').inputValue()).toBe('Night Shift (copy)');
});

test('"Back up all projects" downloads every project as a bundle in one zip', async () => {
  const { page } = first;
  const panel = await openStoragePanel(page);
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Back up all projects' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^frameline-backup-\d{4}-\d\d-\d\d\.zip$/);
  const bundles = unzipSync(readFileSync(await file.path()));
  const names = Object.keys(bundles);
  expect(names).toHaveLength(2);
  for (const name of names) {
    expect(name).toMatch(/^night-shift(-copy)?-[\w-]{8}\.frameline$/);
    expect(Object.keys(unzipSync(bundles[name]!))).toContain('manifest.json');
  }
});

test('the pages never threw', () => {
  expect(first.errors).toEqual([]);
  expect(second.errors).toEqual([]);
});
