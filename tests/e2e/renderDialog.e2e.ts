import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launchPersistent, trackPageErrors } from '../helpers/browser';
import { writeRenderProject } from '../helpers/renderProject';

/**
 * The Render animatic dialog's layout: at 1024 × 768 and 1440 × 900, light and dark, every
 * choice of range shows its selects' chosen text in full (at 1024 the range's "Shots from … to …"
 * was cut short) and the dialog fits the window. Screenshots go to the artifacts.
 */
const ARTIFACTS = 'tests/.artifacts/render-dialog-e2e';

let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
let errors: string[];

beforeAll(async () => {
  const projectFile = await writeRenderProject(ARTIFACTS);
  ({ context, close } = await launchPersistent());
  page = await context.newPage();
  errors = trackPageErrors(page);
  await page.goto(inject('baseUrl'));
  await page.getByLabel('Project file').setInputFiles(projectFile);
  await page
    .getByRole('button', { name: /^Shot / })
    .nth(3)
    .waitFor();
});

afterAll(async () => {
  await close();
});

/** Selects whose chosen option's text is wider than the room the select gives it. */
function cutSelects(dialog: Locator): Promise<string[]> {
  return dialog.evaluate((root) => {
    const context = document.createElement('canvas').getContext('2d');
    if (!context) throw new Error('no canvas');
    const cut: string[] = [];
    for (const select of root.querySelectorAll('select')) {
      const style = getComputedStyle(select);
      context.font = style.font;
      const text = select.selectedOptions[0]?.text ?? '';
      // Chromium's drop-down arrow takes about 20 px inside the padding.
      const room =
        select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
      if (context.measureText(text).width > room) cut.push(text);
    }
    return cut;
  });
}

const RANGES = [
  ['all', 'Whole animatic'],
  ['scene', 'One scene'],
  ['span', 'Shots from … to …'],
] as const;

test.each([
  [1024, 768],
  [1440, 900],
] as const)(
  'at %i × %i, light and dark, no choice of range is cut short',
  async (width, height) => {
    await page.setViewportSize({ width, height });
    await page.getByRole('button', { name: 'Render animatic' }).click();
    const dialog = page.getByRole('dialog', { name: 'Render animatic' });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [kind, label] of RANGES) {
        await dialog.getByRole('combobox', { name: /^Render/ }).selectOption({ label });
        expect(await cutSelects(dialog), `${kind} at ${width}`).toEqual([]);
        const box = await dialog.boundingBox();
        expect(box && box.y >= 0 && box.y + box.height <= height).toBe(true);
        await page.screenshot({
          path: `${ARTIFACTS}/render-dialog-${width}-${scheme}-${kind}.png`,
        });
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await dialog.getByRole('button', { name: 'Close' }).click();
  },
);

test('the page never threw', () => {
  expect(errors).toEqual([]);
});
