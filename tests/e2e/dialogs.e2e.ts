import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launchPersistent, trackPageErrors } from '../helpers/browser';

/**
 * A dialog is modal in fact, not only in its role: it lives outside the app (so nothing in the
 * app's layout can clip or cover it), Tab cycles inside it, nothing behind it can be clicked or
 * focused, Escape closes only the newest, and focus goes back where it was.
 */

let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
let errors: string[];

beforeAll(async () => {
  ({ context, close } = await launchPersistent());
  page = await context.newPage();
  errors = trackPageErrors(page);
  await page.goto(inject('baseUrl'));
});

afterAll(async () => {
  await close();
});

const focusedInDialog = () =>
  page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null);

test('Tab stays inside, the app behind is inert, Escape closes and gives focus back', async () => {
  const opener = page.getByRole('button', { name: 'Paste script' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Paste a script' });
  await dialog.waitFor();

  // Outside #root, directly under <body>.
  expect(await dialog.evaluate((node) => node.closest('#root') === null)).toBe(true);
  expect(await page.locator('#root').getAttribute('inert')).toBe('');

  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    expect(await focusedInDialog()).toBe(true);
  }
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Shift+Tab');
    expect(await focusedInDialog()).toBe(true);
  }

  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(await page.locator('#root').getAttribute('inert')).toBeNull();
  expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
    'Paste script',
  );
});

test('a click on the backdrop closes the dialog and gives focus back too', async () => {
  await page.getByRole('button', { name: 'Paste script' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste a script' });
  await dialog.waitFor();
  await page.mouse.click(5, 300);
  await dialog.waitFor({ state: 'detached' });
  expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
    'Paste script',
  );
  expect(errors).toEqual([]);
});
