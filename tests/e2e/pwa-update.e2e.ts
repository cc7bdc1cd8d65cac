import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchPersistent, trackPageErrors } from '../helpers/browser';
import { buildIdOf, openStoragePanel, waitForServiceWorker } from '../helpers/pwa';
import { startStaticServer, type StaticServer } from '../helpers/staticServer';

/**
 * A safe update, end to end: build A is deployed and used, build B is deployed under the same
 * origin, the open app offers "Reload to update", and accepting runs B with every edit made on A
 * still there, including one typed a moment before accepting (the flush). A second tab learns
 * that another tab updated.
 */

let tmp: string;
let server: StaticServer;
let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
let errors: string[];

function build(id: string): string {
  const outDir = join(tmp, id);
  const result = spawnSync(
    'npx',
    ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
    // Vitest runs with NODE_ENV=test, which would make a development build (no service worker).
    { env: { ...process.env, NODE_ENV: 'production', FRAMELINE_BUILD_ID: id }, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stderr}`);
  return outDir;
}

let buildB: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'frameline-update-'));
  const buildA = build('update-a');
  buildB = build('update-b');
  server = await startStaticServer(buildA);
  ({ context, close } = await launchPersistent());
  page = await context.newPage();
  errors = trackPageErrors(page);
}, 120_000);

afterAll(async () => {
  await close?.();
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const title = () => page.getByLabel('Project title');

test('build A runs and its work is saved', async () => {
  await page.goto(server.url);
  await waitForServiceWorker(page);
  expect(await buildIdOf(page)).toBe('update-a');
  await page.getByRole('button', { name: 'New project' }).click();
  await page.getByRole('button', { name: 'Add scene', exact: true }).click();
  await page
    .getByRole('button', { name: /^Shot / })
    .first()
    .waitFor();
  await title().fill('Made on build A');
  await title().press('Enter');
  await expect.poll(() => page.locator('.save-status').textContent()).toBe('Saved');
});

test('deploying build B offers "Reload to update" without interrupting', async () => {
  server.setRoot(buildB);
  // The app checks for updates hourly and whenever the tab becomes visible again.
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await page.getByRole('button', { name: 'Reload to update' }).waitFor({ timeout: 30_000 });
  expect(await buildIdOf(page)).toBe('update-a');
  expect(await title().inputValue()).toBe('Made on build A');
});

test('accepting saves an edit typed just before, then runs build B with everything there', async () => {
  const other = await context.newPage();
  await other.goto(server.url);
  await other.getByRole('heading', { name: 'Projects' }).waitFor();

  await title().click();
  await title().fill('Typed just before updating');
  // No Enter, no blur: the update itself must commit and flush it.
  const reloaded = page.waitForEvent('load');
  await page.getByRole('button', { name: 'Reload to update' }).click();
  await reloaded;
  await expect.poll(() => buildIdOf(page)).toBe('update-b');
  await expect
    .poll(() =>
      title()
        .inputValue()
        .catch(() => ''),
    )
    .toBe('Typed just before updating');
  expect(await page.getByRole('button', { name: /^Shot / }).count()).toBe(1);

  const panel = await openStoragePanel(page);
  expect(await panel.getByTestId('build-id').textContent()).toBe('update-b');

  // The tab that did not accept still runs A's code: it is told, and not reloaded under the user.
  await other.getByText('Frameline was updated in another tab').waitFor();
  expect(await buildIdOf(other)).toBe('update-a');
  await other.close();
});

test('the page never threw', () => {
  expect(errors).toEqual([]);
});
