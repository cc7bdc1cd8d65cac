import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { parseScript, type ScriptDocument } from '../../src/script';
import { screenplayPdf } from '../../src/script/testing/screenplayPdf';
import { launchPersistent, trackPageErrors } from '../helpers/browser';
import { readScreenplay } from '../helpers/fixtures';

/**
 * A scanned screenplay: the text PDF of a script, printed to 300 dpi greyscale images with
 * poppler's pdftoppm and bound into a PDF of images only (pdf-lib), imports through OCR with the
 * same scene headings as the text PDF.
 */

let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
let errors: string[];
let dir: string;

beforeAll(async () => {
  ({ context, close } = await launchPersistent());
  page = await context.newPage();
  errors = trackPageErrors(page);
  await page.goto(inject('baseUrl'));
  dir = mkdtempSync(join(tmpdir(), 'frameline-scan-'));
});

afterAll(async () => {
  await close();
  rmSync(dir, { recursive: true, force: true });
});

/** Brick & Steel up to its fourth scene: a title page and two pages of script. */
function shortScript(): ScriptDocument {
  const doc = parseScript(readScreenplay('brick_and_steel.fountain'));
  let headings = 0;
  const end = doc.elements.findIndex(
    (element) => element.type === 'scene_heading' && ++headings === 4,
  );
  return { ...doc, elements: doc.elements.slice(0, end) };
}

/** Every page of `pdf` as a 300 dpi greyscale PNG, bound into a PDF with no text at all. */
async function scanned(pdf: Uint8Array): Promise<Uint8Array> {
  const source = join(dir, 'text.pdf');
  writeFileSync(source, pdf);
  execFileSync('pdftoppm', ['-r', '300', '-gray', '-png', source, join(dir, 'page')]);
  const images = readdirSync(dir)
    .filter((name) => name.startsWith('page') && name.endsWith('.png'))
    .sort();
  const out = await PDFDocument.create();
  for (const name of images) {
    const image = await out.embedPng(readFileSync(join(dir, name)));
    out.addPage([612, 792]).drawImage(image, { x: 0, y: 0, width: 612, height: 792 });
  }
  return out.save();
}

/** Each scene as its number, heading and shot count (the rest of a row is estimates). */
const sceneHeadings = async () =>
  (
    await page.getByRole('navigation', { name: 'Scenes' }).getByRole('listitem').allInnerTexts()
  ).map((row) => {
    const [number, heading] = row.split('\n');
    return `${number} ${heading} (${/\d+ shots?/.exec(row)?.[0] ?? 'no shots'})`;
  });

async function importFile(name: string, bytes: Uint8Array) {
  await page.getByRole('link', { name: /all projects/ }).click();
  await page
    .getByLabel('Screenplay file')
    .setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(bytes) });
}

test('a scanned PDF is read with OCR, with page progress, into the same scene headings', async () => {
  const text = screenplayPdf(shortScript(), { sceneNumbers: true });
  const scan = await scanned(text);
  expect(new TextDecoder('latin1').decode(scan)).not.toMatch(/\/Font\b/);

  await importFile('brick.pdf', text);
  await page.getByRole('navigation', { name: 'Scenes' }).waitFor();
  const expected = await sceneHeadings();
  expect(expected).toHaveLength(3);

  await importFile('brick-scan.pdf', scan);
  const status = page.getByRole('dialog').getByRole('status');
  await expect
    .poll(() => status.innerText(), { timeout: 60_000 })
    .toMatch(/Reading the scanned pages with OCR… page \d of 3/);
  await page.getByRole('navigation', { name: 'Scenes' }).waitFor({ timeout: 110_000 });
  expect(await sceneHeadings()).toEqual(expected);
  await page
    .getByRole('status')
    .filter({ hasText: 'Read with OCR — check names and headings.' })
    .waitFor();
  expect(errors).toEqual([]);
}, 180_000);
