import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { SceneId, ShotId } from '../../src/model/ids';
import { createProjectMeta } from '../../src/model/project';
import { createScene } from '../../src/model/scene';
import { createShot } from '../../src/model/shot';
import { findChromium } from '../tools/ensure-chromium.mjs';
import { CHROMIUM_ARGS } from '../helpers/browser';
import { startSignalingServer, type SignalingServer } from '../helpers/signaling';

/**
 * Live co-drawing between two browser contexts over real WebRTC (as collab.e2e.ts): both open
 * the frame editor on one board; one sees the other's stroke while it is drawn, and strokes
 * drawn at the same moment both end up on both.
 */

const PEER_TIMEOUT_MS = 20_000;
let signaling: SignalingServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let anna: Page;
let ben: Page;

function projectFile(): Buffer {
  const scene = createScene({ id: 'scene-a' as SceneId, number: '1', heading: 'INT. HALL - DAY' });
  const shots = [
    createShot({ id: 'shot-1' as ShotId, sceneId: scene.id, number: '1', action: 'A door.' }),
    createShot({ id: 'shot-2' as ShotId, sceneId: scene.id, number: '1A', action: 'A hand.' }),
  ];
  return Buffer.from(
    JSON.stringify({
      format: 'frameline.project',
      version: 1,
      exportedAt: new Date().toISOString(),
      project: { meta: createProjectMeta('Two Pens'), scenes: [scene], shots, characters: [] },
      assets: [],
    }),
  );
}

async function peer(): Promise<Page> {
  const context = await browser.newContext({
    permissions: ['camera', 'microphone'],
    viewport: { width: 1280, height: 820 },
  });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(inject('baseUrl'));
  return page;
}

async function setName(page: Page, name: string) {
  const field = page.getByLabel('Your name');
  await field.fill(name);
  await field.blur();
}

const editor = (page: Page) => page.getByRole('dialog', { name: 'Frame editor' });
const pencilCount = (page: Page) =>
  editor(page)
    .getByRole('button', { name: 'Layer Pencil', exact: true })
    .locator('.layer-count')
    .textContent();

/** Pointer events of a mouse stroke, sent straight to the stage: `phase` down, moves or up. */
async function stroke(page: Page, phase: 'down' | 'move' | 'up', y: number, step = 0) {
  await page.evaluate(
    ({ phase, y, step }) => {
      const stage = document.querySelector('[data-testid="editor-stage"]');
      if (!stage) throw new Error('no stage');
      const box = stage.getBoundingClientRect();
      const x = box.left + box.width * (0.2 + step * 0.05);
      const at = box.top + box.height * y;
      const type = phase === 'down' ? 'pointerdown' : phase === 'up' ? 'pointerup' : 'pointermove';
      stage.dispatchEvent(
        new PointerEvent(type, {
          bubbles: true,
          pointerId: 3,
          pointerType: 'pen',
          isPrimary: true,
          clientX: x,
          clientY: at,
          pressure: phase === 'up' ? 0 : 0.6,
          buttons: phase === 'up' ? 0 : 1,
        }),
      );
    },
    { phase, y, step },
  );
}

async function drawLine(page: Page, y: number, steps: number) {
  await stroke(page, 'down', y);
  for (let i = 1; i <= steps; i++) {
    await stroke(page, 'move', y, i);
    await page.waitForTimeout(60);
  }
}

beforeAll(async () => {
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
});

test('two people in the frame editor on one board see each other draw, and keep both strokes', async () => {
  anna = await peer();
  await anna
    .getByLabel('Project file')
    .setInputFiles({ name: 'pens.json', mimeType: 'application/json', buffer: projectFile() });
  await anna.getByRole('button', { name: 'Shot 1A', exact: true }).waitFor();
  await anna.getByRole('button', { name: 'Share', exact: true }).click();
  await setName(anna, 'Anna');
  await anna.getByText('Connection settings', { exact: true }).click();
  await anna.getByLabel('Signaling servers (one per line)').fill(signaling.url);
  await anna.getByRole('button', { name: 'Save connection settings' }).click();
  await anna.locator('.connection-settings').getByText('Saved', { exact: true }).waitFor();
  await anna.getByRole('button', { name: 'Start sharing' }).click();
  const invite = await anna.getByLabel('Invite link').inputValue();
  await anna.getByRole('button', { name: 'Done', exact: true }).click();

  ben = await peer();
  await ben.goto(invite);
  await setName(ben, 'Ben');
  await ben.getByRole('button', { name: 'Join project' }).click();
  await ben
    .getByRole('button', { name: 'Shot 1A', exact: true })
    .waitFor({ timeout: PEER_TIMEOUT_MS });

  for (const page of [anna, ben]) {
    await page.getByRole('button', { name: 'Shot 1A', exact: true }).dblclick();
    await editor(page).waitFor();
  }
  // Anna's first stroke makes the layers; it reaches Ben through the document.
  await drawLine(anna, 0.3, 4);
  await stroke(anna, 'up', 0.3, 4);
  await expect.poll(() => pencilCount(anna)).toBe('1');
  await expect.poll(() => pencilCount(ben), { timeout: PEER_TIMEOUT_MS }).toBe('1');

  // While Anna's pen is still down, Ben sees her drawing (and the board says so).
  await drawLine(anna, 0.5, 6);
  await expect
    .poll(() => editor(ben).locator('.editor-peers').textContent(), { timeout: 10_000 })
    .toContain('Anna drawing');
  // Ben draws at the same moment; both lift their pens.
  await drawLine(ben, 0.7, 6);
  await stroke(anna, 'up', 0.5, 6);
  await stroke(ben, 'up', 0.7, 6);
  for (const page of [anna, ben]) {
    await expect.poll(() => pencilCount(page), { timeout: PEER_TIMEOUT_MS }).toBe('3');
  }
  await expect.poll(() => editor(ben).locator('.editor-peers').count()).toBe(0);
});
