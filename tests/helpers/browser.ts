import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Dialog,
  type Page,
} from 'playwright-core';
import { findChromium } from '../tools/ensure-chromium.mjs';

/** Flags from TESTING.md: headless as root, and no traffic to anywhere but loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error('Chromium not found: run `node tests/tools/ensure-chromium.mjs`');
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A browser whose profile lives in a fresh directory, so IndexedDB persists across pages and
 * contexts of this one test but never leaks between tests.
 */
export async function launchPersistent(
  options: { readonly args?: readonly string[] } = {},
): Promise<{
  context: BrowserContext;
  close: () => Promise<void>;
}> {
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error('Chromium not found: run `node tests/tools/ensure-chromium.mjs`');
  const dir = mkdtempSync(join(tmpdir(), 'frameline-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    acceptDownloads: true,
    viewport: { width: 1440, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Collects page errors so a test can assert the app never threw on its own. */
export function trackPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Picks an item of the project's Export menu (the toolbar's "Export" button). */
export async function chooseExport(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
}

/**
 * Reloads while a provider call is under way: the page asks first (beforeunload) and the person
 * leaves anyway. Returns the kinds of dialog shown (['beforeunload'] when it asked).
 */
export async function reloadThroughPrompt(page: Page): Promise<string[]> {
  const shown: string[] = [];
  const onDialog = (dialog: Dialog) => {
    shown.push(dialog.type());
    void dialog.accept();
  };
  page.on('dialog', onDialog);
  try {
    await page.reload();
  } finally {
    page.off('dialog', onDialog);
  }
  return shown;
}
