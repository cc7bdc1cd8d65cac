import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launchPersistent, trackPageErrors } from '../helpers/browser';
import { sineWav } from '../helpers/wav';

/**
 * One write path: a version preview and a tab forced read-only accept no edit from any control
 * (board grid, inspector, timeline trims, music, framing, undo) and write nothing to IndexedDB.
 */

let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
let errors: string[];

const SCRIPT = `INT. KITCHEN - NIGHT

Anna waits by the window.

ANNA
He is not coming.

EXT. ROOF - NIGHT

Ben lights a cigarette.
`;

/** What the project's stores hold, byte for byte (the document log, the list row, the assets). */
function storageFingerprint(target: Page): Promise<string> {
  return target.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('frameline');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = (store: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error);
      });
    const docRows = (await all('docUpdates')) as { update: Uint8Array }[];
    let hash = 2166136261;
    for (const row of docRows) {
      for (const byte of row.update) hash = Math.imul(hash ^ byte, 16777619) >>> 0;
    }
    const projects = await all('projects');
    const assets = await all('assets');
    db.close();
    return JSON.stringify({ docRows: docRows.length, hash, projects, assets: assets.length });
  });
}

/**
 * Waits past the persistence's slowest write (the project list row is written at most every 2 s),
 * so anything the tab would write is written.
 */
const settle = () => page.waitForTimeout(2600);

/** The fingerprint once nothing more arrives: two readings a settle apart agree. */
async function settledFingerprint(): Promise<string> {
  let previous = await storageFingerprint(page);
  for (;;) {
    await settle();
    const next = await storageFingerprint(page);
    if (next === previous) return next;
    previous = next;
  }
}

const boards = () => page.locator('[data-shot-id]');
const boardIds = () =>
  boards().evaluateAll((els) => els.map((el) => el.getAttribute('data-shot-id')));

beforeAll(async () => {
  ({ context, close } = await launchPersistent());
  page = await context.newPage();
  errors = trackPageErrors(page);
  await page.goto(inject('baseUrl'));
  await page.getByLabel('Screenplay file').setInputFiles({
    name: 'readonly.fountain',
    mimeType: 'text/plain',
    buffer: Buffer.from(SCRIPT),
  });
  await boards().first().waitFor();
  // Everything the read-only tab will be tempted to change: music, a version, sketches done.
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await page
    .getByLabel('Music file')
    .setInputFiles({ name: 'bed.wav', mimeType: 'audio/wav', buffer: sineWav(2, 220) });
  await page.getByLabel('Music track').getByText(/Music/).waitFor();
  await page.getByRole('tab', { name: 'Boards' }).click();
  await page.getByRole('button', { name: 'History', exact: true }).click();
  await page.getByLabel('Version name').fill('Before the review');
  await page.getByRole('button', { name: 'Save version' }).click();
  await page.getByRole('button', { name: 'Preview version Before the review' }).waitFor();
  await page.getByRole('button', { name: 'Hide history' }).click();
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-shot-id]')].every((el) => el.querySelector('img')),
  );
  await settle();
});

afterAll(async () => {
  await close();
});

test('a version preview accepts no edit and writes nothing', async () => {
  const before = await storageFingerprint(page);

  const ids = await boardIds();
  await page.getByRole('button', { name: 'History', exact: true }).click();
  await page.getByRole('button', { name: 'Preview version Before the review' }).click();
  const preview = page.getByRole('dialog', { name: 'Version Before the review' });
  await preview.waitFor();
  for (const key of ['Delete', 'Backspace', 'Alt+ArrowRight', 'Control+z', 'Control+Shift+z']) {
    await page.keyboard.press(key);
  }
  await page.keyboard.type('typed into the preview');
  await preview.getByRole('button', { name: 'Hide preview' }).click();
  await page.getByRole('button', { name: 'Hide history' }).click();
  await settle();
  expect(await boardIds()).toEqual(ids);
  expect(await storageFingerprint(page)).toBe(before);
});

test('a tab forced read-only refuses every control and writes nothing', async () => {
  // A newer Frameline announces itself from another tab: this one must stop editing.
  const other = await context.newPage();
  await other.goto(inject('baseUrl'));
  await other.evaluate(() =>
    new BroadcastChannel('frameline-app').postMessage({
      type: 'hello',
      build: 'a-newer-build',
      schemaVersion: 1_000,
    }),
  );
  await other.close();
  await page.getByRole('alert').filter({ hasText: 'Read-only.' }).waitFor();
  const before = await settledFingerprint();
  const ids = await boardIds();

  // Board grid: delete and reorder by keyboard, drag a board onto another.
  await boards().first().focus();
  await page.keyboard.press('Delete');
  await boards().nth(1).focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await boards().nth(2).dragTo(boards().first());
  expect(await boardIds()).toEqual(ids);

  // Inspector: every field is disabled, and typing at it changes nothing.
  await boards().first().click();
  // (Not getByLabel: the textarea's text is part of its label's text.)
  const action = page
    .locator('.inspector label.field')
    .filter({ has: page.locator('span', { hasText: /^Action$/ }) })
    .locator('textarea');
  const actionBefore = await action.inputValue();
  await expect.poll(() => action.isDisabled()).toBe(true);
  await action.click({ force: true });
  await page.keyboard.type('edited while read-only');
  expect(await action.inputValue()).toBe(actionBefore);
  expect(await page.getByRole('button', { name: 'Delete shot' }).isDisabled()).toBe(true);

  // Title.
  const title = page.getByLabel('Project title');
  const titleBefore = await title.inputValue();
  await title.click();
  await page.keyboard.type(' renamed');
  await page.keyboard.press('Enter');
  expect(await title.inputValue()).toBe(titleBefore);

  // Timeline: trim by keyboard and by dragging a clip's edge, reorder, fps.
  await page.getByRole('tab', { name: 'Timeline' }).click();
  const clip = page.getByRole('button', { name: /^Clip / }).first();
  const clipLabel = await clip.textContent();
  await clip.focus();
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Alt+ArrowRight');
  const handle = page.getByRole('separator', { name: /^Trim / }).first();
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 100, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  expect(
    await page
      .getByRole('button', { name: /^Clip / })
      .first()
      .textContent(),
  ).toBe(clipLabel);
  expect(await page.getByLabel('Project fps').isDisabled()).toBe(true);

  // Music: its controls are disabled.
  expect(await page.getByRole('button', { name: 'Remove music' }).isDisabled()).toBe(true);
  expect(await page.getByLabel('Music volume').isDisabled()).toBe(true);

  // Framing on the preview: keyboard and drag.
  await page.getByRole('button', { name: 'Edit framing' }).click();
  const start = page.getByRole('slider', { name: 'Start framing' });
  const framingBefore = await start.getAttribute('aria-valuetext');
  await start.focus();
  await page.keyboard.press('-');
  await page.keyboard.press('ArrowRight');
  const frame = (await start.boundingBox())!;
  await page.mouse.move(frame.x + frame.width / 2, frame.y + frame.height / 2);
  await page.mouse.down();
  await page.mouse.move(frame.x + frame.width / 2 - 40, frame.y + frame.height / 2, { steps: 3 });
  await page.mouse.up();
  await expect.poll(() => start.getAttribute('aria-valuetext')).toBe(framingBefore);
  await page.getByRole('button', { name: 'Done' }).click();

  // Undo and redo.
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+Shift+z');

  await settle();
  expect(await storageFingerprint(page)).toBe(before);
  // The refusals were said, not swallowed.
  await page
    .getByText(/Read-only — A newer version of Frameline/)
    .first()
    .waitFor();
});

test('the page never threw', () => {
  expect(errors).toEqual([]);
});
