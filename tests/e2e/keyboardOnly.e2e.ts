import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launchPersistent, trackPageErrors } from '../helpers/browser';

/**
 * Keyboard only, from an empty app to a rendered animatic: import a screenplay, edit a shot,
 * render and download it. No click, no focus() from the test: every step is keys (the screenplay
 * is typed into Paste script: a file chooser is the operating system's, not the page's). Each way
 * there is bounded, so a control that falls out of the tab order fails here.
 */

const SCRIPT = `Title: Keys Only

INT. LIGHTHOUSE - NIGHT

The lamp turns. MARA climbs the last steps.

MARA
Someone has to keep it lit.

EXT. CLIFF - DAWN

Waves break on the rocks below.
`;

let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
let errors: string[];

beforeAll(async () => {
  ({ context, close } = await launchPersistent());
  page = await context.newPage();
  errors = trackPageErrors(page);
  await page.goto(inject('baseUrl'));
  await page.getByRole('heading', { name: 'No projects yet' }).waitFor();
});

afterAll(async () => {
  await close();
});

/** What has focus: its name as a screen reader would start to read it, and where it is. */
const focused = () =>
  page.evaluate(() => {
    const active = document.activeElement;
    const label = active?.closest('label')?.querySelector('span')?.textContent ?? null;
    return {
      name: active?.getAttribute('aria-label') ?? active?.textContent?.trim().slice(0, 40) ?? '',
      tag: active?.tagName.toLowerCase() ?? '',
      field: label,
      board: active?.classList.contains('board') ?? false,
    };
  });

/** Presses `key` until `done` holds; fails saying how far it got when it takes more than `max`. */
async function pressUntil(
  key: string,
  done: (f: Awaited<ReturnType<typeof focused>>) => boolean,
  max: number,
  what: string,
): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(key);
    if (done(await focused())) return presses;
  }
  throw new Error(
    `${what}: not reached in ${max} presses of ${key} (at ${JSON.stringify(await focused())})`,
  );
}

test('import a screenplay with the keyboard: typed into Paste script', async () => {
  const toPaste = await pressUntil('Tab', (f) => f.name === 'Paste script', 20, 'Paste script');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Paste a script' }).waitFor();
  if ((await focused()).field !== 'Screenplay text')
    await pressUntil('Tab', (f) => f.field === 'Screenplay text', 5, 'Screenplay text');
  await page.keyboard.type(SCRIPT);
  await pressUntil('Tab', (f) => f.name === 'Import pasted script', 5, 'Import pasted script');
  await page.keyboard.press('Enter');
  await page
    .getByRole('button', { name: /^Shot / })
    .first()
    .waitFor();
  console.log(`keys: ${toPaste} Tab to Paste script`);
});

test('edit a shot: skip link to the boards, an arrow, then the fields', async () => {
  await pressUntil('Tab', (f) => f.name === 'Skip to boards', 3, 'Skip to boards');
  await page.keyboard.press('Enter');
  expect((await focused()).board).toBe(true);
  await page.keyboard.press('ArrowRight');
  const board = await focused();
  expect(board.board).toBe(true);
  const number = /^Shot (\S+)$/.exec(board.name)?.[1];
  expect(number).toBeTruthy();
  await expect
    .poll(() => page.getByRole('complementary', { name: 'Shot inspector' }).textContent())
    .toContain(`Shot ${number}`);

  const toType = await pressUntil('Tab', (f) => f.field === 'Shot type', 20, 'Shot type');
  // A closed select takes arrows as choices: one down from the shot's type.
  const type = page.getByLabel('Shot type');
  const before = await type.inputValue();
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => type.inputValue()).not.toBe(before);

  await pressUntil('Tab', (f) => f.field === 'Action', 8, 'Action');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' The beam finds a boat.');
  const snippet = page
    .locator('li', { has: page.getByRole('button', { name: `Shot ${number}`, exact: true }) })
    .locator('.board-snippet');
  await expect.poll(() => snippet.textContent()).toContain('The beam finds a boat.');
  await expect.poll(() => page.locator('.save-status').textContent()).toBe('Saved');
  console.log(`keys: board → Shot type ${toType} Tab`);
});

test('render the animatic and download it', async () => {
  // F6 to the header, then on through the project's toolbar.
  await pressUntil('F6', (f) => f.name === 'Frameline — all projects', 6, 'the header');
  const toRender = await pressUntil(
    'Tab',
    (f) => f.name === 'Render animatic',
    30,
    'Render animatic',
  );
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Render animatic' });
  await dialog.waitFor();
  await pressUntil('Tab', (f) => f.name === 'Start render', 30, 'Start render');
  await page.keyboard.press('Enter');
  await pressUntilShown();
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/\.(mp4|webm)$/);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  console.log(`keys: header → Render animatic ${toRender} Tab`);
  expect(errors).toEqual([]);
});

/** The render ends with the "Download animatic" link; focus goes to it by Tab (bounded). */
async function pressUntilShown(): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Render animatic' });
  await dialog.getByRole('link', { name: 'Download animatic' }).waitFor({ timeout: 90_000 });
  if ((await focused()).name === 'Download animatic') return;
  await pressUntil('Tab', (f) => f.name === 'Download animatic', 10, 'Download animatic');
}
