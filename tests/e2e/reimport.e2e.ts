import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launchPersistent, trackPageErrors } from '../helpers/browser';

/** A rewrite flows into existing boards: reviewed first, nothing of the team's lost, undoable. */

let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
let errors: string[];

const DRAFT_1 = `Title: Draft Night

INT. KITCHEN - NIGHT

Anna waits by the window. Rain streaks the glass.

ANNA
He is not coming.

Ben steps in, soaked.

EXT. ROOF - NIGHT

Ben lights a cigarette.
`;

const DRAFT_2 = DRAFT_1.replace('He is not coming.', 'He is never coming back.')
  .replace('Ben steps in, soaked.', 'Ben steps in, soaked.\n\nAnna throws him a towel.')
  .replace('EXT. ROOF - NIGHT\n\nBen lights a cigarette.\n', '');

beforeAll(async () => {
  ({ context, close } = await launchPersistent());
  page = await context.newPage();
  errors = trackPageErrors(page);
  await page.goto(inject('baseUrl'));
});

afterAll(async () => {
  await close();
});

const boardNames = () =>
  page
    .getByRole('button', { name: /^Shot / })
    .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));

test('a new draft is summarised, applied in place and undone in one step', async () => {
  await page.getByLabel('Screenplay file').setInputFiles({
    name: 'draft1.fountain',
    mimeType: 'text/plain',
    buffer: Buffer.from(DRAFT_1),
  });
  await page.getByRole('navigation', { name: 'Scenes' }).waitFor();
  await expect.poll(boardNames).toEqual(['Shot 1', 'Shot 1A', 'Shot 1B', 'Shot 2']);

  await page.getByLabel('New draft file').setInputFiles({
    name: 'draft2.fountain',
    mimeType: 'text/plain',
    buffer: Buffer.from(DRAFT_2),
  });
  const dialog = page.getByRole('dialog', { name: /New draft: draft2\.fountain/ });
  await dialog.waitFor();
  const text = await dialog.textContent();
  expect(text).toContain('1 scene cut from the script');
  expect(text).toContain('1 new shot');
  expect(text).toContain('1 shot with new text or timing');
  await dialog.getByRole('button', { name: 'Apply changes' }).click();

  await expect.poll(boardNames).toEqual(['Shot 1', 'Shot 1A', 'Shot 1B', 'Shot 1C']);
  await page.getByRole('button', { name: 'Shot 1A' }).click();
  expect(await page.getByLabel('Dialogue line 1').inputValue()).toBe('He is never coming back.');

  await page.getByRole('button', { name: 'Undo', exact: true }).first().click();
  await expect.poll(boardNames).toEqual(['Shot 1', 'Shot 1A', 'Shot 1B', 'Shot 2']);
});

test('the page never threw', () => {
  expect(errors).toEqual([]);
});
