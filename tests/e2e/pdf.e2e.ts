import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launchPersistent, trackPageErrors } from '../helpers/browser';
import {
  boardNumbers,
  importMultilingualProject,
  MULTILINGUAL_LINES,
  pdfFacts,
  tempDir,
} from '../helpers/pdfProject';

/** PDF boards: every layout through the Export PDF dialog, checked with poppler's tools. */

let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
let errors: string[];
let numbers: string[];
const dir = tempDir('frameline-pdf-');

beforeAll(async () => {
  ({ context, close } = await launchPersistent());
  page = await context.newPage();
  errors = trackPageErrors(page);
  await page.goto(inject('baseUrl'));
  await importMultilingualProject(page);
  numbers = await boardNumbers(page);
});

afterAll(async () => {
  await close();
});

async function openDialog(): Promise<Locator> {
  await page.getByRole('button', { name: 'Export PDF' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Export PDF' });
  await dialog.getByRole('img', { name: /^Preview of page/ }).waitFor();
  return dialog;
}

/** Sets the dialog up, exports, and returns the downloaded file's path. */
async function exportWith(
  name: string,
  setup: (dialog: Locator) => Promise<void>,
): Promise<string> {
  const dialog = await openDialog();
  await setup(dialog);
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export PDF' }).click();
  const file = join(dir, `${name}.pdf`);
  await (await download).saveAs(file);
  await expect
    .poll(() => dialog.getByRole('status').first().textContent())
    .toMatch(/Your PDF is ready/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  return file;
}

const squash = (text: string) => text.replace(/\s+/g, '');

function expectEveryBoard(text: string) {
  const tokens = new Set(text.split(/\s+/));
  for (const number of numbers) expect(tokens, `shot ${number}`).toContain(number);
  for (const line of Object.values(MULTILINGUAL_LINES))
    expect(squash(text)).toContain(squash(line));
}

test('the fixture has boards to print', () => {
  expect(numbers.length).toBeGreaterThanOrEqual(6);
});

const LAYOUTS = [1, 2, 3, 4, 6, 9, 12] as const;

test.each(LAYOUTS)(
  '%i boards per page: pages, A4 landscape, every shot and script',
  async (boards) => {
    const file = await exportWith(`per-page-${boards}`, async (dialog) => {
      await dialog.getByLabel('Layout').selectOption(String(boards));
    });
    const facts = pdfFacts(file);
    // The cover, then the boards.
    expect(facts.pages).toBe(1 + Math.ceil(numbers.length / boards));
    expect(facts.size).toBe('841.89 x 595.28');
    expectEveryBoard(facts.text);
    expect(facts.text).toContain('Polyglot');
    expect(facts.text).toContain(`Page ${facts.pages - 1} of ${facts.pages - 1}`);
  },
);

test('an 8 × 8 grid on Letter portrait', async () => {
  const file = await exportWith('grid-8x8', async (dialog) => {
    await dialog.getByLabel('Paper').selectOption('Letter');
    await dialog.getByLabel('Orientation').selectOption('portrait');
    await dialog.getByLabel('Layout').selectOption('grid');
    await dialog.getByLabel('Columns').fill('8');
    await dialog.getByLabel('Rows').fill('8');
  });
  const facts = pdfFacts(file);
  expect(facts.pages).toBe(1 + Math.ceil(numbers.length / 64));
  expect(facts.size).toBe('612 x 792');
  expectEveryBoard(facts.text);
});

test('the vertical (Japanese) layout on A3 portrait, without a cover', async () => {
  const file = await exportWith('vertical', async (dialog) => {
    await dialog.getByLabel('Paper').selectOption('A3');
    await dialog.getByLabel('Orientation').selectOption('portrait');
    await dialog.getByLabel('Layout').selectOption('4');
    await dialog.getByLabel('Text placement').selectOption('vertical');
    await dialog.getByLabel('Cover page').uncheck();
  });
  const facts = pdfFacts(file);
  expect(facts.pages).toBe(Math.ceil(numbers.length / 4));
  expect(facts.size).toBe('841.89 x 1190.55');
  expectEveryBoard(facts.text);
});

test('one page rendered by poppler draws the boards', async () => {
  const file = await exportWith('look', async (dialog) => {
    await dialog.getByLabel('Layout').selectOption('6');
    await dialog.getByLabel('Approval').check();
    await dialog.getByLabel('Notes').check();
  });
  const png = join(dir, 'look');
  execFileSync('pdftoppm', ['-f', '2', '-l', '2', '-r', '100', '-png', '-singlefile', file, png]);
  execFileSync('pdftoppm', [
    '-f',
    '2',
    '-l',
    '2',
    '-r',
    '20',
    '-gray',
    '-singlefile',
    file,
    `${png}-grey`,
  ]);
  // PGM: the header then one byte per pixel. Frames and text make a good share of it dark.
  const pgm = readFileSync(`${png}-grey.pgm`);
  const pixels = pgm.subarray(pgm.length - (pgm.length - 20) + 0);
  const dark = pixels.filter((value) => value < 160).length / pixels.length;
  expect(dark).toBeGreaterThan(0.05);
  console.log(`pdf page rendered: ${png}.png`);
  // The sketches are PNGs; in the PDF they are JPEGs at no more than print resolution.
  const images = execFileSync('pdfimages', ['-f', '2', '-l', '2', '-list', file], {
    encoding: 'utf8',
  })
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => line.trim().split(/\s+/));
  expect(images.length).toBeGreaterThanOrEqual(6);
  for (const columns of images) {
    // page num type width height color comp bpc enc interp object id x-ppi y-ppi …
    expect(columns[8], columns.join(' ')).toBe('jpeg');
    expect(Number(columns[12]), columns.join(' ')).toBeLessThanOrEqual(301);
  }
});

test('a preset is saved in this browser, shared as a file and imported back', async () => {
  const dialog = await openDialog();
  await dialog.getByLabel('Paper').selectOption('Legal');
  await dialog.getByLabel('Orientation').selectOption('portrait');
  await dialog.getByLabel('Layout').selectOption('9');
  await dialog.getByLabel('Save as').fill('Legal nine');
  await dialog.getByRole('button', { name: 'Save preset' }).click();
  await expect
    .poll(() => dialog.getByRole('status').first().textContent())
    .toMatch(/Saved the preset/);

  await dialog.getByLabel('Preset', { exact: true }).selectOption('');
  expect(await dialog.getByLabel('Paper').inputValue()).toBe('A4');
  await dialog.getByLabel('Preset', { exact: true }).selectOption('Legal nine');
  expect(await dialog.getByLabel('Paper').inputValue()).toBe('Legal');
  expect(await dialog.getByLabel('Layout').inputValue()).toBe('9');

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export preset' }).click();
  const file = join(dir, 'preset.json');
  await (await download).saveAs(file);
  const shared = JSON.parse(readFileSync(file, 'utf8'));
  expect(shared).toMatchObject({
    type: 'frameline.pdf-preset/1',
    name: 'Legal nine',
    options: { paper: 'Legal', orientation: 'portrait', layout: { kind: 'perPage', boards: 9 } },
  });

  await dialog.getByRole('button', { name: 'Delete preset' }).click();
  expect(
    await dialog.getByLabel('Preset', { exact: true }).locator('option').allTextContents(),
  ).toEqual(['Default']);
  await dialog.getByLabel('Preset file').setInputFiles(file);
  await expect.poll(() => dialog.getByLabel('Paper').inputValue()).toBe('Legal');
  await dialog.getByLabel('Preset file').setInputFiles({
    name: 'nope.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"type":"something else"}'),
  });
  await expect
    .poll(() => dialog.getByRole('alert').textContent())
    .toBe('nope.json: This file is not a Frameline PDF preset.');
  await dialog.getByRole('button', { name: 'Close' }).click();
});

test('the Export menu opens the same dialog', async () => {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: 'PDF boards…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export PDF' });
  await dialog.getByRole('img', { name: /^Preview of page/ }).waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'detached' });
});

test('no page errors', () => {
  expect(errors).toEqual([]);
});
