import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { parseScript } from '../../src/script';
import { screenplayPdf } from '../../src/script/testing/screenplayPdf';
import { launchPersistent, trackPageErrors } from '../helpers/browser';
import { readScreenplay, screenplayPath } from '../helpers/fixtures';

/** Final Draft and PDF scripts import like Fountain ones; the script exports as Fountain and FDX. */

let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
let errors: string[];

beforeAll(async () => {
  ({ context, close } = await launchPersistent());
  page = await context.newPage();
  errors = trackPageErrors(page);
  await page.goto(inject('baseUrl'));
});

afterAll(async () => {
  await close();
});

const sceneCount = () =>
  page.getByRole('navigation', { name: 'Scenes' }).getByRole('listitem').count();
const boardCount = () => page.getByRole('button', { name: /^Shot / }).count();

async function importFile(name: string, buffer: Buffer) {
  await page.getByRole('link', { name: /all projects/ }).click();
  await page
    .getByLabel('Screenplay file')
    .setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
  await page.getByRole('navigation', { name: 'Scenes' }).waitFor();
}

test('a Final Draft file and its Fountain twin give the same boards', async () => {
  await page
    .getByLabel('Screenplay file')
    .setInputFiles(screenplayPath('wildwinter_TestFDX-FD.fountain'));
  await page.getByRole('navigation', { name: 'Scenes' }).waitFor();
  const fountain = { scenes: await sceneCount(), boards: await boardCount() };
  await importFile(
    'TestFDX-FD.fdx',
    readFileSync(screenplayPath('wildwinter_TestFDX-FD.finaldraft.fdx')),
  );
  await expect.poll(boardCount).toBe(fountain.boards);
  expect(await sceneCount()).toBe(fountain.scenes);
});

test('a screenplay PDF is read from its text layer', async () => {
  // A shooting-script PDF (scene numbers in the margins). Without margin numbers, headings
  // without INT./EXT. (SNIPER SCOPE POV) read as shots: a known limit of PDF import.
  const doc = parseScript(readScreenplay('brick_and_steel.fountain'));
  await importFile('brick.pdf', Buffer.from(screenplayPdf(doc, { sceneNumbers: true })));
  await expect.poll(sceneCount).toBe(8);
});

test('a PDF without text says it looks scanned and changes nothing', async () => {
  await page.getByRole('link', { name: /all projects/ }).click();
  // The list reads IndexedDB before it shows: count once the earlier projects are on it.
  await page.locator('.project-card').first().waitFor();
  const before = await page.locator('.project-card').count();
  const empty = screenplayPdf({ titlePage: {}, elements: [], diagnostics: [] });
  await page
    .getByLabel('Screenplay file')
    .setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(empty) });
  await page.getByRole('alert').filter({ hasText: 'scan.pdf' }).waitFor();
  expect(await page.locator('.project-card').count()).toBe(before);
});

test('the script exports as Fountain and as FDX that read back to the same scenes', async () => {
  await page.locator('.project-card').first().getByRole('link').click();
  await page.getByRole('navigation', { name: 'Scenes' }).waitFor();
  const scenes = await sceneCount();
  for (const name of ['Export script as Fountain', 'Export script as Final Draft (FDX)']) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name }).click();
    const text = readFileSync(await (await download).path(), 'utf8');
    const parsed = parseScript(text);
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(parsed.elements.filter((e) => e.type === 'scene_heading')).toHaveLength(scenes);
  }
});

test('a Final Draft Shot paragraph becomes a board of its own, framed and described by it', async () => {
  const fdx = `<?xml version="1.0" encoding="UTF-8"?>
<FinalDraft DocumentType="Script" Template="No" Version="5"><Content>
<Paragraph Type="Scene Heading"><Text>INT. KITCHEN - DAY</Text></Paragraph>
<Paragraph Type="Action"><Text>Mary opens the envelope.</Text></Paragraph>
<Paragraph Type="Shot"><Text>Close on the letter</Text></Paragraph>
<Paragraph Type="Action"><Text>It reads: I am sorry.</Text></Paragraph>
<Paragraph Type="Character"><Text>MARY</Text></Paragraph>
<Paragraph Type="Dialogue"><Text>Oh.</Text></Paragraph>
</Content></FinalDraft>`;
  await importFile('letter.fdx', Buffer.from(fdx));
  await expect.poll(boardCount).toBe(3);
  const letter = page.getByRole('button', { name: 'Shot 1A' });
  await expect
    .poll(() => page.locator('li', { has: letter }).locator('.board-type').textContent())
    .toBe('CU');
  await letter.click();
  await expect
    .poll(() => page.getByText('CLOSE ON THE LETTER', { exact: false }).count())
    .toBeGreaterThan(0);
});

test('the page never threw', () => {
  expect(errors).toEqual([]);
});
