import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launchPersistent, trackPageErrors, chooseExport } from '../helpers/browser';

/** Project list, bad files, JSON round trip, reordering, play mode and undo, as a user does them. */

let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
let errors: string[];

const SMALL_SCRIPT = `Title: Night Shift

INT. KITCHEN - NIGHT

ANNA waits by the window. Rain.

ANNA
He is not coming.

BEN (O.S.)
I'm right here.

EXT. ROOF - NIGHT

Ben lights a cigarette.
`;

beforeAll(async () => {
  ({ context, close } = await launchPersistent());
  page = await context.newPage();
  errors = trackPageErrors(page);
  await page.goto(inject('baseUrl'));
});

afterAll(async () => {
  await close();
});

const boards = () => page.getByRole('button', { name: /^Shot / });
const projectCards = () => page.locator('.project-card');

async function backToList() {
  await page.getByRole('link', { name: /all projects/ }).click();
  await page.getByRole('heading', { name: 'Projects' }).waitFor();
}

/** Every board shows its sketch (counted live on both sides: boards may still be appearing). */
async function waitForAllFrames() {
  await expect
    .poll(
      () =>
        page.evaluate(() => [
          document.querySelectorAll('.board').length,
          document.querySelectorAll('.board img').length,
        ]),
      { timeout: 30_000 },
    )
    .toSatisfy(([all, framed]) => all! > 0 && all === framed);
}

async function boardNames(): Promise<string[]> {
  return boards().evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
}

test('a pasted screenplay becomes a project', async () => {
  await page.getByRole('button', { name: 'Paste script' }).click();
  await page.getByLabel('Screenplay text').fill(SMALL_SCRIPT);
  await page.getByRole('button', { name: 'Import pasted script' }).click();
  await page.getByRole('navigation', { name: 'Scenes' }).waitFor();
  expect(await page.getByLabel('Project title').inputValue()).toBe('Night Shift');
  await expect.poll(() => boards().count()).toBeGreaterThanOrEqual(3);
});

test('a corrupt screenplay shows an error and leaves existing projects intact', async () => {
  await backToList();
  expect(await projectCards().count()).toBe(1);
  const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  await page
    .getByLabel('Screenplay file')
    .setInputFiles({ name: 'broken.fountain', mimeType: 'text/plain', buffer: garbage });
  const alert = page.getByRole('alert').filter({ hasText: 'broken.fountain' });
  await alert.waitFor();
  expect(await alert.textContent()).toMatch(/not imported/i);
  expect(await projectCards().count()).toBe(1);
  const empty = Buffer.from('   \n\n  \n');
  await page
    .getByLabel('Screenplay file')
    .setInputFiles({ name: 'empty.fountain', mimeType: 'text/plain', buffer: empty });
  await page.getByRole('alert').filter({ hasText: 'empty.fountain' }).waitFor();
  expect(await projectCards().count()).toBe(1);
});

test('a project exported as JSON imports as a new project with nothing lost', async () => {
  await projectCards().first().getByRole('link').click();
  await boards().first().waitFor();
  await waitForAllFrames();
  const download = page.waitForEvent('download');
  await chooseExport(page, 'Project file (.json)');
  const path = await (await download).path();
  const original = JSON.parse(readFileSync(path, 'utf8'));

  await page.getByLabel('Project file').setInputFiles(path);
  await page.getByText('Imported project').waitFor();
  await expect.poll(() => boards().count()).toBe(original.project.shots.length);
  await waitForAllFrames();
  const again = page.waitForEvent('download');
  await chooseExport(page, 'Project file (.json)');
  const copy = JSON.parse(readFileSync(await (await again).path(), 'utf8'));
  expect(copy.project).toEqual(original.project);
  expect(copy.assets).toEqual(original.assets);

  await backToList();
  expect(await projectCards().count()).toBe(2);
});

test('a damaged project file is refused with a message naming the problem', async () => {
  const bad = Buffer.from(
    JSON.stringify({
      format: 'frameline.project',
      version: 1,
      exportedAt: '',
      project: { meta: {} },
      assets: [],
    }),
  );
  await page
    .getByLabel('Project file')
    .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: bad });
  const alert = page.getByRole('alert').filter({ hasText: 'bad.json' });
  await alert.waitFor();
  // Every project setting has a default (model/project.ts), so the first thing missing is the scenes.
  expect(await alert.textContent()).toMatch(/damaged: project\.scenes/);
  expect(await projectCards().count()).toBe(2);
});

test('renaming and deleting a project, with undo', async () => {
  await page.getByRole('button', { name: 'Rename Night Shift' }).first().click();
  const input = page.getByLabel('Project name');
  await input.fill('Night Shift v2');
  await input.press('Enter');
  await page.getByRole('link', { name: 'Night Shift v2' }).waitFor();

  await page.getByRole('button', { name: 'Delete Night Shift v2' }).click();
  await expect.poll(() => projectCards().count()).toBe(1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => projectCards().count()).toBe(2);
});

test('boards reorder by keyboard, numbers stay with their shots, and undo puts them back', async () => {
  await page.getByRole('link', { name: 'Night Shift v2' }).click();
  await boards().first().waitFor();
  const before = await boardNames();
  await boards().nth(1).focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect.poll(boardNames).toEqual([before[1], before[0], ...before.slice(2)]);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(boardNames).toEqual(before);
});

test('boards reorder by drag and drop', async () => {
  const before = await boardNames();
  await boards()
    .nth(0)
    .dragTo(boards().nth(1), { targetPosition: { x: 150, y: 40 } });
  await expect.poll(boardNames).toEqual([before[1], before[0], ...before.slice(2)]);
});

test('play mode steps through the boards with space and arrows', async () => {
  await boards().first().click();
  await page.getByRole('button', { name: 'Play' }).click();
  const player = page.getByRole('dialog', { name: 'Play mode' });
  await player.waitFor();
  await page.keyboard.press('Space');
  await player.getByRole('button', { name: 'Resume' }).waitFor();
  const position = () => player.locator('.play-controls .muted').textContent();
  expect(await position()).toMatch(/^1 \//);
  await page.keyboard.press('ArrowRight');
  expect(await position()).toMatch(/^2 \//);
  await page.keyboard.press('ArrowLeft');
  expect(await position()).toMatch(/^1 \//);
  await page.keyboard.press('Escape');
  await player.waitFor({ state: 'detached' });
});

test('a screenplay dropped anywhere on the window is imported', async () => {
  await backToList();
  const before = await projectCards().count();
  await page.evaluate(
    (text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped.fountain', { type: 'text/plain' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        window.dispatchEvent(
          new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
      }
    },
    SMALL_SCRIPT.replace('Night Shift', 'Dropped Script'),
  );
  await page.getByLabel('Project title').waitFor();
  expect(await page.getByLabel('Project title').inputValue()).toBe('Dropped Script');
  await backToList();
  expect(await projectCards().count()).toBe(before + 1);
});

test('the page never threw', () => {
  expect(errors).toEqual([]);
});
