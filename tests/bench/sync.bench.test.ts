import { chromium, type Browser, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as Y from 'yjs';
import type { SceneId, ShotId } from '../../src/model/ids';
import { createProjectMeta, type ProjectSnapshot } from '../../src/model/project';
import { createScene } from '../../src/model/scene';
import { createShot } from '../../src/model/shot';
import { readProject, writeSnapshot } from '../../src/store/projectDoc';
import { findChromium } from '../tools/ensure-chromium.mjs';
import { CHROMIUM_ARGS } from '../helpers/browser';
import { startSignalingServer, type SignalingServer } from '../helpers/signaling';

/**
 * Sync benchmark, real browsers on loopback (TESTING.md's WebRTC recipe): separate Chromium
 * contexts joined by invite link through a local signaling server.
 *
 * - edit-to-visible latency: one peer types into a shot's action (a real input event through
 *   React and the Y.Doc); every other peer notes when the board on its screen shows the text.
 *   Both ends read `performance.timeOrigin + performance.now()` — one machine, one clock.
 *   p50/p95 over every (edit, receiving peer) pair, with 2 and with 5 peers.
 * - load of a 1,000-shot project: a browser that has the project opens it cold (page load,
 *   IndexedDB, Yjs, reading, React) until all 1,000 boards are on screen; and, for comparison,
 *   a browser joining the room until all 1,000 boards are on screen (includes finding the peer).
 *
 * Figures are printed, never asserted (TESTING.md). The build served is dist/ (or
 * SYNC_BENCH_DIST): run `vite build` first, as `npm run bench:sync` does.
 */
const EDITS_PER_RUN = Number(process.env.SYNC_BENCH_EDITS ?? 40);
const GAP_BETWEEN_EDITS_MS = 120;
const BIG_PROJECT_SHOTS = 1000;
const SCENES_IN_BIG_PROJECT = 50;
const CONNECT_TIMEOUT_MS = 60_000;

let server: PreviewServer;
let signaling: SignalingServer;
let browser: Browser;
let baseUrl = '';

beforeAll(async () => {
  server = await preview({
    build: { outDir: process.env.SYNC_BENCH_DIST ?? 'dist' },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    logLevel: 'warn',
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  baseUrl = `http://127.0.0.1:${address.port}/`;
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
  await browser?.close();
  await signaling?.close();
  await server?.close();
});

/** Shots with an uploaded-but-absent frame: nothing to sketch, so no peer's CPU goes there. */
function snapshotOf(shots: number, scenes: number): ProjectSnapshot {
  const sceneList = Array.from({ length: scenes }, (_, i) =>
    createScene({
      id: `scene-${i}` as SceneId,
      number: String(i + 1),
      heading: `INT. ROOM ${i + 1} - DAY`,
    }),
  );
  const shotList = Array.from({ length: shots }, (_, i) => {
    const scene = sceneList[i % scenes]!;
    return createShot({
      id: `shot-${String(i).padStart(4, '0')}` as ShotId,
      sceneId: scene.id,
      number: `${scene.number}-${i}`,
      action: `Shot ${i}: someone crosses the room and looks out of the window.`,
      frameSource: 'upload',
    });
  });
  return {
    meta: createProjectMeta(`Bench ${shots}`),
    scenes: sceneList,
    shots: shotList,
    characters: [],
  };
}

function projectFile(snapshot: ProjectSnapshot): Buffer {
  return Buffer.from(
    JSON.stringify({
      format: 'frameline.project',
      version: 1,
      exportedAt: '',
      project: snapshot,
      assets: [],
    }),
  );
}

async function newPeer(): Promise<Page> {
  const context = await browser.newContext({
    permissions: ['camera', 'microphone'],
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  await page.goto(baseUrl);
  return page;
}

/** Imports a project, shares it through the bench's signaling server; returns the invite. */
async function share(page: Page, snapshot: ProjectSnapshot): Promise<string> {
  await page.getByLabel('Project file').setInputFiles({
    name: 'bench.json',
    mimeType: 'application/json',
    buffer: projectFile(snapshot),
  });
  await page
    .getByRole('button', { name: /^Shot / })
    .first()
    .waitFor({ timeout: CONNECT_TIMEOUT_MS });
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await page.getByText('Connection settings', { exact: true }).click();
  await page.getByLabel('Signaling servers (one per line)').fill(signaling.url);
  await page.getByRole('button', { name: 'Save connection settings' }).click();
  await page.getByRole('button', { name: 'Start sharing' }).click();
  const invite = await page.getByLabel('Invite link').inputValue();
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  return invite;
}

async function join(page: Page, invite: string): Promise<void> {
  await page.goto(invite);
  await page.getByRole('button', { name: 'Join project' }).click();
}

const boardCount = (page: Page) => page.locator('.board').count();

/** Until every page has a document link to every other (status line of the Share dialog). */
async function waitForMesh(pages: readonly Page[]) {
  for (const page of pages) {
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await expect
      .poll(() => page.locator('.room-status').textContent(), { timeout: CONNECT_TIMEOUT_MS })
      .toContain(`${pages.length - 1} peer${pages.length === 2 ? '' : 's'} connected`);
    await page.getByRole('button', { name: 'Done', exact: true }).click();
  }
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Watches this page's board for texts appearing, noting when each did. */
async function watchBoard(page: Page, shotLabel: string) {
  await page.evaluate((label) => {
    const seen: Record<string, number> = {};
    (window as unknown as { __seen: Record<string, number> }).__seen = seen;
    const check = () => {
      const text =
        document.querySelector(`.board[aria-label="${label}"] + .board-text .board-snippet`)
          ?.textContent ?? '';
      if (text.startsWith('lat-') && !(text in seen))
        seen[text] = performance.timeOrigin + performance.now();
    };
    new MutationObserver(check).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  }, shotLabel);
}

/** Types into the selected shot's Action field through React, returning when it was typed. */
function typeAction(page: Page, text: string): Promise<number> {
  return page.evaluate((value) => {
    const field = [...document.querySelectorAll<HTMLLabelElement>('.inspector label.field')].find(
      (label) => label.querySelector('span')?.textContent === 'Action',
    );
    const area = field?.querySelector('textarea');
    if (!area) throw new Error('no Action field');
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
    const at = performance.timeOrigin + performance.now();
    setter.call(area, value);
    area.dispatchEvent(new Event('input', { bubbles: true }));
    return at;
  }, text);
}

async function latency(peerCount: number): Promise<{ p50: number; p95: number; samples: number }> {
  const pages = [await newPeer()];
  const invite = await share(pages[0]!, snapshotOf(6, 2));
  for (let i = 1; i < peerCount; i++) {
    const page = await newPeer();
    await join(page, invite);
    pages.push(page);
  }
  for (const page of pages)
    await expect.poll(() => boardCount(page), { timeout: CONNECT_TIMEOUT_MS }).toBe(6);
  await waitForMesh(pages);
  const [writer, ...readers] = pages as [Page, ...Page[]];
  const label = await writer.locator('.board').first().getAttribute('aria-label');
  await writer.locator('.board').first().click();
  for (const reader of readers) await watchBoard(reader, label ?? '');
  const sent: Record<string, number> = {};
  for (let i = 0; i < EDITS_PER_RUN; i++) {
    const text = `lat-${peerCount}-${i}`;
    sent[text] = await typeAction(writer, text);
    await writer.waitForTimeout(GAP_BETWEEN_EDITS_MS);
  }
  await writer.waitForTimeout(1_000);
  const samples: number[] = [];
  for (const reader of readers) {
    const seen = await reader.evaluate(
      () => (window as unknown as { __seen: Record<string, number> }).__seen,
    );
    for (const [text, at] of Object.entries(sent)) {
      const shown = seen[text];
      samples.push(shown === undefined ? Number.POSITIVE_INFINITY : shown - at);
    }
  }
  for (const page of pages) await page.context().close();
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), samples: samples.length };
}

async function bigProjectLoads(): Promise<{ openMs: number; joinMs: number; docBytes: number }> {
  const snapshot = snapshotOf(BIG_PROJECT_SHOTS, SCENES_IN_BIG_PROJECT);
  const doc = new Y.Doc();
  writeSnapshot(doc, snapshot);
  const docBytes = Y.encodeStateAsUpdate(doc).byteLength;
  expect(readProject(doc).snapshot.shots).toHaveLength(BIG_PROJECT_SHOTS);

  const owner = await newPeer();
  const invite = await share(owner, snapshot);
  await expect
    .poll(() => boardCount(owner), { timeout: CONNECT_TIMEOUT_MS })
    .toBe(BIG_PROJECT_SHOTS);
  await owner.waitForTimeout(1_000); // let the project be written to IndexedDB
  const projectUrl = owner.url();
  // Cold open of the stored project: a fresh page of the same browser profile.
  const reader = await owner.context().newPage();
  await owner.close();
  const openStarted = Date.now();
  await reader.goto(projectUrl);
  await expect
    .poll(() => boardCount(reader), { timeout: CONNECT_TIMEOUT_MS, interval: 20 })
    .toBe(BIG_PROJECT_SHOTS);
  const openMs = Date.now() - openStarted;

  const joiner = await newPeer();
  await joiner.goto(invite);
  const joinStarted = Date.now();
  await joiner.getByRole('button', { name: 'Join project' }).click();
  await expect
    .poll(() => boardCount(joiner), { timeout: CONNECT_TIMEOUT_MS, interval: 20 })
    .toBe(BIG_PROJECT_SHOTS);
  const joinMs = Date.now() - joinStarted;
  await reader.context().close();
  await joiner.context().close();
  return { openMs, joinMs, docBytes };
}

test('sync benchmark', async () => {
  const two = await latency(2);
  console.log(
    `edit-to-visible, 2 peers: p50 ${two.p50.toFixed(1)} ms, p95 ${two.p95.toFixed(1)} ms (${two.samples} samples)`,
  );
  const five = await latency(5);
  console.log(
    `edit-to-visible, 5 peers: p50 ${five.p50.toFixed(1)} ms, p95 ${five.p95.toFixed(1)} ms (${five.samples} samples)`,
  );
  const big = await bigProjectLoads();
  console.log(
    `1,000-shot project (${(big.docBytes / 1024).toFixed(0)} KiB as one Yjs update): cold open ${big.openMs} ms; joining a room until all boards show ${big.joinMs} ms`,
  );
  console.log(
    `sync p95_ms_2peers=${two.p95.toFixed(1)} p95_ms_5peers=${five.p95.toFixed(1)} load_1000_ms=${big.openMs}`,
  );
});
