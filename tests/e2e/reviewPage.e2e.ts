import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import {
  chooseExport,
  launchChromium,
  launchPersistent,
  trackPageErrors,
} from '../helpers/browser';
import { boardCounts, pasteScript } from '../helpers/pwa';

/**
 * The client review round trip (issue 13): the Export menu's "Review page" writes one HTML file
 * that opens from file:// with the network off and nothing loaded from anywhere, plays the
 * boards, takes a verdict and a comment and downloads them; "Import review…" brings them back
 * as comments marked "From review page, not signed", in one step that Undo takes back.
 */

const ARTIFACTS = resolve('tests/.artifacts');
const SCRIPT = `Title: Night <Shift>

INT. KITCHEN - NIGHT

ANNA waits by the window. Rain.

ANNA
He is not coming.

EXT. ROOF - NIGHT

Ben lights a cigarette.

BEN
One more minute.
`;

let app: { context: BrowserContext; close: () => Promise<void> };
let page: Page;
let errors: string[];
let browser: Browser;
let reviewPage = '';
let reviewFile = '';

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  app = await launchPersistent();
  page = await app.context.newPage();
  errors = trackPageErrors(page);
  await page.goto(inject('baseUrl'));
  await pasteScript(page, SCRIPT);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
  await app.close();
});

test('"Review page" downloads one self-contained HTML file', async () => {
  await expect
    .poll(() => boardCounts(page), { timeout: 60_000 })
    .toSatisfy(([all, framed]) => all > 0 && all === framed);
  const download = page.waitForEvent('download');
  await chooseExport(page, 'Review page');
  const file = await download;
  expect(file.suggestedFilename()).toBe('night-shift-review.html');
  reviewPage = join(ARTIFACTS, 'review-page.html');
  await file.saveAs(reviewPage);
  const html = readFileSync(reviewPage, 'utf8');
  expect(html).toContain('Night &lt;Shift&gt;');
  expect(html).toContain('<img src="data:image/');
});

test('the review page opens offline from a file, plays, and downloads the review', async () => {
  const context = await browser.newContext({
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  await context.setOffline(true);
  const requested: string[] = [];
  await context.route(
    (url) => url.protocol !== 'file:',
    (route) => {
      requested.push(route.request().url());
      return route.abort();
    },
  );
  const review = await context.newPage();
  const problems: string[] = [];
  review.on('pageerror', (error) => problems.push(error.message));
  review.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await review.goto(`file://${reviewPage}`);

  // Every frame decodes (data: URIs the page's policy allows).
  const thumbs = review.locator('.thumb img');
  expect(await thumbs.count()).toBeGreaterThan(0);
  expect(
    await thumbs.evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0)),
  ).toBe(true);

  const screen = review.locator('#screen');
  expect(await screen.getAttribute('data-index')).toBe('0');
  await review.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => screen.getAttribute('data-index'), { timeout: 20_000 }).toBe('1');
  await review.getByRole('button', { name: 'Pause', exact: true }).click();
  await review.keyboard.press('ArrowRight');
  expect(await screen.getAttribute('data-index')).toBe('2');

  await review.getByLabel('Your name').fill('Dana <Client>');
  const first = review.locator('.board').first();
  await first.getByRole('button', { name: 'Approve' }).click();
  await first.getByRole('textbox').fill('Lovely <b>light</b>.');
  const second = review.locator('.board').nth(1);
  await second.getByRole('button', { name: 'Request changes' }).click();

  for (const scheme of ['light', 'dark'] as const) {
    await review.emulateMedia({ colorScheme: scheme });
    await review.screenshot({ path: join(ARTIFACTS, `review-page-${scheme}.png`), fullPage: true });
  }

  const download = review.waitForEvent('download');
  await review.getByRole('button', { name: 'Download review' }).click();
  const file = await download;
  reviewFile = join(ARTIFACTS, file.suggestedFilename());
  await file.saveAs(reviewFile);
  const saved = JSON.parse(readFileSync(reviewFile, 'utf8')) as {
    reviewer: string;
    notes: { verdict: string | null; comment: string }[];
  };
  expect(saved.reviewer).toBe('Dana <Client>');
  expect(saved.notes.map((n) => [n.verdict, n.comment])).toEqual([
    ['approved', 'Lovely <b>light</b>.'],
    ['changes-requested', ''],
  ]);
  expect(requested).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();
});

test('"Import review…" adds the notes marked as external, and Undo takes them out', async () => {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: 'Import review…' }).click();
  await (await chooser).setFiles(reviewFile);
  const dialog = page.getByRole('dialog', { name: 'Import review' });
  await dialog.waitFor();
  await expect.poll(() => dialog.textContent()).toContain('2 notes to add');
  await expect.poll(() => dialog.textContent()).toContain('Dana <Client>');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(ARTIFACTS, `review-import-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await dialog.getByRole('button', { name: 'Import notes' }).click();
  await dialog.waitFor({ state: 'detached' });

  await page
    .getByRole('button', { name: /^Shot / })
    .first()
    .click();
  const thread = page.locator('.comment-thread').filter({ hasText: 'Lovely <b>light</b>.' });
  await expect.poll(() => thread.textContent()).toContain('From review page, not signed');
  expect(await thread.textContent()).toContain('Dana <Client>');
  expect(await thread.textContent()).not.toContain('✓ Signed');
  await thread.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'review-imported-comment.png') });

  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Undo', exact: true }).first().click();
  await expect
    .poll(() => page.locator('.comment-thread').filter({ hasText: 'Lovely' }).count())
    .toBe(0);
  expect(errors).toEqual([]);
});
