import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { AssetHash } from '../../src/model/ids';
import { createProjectMeta } from '../../src/model/project';
import { seedRecords } from '../helpers/boardSeed';
import { launchPersistent, trackPageErrors } from '../helpers/browser';
import { noisePng, sha256Hex } from '../helpers/noisePng';

/**
 * Every structure edit the model can make, done from the UI the way an artist would (menus,
 * shortcuts, in-place editing, dialogs), and taken back with undo: scene headings, deleting a
 * scene, the cast (add, rename, merge), restoring an OMITTED shot, duplicating, splitting and
 * merging shots, renumbering a scene. Screenshots in light and dark themes go to tests/.artifacts.
 */

const ARTIFACTS = 'tests/.artifacts';
const DRAWN = noisePng(320, 180, 11);
const GENERATED = noisePng(320, 180, 12);
const frames = {
  drawn: sha256Hex(DRAWN) as AssetHash,
  generated: sha256Hex(GENERATED) as AssetHash,
};

/** Scene 1: 1, 1A (three lines, drawn frame), 1B (generated); scene 2: 2, 2A (OMITTED). */
function projectFile(): Buffer {
  return Buffer.from(
    JSON.stringify({
      format: 'frameline.project',
      version: 1,
      exportedAt: new Date().toISOString(),
      project: { meta: createProjectMeta('Brick and Steel'), ...seedRecords(frames) },
      assets: [
        { hash: frames.drawn, mimeType: 'image/png', data: DRAWN.toString('base64') },
        { hash: frames.generated, mimeType: 'image/png', data: GENERATED.toString('base64') },
      ],
    }),
  );
}

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

const board = (number: string) => page.getByRole('button', { name: `Shot ${number}`, exact: true });
const numbers = () => page.locator('.board-text .board-number').allTextContents();
const scenePanel = () => page.getByRole('navigation', { name: 'Scenes' });
const inspector = () => page.getByRole('complementary', { name: 'Shot inspector' });
const dialog = () => page.getByRole('dialog');
const menuItem = (name: string) => page.getByRole('menuitem', { name });
const ORIGINAL = ['1', '1A', '1B', '2', '2A'];

/** Ctrl+Z as a person presses it: on the page, not inside a text field. */
async function undo() {
  await page.locator('.boards-pane .keyboard-hint').click();
  await page.keyboard.press('Control+z');
}

async function undoFromToast() {
  await page.locator('.toast').last().getByRole('button', { name: 'Undo' }).click();
}

async function shoot(name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({
      path: `${ARTIFACTS}/structure-${name}-${scheme}.png`,
      animations: 'disabled',
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a project with two scenes, a drawn frame and an OMITTED shot opens', async () => {
  await page
    .getByLabel('Project file')
    .setInputFiles({ name: 'brick.json', mimeType: 'application/json', buffer: projectFile() });
  await expect.poll(numbers, { timeout: 15_000 }).toEqual(ORIGINAL);
});

test('a scene heading edits in place on the board grid, and undo brings the old one back', async () => {
  await page.getByRole('button', { name: 'INT. GARAGE - NIGHT', exact: true }).click();
  const field = page.getByLabel('Heading of scene 1');
  await field.fill('INT. WORKSHOP - NIGHT');
  await field.press('Enter');
  await expect.poll(() => scenePanel().textContent()).toContain('INT. WORKSHOP - NIGHT');
  await undo();
  await expect.poll(() => scenePanel().textContent()).toContain('INT. GARAGE - NIGHT');
});

test('a scene heading edits in place in the script panel (F2)', async () => {
  await scenePanel()
    .getByRole('button', { name: /EXT\. ROOF - DAWN/ })
    .focus();
  await page.keyboard.press('F2');
  const field = page.getByLabel('Heading of scene 2');
  await field.fill('EXT. ROOFTOP - DAWN');
  await field.press('Enter');
  await page.getByRole('button', { name: 'EXT. ROOFTOP - DAWN', exact: true }).waitFor();
  await undo();
  await page.getByRole('button', { name: 'EXT. ROOF - DAWN', exact: true }).waitFor();
});

test('Ctrl+D duplicates a board right after it as 1A.1; undo removes the copy', async () => {
  await board('1A').focus();
  await page.keyboard.press('Control+d');
  await expect.poll(numbers).toEqual(['1', '1A', '1A.1', '1B', '2', '2A']);
  // The copy has the drawn frame and is selected.
  await expect.poll(() => inspector().getByRole('heading').first().textContent()).toMatch(/1A\.1/);
  await undo();
  await expect.poll(numbers).toEqual(ORIGINAL);
});

test('the board menu splits a shot at its dialogue; the toast undoes it', async () => {
  await board('1A').click({ button: 'right' });
  await shoot('board-menu');
  await menuItem('Split at dialogue…').click();
  await dialog().getByText('Shot 1A keeps 2 lines').waitFor();
  await shoot('split-dialog');
  await dialog().getByRole('button', { name: 'Split' }).click();
  await expect.poll(numbers).toEqual(['1', '1A', '1A.1', '1B', '2', '2A']);
  expect(await board('1A.1').textContent()).toContain('Then where were you');
  expect(await board('1A').textContent()).not.toContain('Then where were you');
  await undoFromToast();
  await expect.poll(numbers).toEqual(ORIGINAL);
  expect(
    await page
      .locator('li', { has: board('1A') })
      .locator('.board-snippet')
      .textContent(),
  ).toContain('You came back');
});

test('Ctrl+Shift+K opens the split dialog from the keyboard and Enter splits', async () => {
  await board('1A').focus();
  await page.keyboard.press('Control+Shift+k');
  await dialog().getByRole('radio').first().waitFor();
  await page.keyboard.press('Enter');
  await expect.poll(numbers).toEqual(['1', '1A', '1A.1', '1B', '2', '2A']);
  await undo();
  await expect.poll(numbers).toEqual(ORIGINAL);
});

test('the board menu works from the keyboard: Shift+F10, arrows, Enter, Escape', async () => {
  const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
  await board('1B').focus();
  await page.keyboard.press('Shift+F10');
  await page.getByRole('menu', { name: 'Shot 1B' }).waitFor();
  expect(await focused()).toContain('Duplicate');
  await page.keyboard.press('ArrowDown');
  expect(await focused()).toContain('Split at dialogue');
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByRole('menu').count()).toBe(0);
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
    'Shot 1B',
  );
  await page.keyboard.press('Shift+F10');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Split shot 1B' }).waitFor();
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  expect(await numbers()).toEqual(ORIGINAL);
});

test('the inspector merges a shot with the next one; undo brings both back', async () => {
  await board('1A').click();
  await inspector().getByRole('button', { name: 'Merge with next' }).click();
  await expect.poll(numbers).toEqual(['1', '1A', '2', '2A']);
  expect(await board('1A').getAttribute('aria-describedby')).toBeTruthy();
  await expect.poll(() => inspector().textContent()).toContain('Here.');
  await undo();
  await expect.poll(numbers).toEqual(ORIGINAL);
});

test('an OMITTED shot says what that means and is restored from the inspector', async () => {
  await board('2A').click();
  const notice = inspector().getByRole('note');
  await notice.waitFor();
  await shoot('omitted');
  await inspector().getByRole('button', { name: 'Restore shot' }).click();
  await expect
    .poll(() =>
      page
        .locator('li', { has: board('2A') })
        .locator('.omitted-badge')
        .count(),
    )
    .toBe(0);
  await undoFromToast();
  await expect
    .poll(() =>
      page
        .locator('li', { has: board('2A') })
        .locator('.omitted-badge')
        .count(),
    )
    .toBe(1);
  // The board menu offers the same.
  await board('2A').click({ button: 'right' });
  await menuItem('Restore shot').click();
  await expect
    .poll(() =>
      page
        .locator('li', { has: board('2A') })
        .locator('.omitted-badge')
        .count(),
    )
    .toBe(0);
  await undo();
  await expect
    .poll(() =>
      page
        .locator('li', { has: board('2A') })
        .locator('.omitted-badge')
        .count(),
    )
    .toBe(1);
});

test('deleting a scene asks first, names its made frames, and undo brings every shot back', async () => {
  await page.getByRole('button', { name: 'Scene 1 actions' }).last().click();
  await menuItem('Delete scene…').click();
  const ask = dialog();
  await ask.getByText('3 shots').waitFor();
  expect(await ask.textContent()).toContain('2 of them with drawn, generated or uploaded frames');
  await shoot('delete-scene');
  await ask.getByRole('button', { name: 'Delete scene' }).click();
  await expect.poll(numbers).toEqual(['2', '2A']);
  await undo();
  await expect.poll(numbers).toEqual(ORIGINAL);
  await expect.poll(() => board('1A').locator('img').count()).toBe(1);
});

test('renumbering a scene explains itself, lists the changes and can be undone', async () => {
  await board('1A').focus();
  await page.keyboard.press('Control+d');
  await expect.poll(numbers).toEqual(['1', '1A', '1A.1', '1B', '2', '2A']);
  await page.getByRole('button', { name: 'Scene 1 actions' }).first().click();
  await menuItem('Renumber shots…').click();
  const changes = dialog().getByRole('list', { name: 'Number changes' });
  expect(await changes.textContent()).toBe('1A.1 → 1B1B → 1C');
  expect(await dialog().textContent()).toContain('anything printed before will no longer match');
  await shoot('renumber');
  await dialog().getByRole('button', { name: 'Renumber' }).click();
  await expect.poll(numbers).toEqual(['1', '1A', '1B', '1C', '2', '2A']);
  await undo();
  await expect.poll(numbers).toEqual(['1', '1A', '1A.1', '1B', '2', '2A']);
  await undo();
  await expect.poll(numbers).toEqual(ORIGINAL);
});

test('the cast: add a character, rename them inline, merge two; each undoes', async () => {
  await page.getByRole('tab', { name: 'Characters' }).click();
  const cast = page.getByRole('region', { name: 'Characters' });
  await cast.getByLabel('New character name').fill('mom');
  await cast.getByLabel('New character name').press('Enter');
  await cast.getByText('MOM', { exact: true }).waitFor();

  await cast.getByRole('button', { name: 'MOM actions' }).click();
  await menuItem('Rename').click();
  const rename = cast.getByLabel('New name for MOM');
  await rename.fill('Mother');
  await rename.press('Enter');
  await cast.getByText('MOTHER', { exact: true }).waitFor();

  // A name already in the cast is refused where it is typed.
  await cast.getByLabel('New character name').fill('brick');
  await cast.getByLabel('New character name').press('Enter');
  await cast
    .getByRole('alert')
    .getByText(/already a character called BRICK/)
    .waitFor();
  await cast.getByLabel('New character name').fill('');

  await cast.getByRole('button', { name: 'STEEL actions' }).click();
  await menuItem('Merge into…').click();
  await dialog().getByLabel('Keep').selectOption({ label: 'BRICK' });
  expect(await dialog().textContent()).toContain('spoken by STEEL become BRICK’s');
  await shoot('merge-characters');
  await dialog().getByRole('button', { name: 'Merge into BRICK' }).click();
  await expect.poll(() => cast.getByRole('button', { name: 'STEEL actions' }).count()).toBe(0);
  expect(
    await page
      .locator('li', { has: board('1B') })
      .locator('.board-snippet')
      .textContent(),
  ).toBe('BRICK: Here.');

  await undo();
  await cast.getByRole('button', { name: 'STEEL actions' }).waitFor();
  expect(
    await page
      .locator('li', { has: board('1B') })
      .locator('.board-snippet')
      .textContent(),
  ).toBe('STEEL: Here.');
  await undo();
  await cast.getByText('MOM', { exact: true }).waitFor();
  await undo();
  await expect.poll(() => cast.getByText('MOM', { exact: true }).count()).toBe(0);
});

test('the app never threw', () => {
  expect(errors).toEqual([]);
});
