import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { findChromium } from '../tools/ensure-chromium.mjs';
import { CHROMIUM_ARGS } from '../helpers/browser';
import {
  bundleWithFrame,
  projectJsonWithFrame,
  PWNED_KEY,
  scriptedSvg,
  sha256,
} from '../helpers/hostileAssets';
import { startSignalingServer, type SignalingServer } from '../helpers/signaling';

/**
 * No script from content (issue 10): a frame declared `image/svg+xml` with a script inside,
 * delivered by a project file, a bundle and a room peer. The script would mark the app origin's
 * localStorage and call a loopback canary; whatever the app does with the frame (refuse it, store
 * it inert), the mark never appears and the canary is never called — also after every image on
 * the page is opened in a tab of its own, as "Open image in new tab" does.
 */

const PEER_TIMEOUT_MS = 20_000;

let browser: Browser;
let signaling: SignalingServer;
let canary: { server: Server; url: string; hits: string[] };
const contexts: BrowserContext[] = [];

async function startCanary() {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(request.url ?? '');
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/`, hits };
}

async function freshPage(): Promise<Page> {
  const context = await browser.newContext({
    permissions: ['camera', 'microphone'],
    acceptDownloads: true,
  });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(inject('baseUrl'));
  return page;
}

/** Every image the page shows, opened in a tab of its own (the blob URL, like a context menu). */
async function openEveryImageInNewTab(page: Page): Promise<number> {
  const sources = await page.evaluate(() =>
    [...document.querySelectorAll('img')].map((img) => img.src).filter((src) => src !== ''),
  );
  for (const src of sources) {
    const tab = await page.context().newPage();
    // An inert blob is downloaded, not shown: goto then fails, which is the point.
    await tab.goto(src).catch(() => null);
    await tab.close();
  }
  return sources.length;
}

function mark(page: Page): Promise<string | null> {
  return page.evaluate((key) => localStorage.getItem(key), PWNED_KEY);
}

/** Type and size of an asset row in this page's IndexedDB, or null. */
function storedAsset(page: Page, hash: string) {
  return page.evaluate(async (key) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('frameline');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const row = await new Promise<{ blob: Blob; mimeType: string } | undefined>(
      (resolve, reject) => {
        const get = db.transaction('assets').objectStore('assets').get(key);
        get.onsuccess = () => resolve(get.result as { blob: Blob; mimeType: string } | undefined);
        get.onerror = () => reject(get.error);
      },
    );
    db.close();
    return row ? { type: row.mimeType, blobType: row.blob.type, size: row.blob.size } : null;
  }, hash);
}

beforeAll(async () => {
  canary = await startCanary();
  signaling = await startSignalingServer();
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found');
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, '--allow-loopback-in-peer-connection'],
  });
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await signaling?.close();
  await new Promise((resolve) => canary?.server.close(resolve));
});

const firstBoardOrAlert = (page: Page) =>
  page
    .getByRole('alert')
    .or(page.getByRole('button', { name: /^Shot / }))
    .first();

test('a project file carrying a scripted SVG frame is refused and nothing runs', async () => {
  const page = await freshPage();
  const svg = scriptedSvg('json', canary.url);
  await page.getByLabel('Project file').setInputFiles({
    name: 'evil.json',
    mimeType: 'application/json',
    buffer: projectJsonWithFrame(svg),
  });
  await firstBoardOrAlert(page).waitFor();
  await openEveryImageInNewTab(page);
  expect(await mark(page)).toBeNull();
  expect(canary.hits).toEqual([]);
  await expect
    .poll(() => page.getByRole('alert').textContent())
    .toMatch(/“evil\.json” cannot be imported: asset \w{12}… is an SVG image/);
  expect(await storedAsset(page, sha256(svg))).toBeNull();
});

test('a bundle carrying a scripted SVG frame is refused and nothing runs', async () => {
  const page = await freshPage();
  const svg = scriptedSvg('bundle', canary.url);
  await page.getByLabel('Bundle file').setInputFiles({
    name: 'evil.frameline',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(await bundleWithFrame(svg)),
  });
  await firstBoardOrAlert(page).waitFor();
  await openEveryImageInNewTab(page);
  expect(await mark(page)).toBeNull();
  expect(canary.hits).toEqual([]);
  await expect
    .poll(() => page.getByRole('alert').textContent())
    .toMatch(/“evil\.frameline” cannot be imported: the file \w{12}… is an SVG image/);
  expect(await storedAsset(page, sha256(svg))).toBeNull();
});

test('a room peer serving a scripted SVG frame: it is not stored, nothing runs on either side', async () => {
  const svg = scriptedSvg('peer', canary.url);
  const svgHash = sha256(svg);
  // The attacker: a valid bundle that names the SVG frame as missing, then the SVG put straight
  // into this browser's storage, typed image/svg+xml, as if an older build had accepted it.
  const anna = await freshPage();
  await anna.getByLabel('Bundle file').setInputFiles({
    name: 'room.frameline',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(await bundleWithFrame(svg, { title: 'Room', carry: false })),
  });
  await anna.getByText('Imported bundle “Room”').waitFor();
  await anna.evaluate(
    async ({ hash, bytes }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('frameline');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const data = new Uint8Array(bytes);
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('assets', 'readwrite');
        tx.objectStore('assets').put({
          hash,
          blob: new Blob([data], { type: 'image/svg+xml' }),
          mimeType: 'image/svg+xml',
          size: data.byteLength,
          createdAt: Date.now(),
        });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { hash: svgHash, bytes: [...svg] },
  );
  await anna.reload();
  await anna.getByRole('button', { name: /^Shot 1/ }).waitFor();

  await anna.getByRole('button', { name: 'Share', exact: true }).click();
  await anna.getByLabel('Your name').fill('Anna');
  await anna.getByText('Connection settings', { exact: true }).click();
  await anna.getByLabel('Signaling servers (one per line)').fill(signaling.url);
  await anna.getByRole('button', { name: 'Save connection settings' }).click();
  await anna.locator('.connection-settings').getByText('Saved', { exact: true }).waitFor();
  await anna.getByRole('button', { name: 'Start sharing' }).click();
  const invite = await anna.getByLabel('Invite link').inputValue();
  await anna.getByRole('button', { name: 'Done', exact: true }).click();

  const ben = await freshPage();
  const warnings: string[] = [];
  ben.on('console', (message) => warnings.push(message.text()));
  await ben.goto(invite);
  await ben.getByLabel('Your name').fill('Ben');
  await ben.getByRole('button', { name: 'Join project' }).click();
  await expect
    .poll(() => ben.getByRole('button', { name: /^Shot / }).count(), { timeout: PEER_TIMEOUT_MS })
    .toBe(2);
  // Frames do travel in this room: the honest PNG arrives…
  await expect
    .poll(() => ben.locator('.board img').count(), { timeout: PEER_TIMEOUT_MS })
    .toBeGreaterThan(0);
  // …and the SVG has been answered for one way or the other: refused, or (before the fix) stored.
  await expect
    .poll(
      async () =>
        warnings.some((text) => text.includes(svgHash.slice(0, 12))) ||
        (await storedAsset(ben, svgHash)) !== null,
      { timeout: PEER_TIMEOUT_MS },
    )
    .toBe(true);

  await openEveryImageInNewTab(ben);
  await openEveryImageInNewTab(anna);
  expect(await mark(ben)).toBeNull();
  expect(await mark(anna)).toBeNull();
  expect(canary.hits).toEqual([]);
  expect(await storedAsset(ben, svgHash)).toBeNull();
  expect(warnings.join('\n')).toMatch(/is an SVG image, which can carry scripts; not stored/);
});
