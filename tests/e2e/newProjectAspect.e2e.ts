import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launchPersistent, trackPageErrors } from '../helpers/browser';

/**
 * A project starts at the aspect ratio chosen on the projects page ("Aspect ratio", 16:9 unless
 * changed, remembered in this browser): an empty project and a pasted screenplay start at 9:16.
 * Screenshots of the page header and of the project toolbar's selects, light and dark.
 */

const ARTIFACTS = 'tests/.artifacts/new-project-aspect';
const SCRIPT = `INT. KITCHEN - NIGHT

ANNA pours tea.

ANNA
Late again.
`;

let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
let errors: string[];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ context, close } = await launchPersistent());
  page = await context.newPage();
  errors = trackPageErrors(page);
  await page.goto(inject('baseUrl'));
});

afterAll(async () => {
  await close();
});

async function shoot(name: string) {
  for (const size of [
    { width: 1440, height: 900 },
    { width: 1024, height: 768 },
  ]) {
    await page.setViewportSize(size);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({
        path: `${ARTIFACTS}/${name}-${size.width}-${scheme}.png`,
        animations: 'disabled',
      });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 900 });
}

const toolbarRatio = () => page.getByLabel('Aspect ratio', { exact: true });

/** Width over height of the first board's frame. */
async function firstBoardShape(): Promise<number> {
  const box = await page.locator('.board .board-frame').first().boundingBox();
  return box ? box.width / box.height : 0;
}

test('the projects page offers "Aspect ratio", 16:9 by default', async () => {
  const choice = page.getByLabel('Aspect ratio', { exact: true });
  expect(await choice.inputValue()).toBe('16:9');
  await choice.selectOption('9:16');
  await shoot('projects-header');
});

test('New project starts at the chosen 9:16', async () => {
  await page.getByRole('button', { name: 'New project' }).click();
  await expect.poll(() => toolbarRatio().inputValue()).toBe('9:16');
  await page.getByRole('button', { name: 'Add scene', exact: true }).click();
  await expect.poll(firstBoardShape).toBeLessThan(0.6);
  await shoot('toolbar-selects');
  await page.getByRole('link', { name: '← All projects' }).click();
});

test('a pasted screenplay starts at the chosen ratio too, and the choice is remembered', async () => {
  await page.reload();
  expect(await page.getByLabel('Aspect ratio', { exact: true }).inputValue()).toBe('9:16');
  await page.getByRole('button', { name: 'Paste script' }).click();
  await page.getByLabel('Screenplay text').fill(SCRIPT);
  await page.getByRole('button', { name: 'Import pasted script' }).click();
  await page.getByRole('navigation', { name: 'Scenes' }).waitFor();
  await expect.poll(() => toolbarRatio().inputValue()).toBe('9:16');
  await expect.poll(firstBoardShape).toBeLessThan(0.6);
});

test('the app threw no errors', () => {
  expect(errors).toEqual([]);
});
