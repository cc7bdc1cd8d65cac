import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launchPersistent, trackPageErrors, chooseExport } from '../helpers/browser';
import { launchKillable } from '../helpers/killableBrowser';

/**
 * No edit lost on close or crash: a keystroke survives the tab closing right after it and the
 * browser being killed, two tabs of one unshared project see each other's edits as they happen,
 * and a full disk is said plainly, offers an export and warns before the tab closes.
 */

let context: BrowserContext;
let close: () => Promise<void>;
let projectUrl: string;
let errors: string[];

const SCRIPT = `Title: Night Shift

INT. KITCHEN - NIGHT

ANNA waits by the window. Rain.

ANNA
He is not coming.
`;

const CLOSE_DELAYS_MS = [0, 100, 300];
const RUNS_PER_DELAY = 10;
const KILL_DELAY_MS = 100;
const KILL_RUNS = 4;
/** How long another tab may take to show an edit: generous, the machine is shared. */
const LIVE_TIMEOUT_MS = 10_000;

beforeAll(async () => {
  ({ context, close } = await launchPersistent());
  const page = await context.newPage();
  errors = trackPageErrors(page);
  projectUrl = await createProject(page, inject('baseUrl'));
  await page.close();
});

afterAll(async () => {
  await close();
});

async function createProject(page: Page, baseUrl: string): Promise<string> {
  await page.goto(baseUrl);
  await page.getByRole('button', { name: 'Paste script' }).click();
  await page.getByLabel('Screenplay text').fill(SCRIPT);
  await page.getByRole('button', { name: 'Import pasted script' }).click();
  await page.getByRole('navigation', { name: 'Scenes' }).waitFor();
  await notesOf(page).waitFor();
  return page.url();
}

/** The Notes field of the selected shot (the first, when nothing is selected). */
function notesOf(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Shot inspector' }).getByLabel('Notes');
}

async function openNotes(page: Page, url: string): Promise<Locator> {
  await page.goto(url);
  const notes = notesOf(page);
  await notes.waitFor();
  return notes;
}

/** Types `text` at the end of the field, one keystroke per character, as a person does. */
async function typeAtEnd(page: Page, field: Locator, text: string): Promise<void> {
  await field.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

test('an edit survives closing the tab 0, 100 and 300 ms after the keystroke', async () => {
  const lost: string[] = [];
  let expected: string | null = null;
  let previous = '';
  for (const delayMs of CLOSE_DELAYS_MS) {
    for (let run = 1; run <= RUNS_PER_DELAY; run++) {
      const page = await context.newPage();
      const notes = await openNotes(page, projectUrl);
      const value = await notes.inputValue();
      if (expected !== null && value !== expected) lost.push(previous);
      const token = ` ${delayMs}ms#${run}`;
      await typeAtEnd(page, notes, token);
      expected = value + token;
      previous = `closed ${delayMs} ms after typing, run ${run}`;
      if (delayMs > 0) await page.waitForTimeout(delayMs);
      await page.close({ runBeforeUnload: false });
    }
  }
  const page = await context.newPage();
  const notes = await openNotes(page, projectUrl);
  if ((await notes.inputValue()) !== expected) lost.push(previous);
  await page.close();
  const perDelay = CLOSE_DELAYS_MS.map(
    (delayMs) =>
      `lost_${delayMs}ms=${lost.filter((l) => l.startsWith(`closed ${delayMs} ms`)).length}`,
  );
  console.log(`close-after-typing ${perDelay.join(' ')} of ${RUNS_PER_DELAY} each`);
  expect(lost).toEqual([]);
}, 600_000);

test('an edit survives the browser being killed 100 ms after the keystroke', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'frameline-kill-'));
  let browser = await launchKillable(profile);
  try {
    const url = await createProject(await browser.context.newPage(), inject('baseUrl'));
    const lost: number[] = [];
    let expected: string | null = null;
    for (let run = 1; run <= KILL_RUNS + 1; run++) {
      const page = await browser.context.newPage();
      const notes = await openNotes(page, url);
      const value = await notes.inputValue();
      if (expected !== null && value !== expected) lost.push(run - 1);
      if (run > KILL_RUNS) break;
      const token = ` kill#${run}`;
      await typeAtEnd(page, notes, token);
      expected = value + token;
      await page.waitForTimeout(KILL_DELAY_MS);
      await browser.kill();
      browser = await launchKillable(profile);
    }
    console.log(`kill-after-typing lost=${lost.length} of ${KILL_RUNS}`);
    expect(lost).toEqual([]);
  } finally {
    await browser.kill();
    rmSync(profile, { recursive: true, force: true });
  }
}, 300_000);

test('two tabs of one unshared project see each other’s edits as they are made', async () => {
  const first = await context.newPage();
  const second = await context.newPage();
  const inFirst = await openNotes(first, projectUrl);
  const inSecond = await openNotes(second, projectUrl);

  await inFirst.fill('');
  await typeAtEnd(first, inFirst, 'Rain on the glass');
  await expect
    .poll(() => inSecond.inputValue(), { timeout: LIVE_TIMEOUT_MS })
    .toBe('Rain on the glass');

  // The same field, now edited in the other tab: both edits are kept, neither overwrites.
  await typeAtEnd(second, inSecond, ', then thunder');
  await expect
    .poll(() => inFirst.inputValue(), { timeout: LIVE_TIMEOUT_MS })
    .toBe('Rain on the glass, then thunder');

  await first.close({ runBeforeUnload: false });
  await second.close({ runBeforeUnload: false });
  const again = await context.newPage();
  expect(await (await openNotes(again, projectUrl)).inputValue()).toBe(
    'Rain on the glass, then thunder',
  );
  await again.close();
});

/**
 * A full disk, as Chromium reports it: IndexedDB writes fail with QuotaExceededError while the
 * page's `__fullDisk` switch is on. (Chromium's quota overrides had no effect here.)
 */
function fullDiskSwitch() {
  for (const method of ['add', 'put'] as const) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: unknown[]) {
      if ((window as unknown as { __fullDisk?: boolean }).__fullDisk)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return (original as (...a: unknown[]) => IDBRequest).apply(this, args);
    } as typeof original;
  }
}

test('with storage full the project says "Not saved — export a copy", exports it in one click and warns before closing', async () => {
  const page = await context.newPage();
  await page.addInitScript(fullDiskSwitch);
  const notes = await openNotes(page, projectUrl);
  await page.evaluate(() => {
    (window as unknown as { __fullDisk?: boolean }).__fullDisk = true;
  });
  await typeAtEnd(page, notes, ' — written while full');

  const alert = page.getByRole('alert').filter({ hasText: 'Not saved — export a copy' });
  await alert.waitFor();
  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Export a copy' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.json$/);
  expect(readFileSync(await file.path(), 'utf8')).toContain('written while full');

  const dialog = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const warning = await dialog;
  expect(warning.type()).toBe('beforeunload');
  await warning.dismiss();
  expect(page.isClosed()).toBe(false);

  // Closed anyway: the edit was kept in the journal and is there when the project opens again.
  await page.close({ runBeforeUnload: false });
  const again = await context.newPage();
  expect(await (await openNotes(again, projectUrl)).inputValue()).toContain('written while full');
  await again.close();
  expect(errors).toEqual([]);
});

test('a tab whose project was replaced by an import elsewhere stops syncing: its old copy never merges into the new one', async () => {
  const older = await context.newPage();
  const importer = await context.newPage();
  const inOlder = await openNotes(older, projectUrl);
  await openNotes(importer, projectUrl);
  const download = importer.waitForEvent('download');
  await chooseExport(importer, 'Frameline bundle (.frameline)');
  const bundle = await (await download).path();
  const exported = await notesOf(importer).inputValue();

  await typeAtEnd(older, inOlder, ' (after the export)');
  await expect.poll(() => older.locator('.save-status').textContent()).toBe('Saved');
  await importer.getByLabel('Bundle file').setInputFiles(bundle);
  const dialog = importer.getByRole('dialog', { name: 'Replace the local copy?' });
  await dialog.getByRole('button', { name: 'Replace the local copy' }).click();
  await older.getByRole('alert').filter({ hasText: 'Read-only.' }).waitFor();
  const inImported = notesOf(importer);
  await expect.poll(() => inImported.inputValue()).toBe(exported);

  // A third tab opened after the import syncs with the importer: by the time an edit of its has
  // arrived, anything the replaced tab offered on the importer's arrival would have too.
  const witness = await context.newPage();
  const inWitness = await openNotes(witness, projectUrl);
  await typeAtEnd(witness, inWitness, ' (witness)');
  await expect
    .poll(() => inImported.inputValue(), { timeout: LIVE_TIMEOUT_MS })
    .toBe(`${exported} (witness)`);
  for (const page of [older, importer, witness]) await page.close({ runBeforeUnload: false });
});
