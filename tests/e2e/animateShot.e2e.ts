import { mkdirSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { AssetHash, SceneId, ShotId } from '../../src/model/ids';
import { createProjectMeta } from '../../src/model/project';
import { createScene } from '../../src/model/scene';
import { createShot } from '../../src/model/shot';
import { ms } from '../../src/model/units';
import { startFakeProvider, type FakeProviderServer } from '../fake-provider/server';
import { launchPersistent, trackPageErrors } from '../helpers/browser';
import { colourDistance, meanRgbAt, probeMedia, type Rgb } from '../helpers/media';
import { sha256Hex, solidPng } from '../helpers/noisePng';

/**
 * "Animate shot" end to end: fal.ai (played by the fake server on 127.0.0.1, which answers the
 * queue API with tests/fixtures/media/rgb-clip.mp4 — 2 s: red 0.75 s, green 0.75 s, blue 0.5 s)
 * animates the middle shot of three; the clip becomes a take, plays in the timeline preview,
 * and the render has the right length with the clip's colours in the shot's span (the last
 * frame held past the clip's end), the stills around it untouched; "Use still" brings the
 * still back; a second job is cancelled and fal is told to stop.
 */

const ARTIFACTS = 'tests/.artifacts/animate-shot';
const KEY = 'fal-e2e-key-7Qw2Er9Ty4';
const GREY: Rgb = [128, 128, 128];
const YELLOW: Rgb = [230, 200, 40];
const RED: Rgb = [255, 0, 0];
const GREEN: Rgb = [0, 255, 0];
const BLUE: Rgb = [0, 0, 255];
/** Shot 1 grey 1 s, shot 2 (the clip's) 3 s over a yellow still, shot 3 grey 1 s. */
const SHOT_2_START_S = 1;
const TOTAL_S = 5;
const COLOUR_TOLERANCE = 40;
const RENDER_TIMEOUT_MS = 120_000;

const stills = { grey: solidPng(320, 180, GREY), yellow: solidPng(320, 180, YELLOW) };
const hashes = {
  grey: sha256Hex(stills.grey) as AssetHash,
  yellow: sha256Hex(stills.yellow) as AssetHash,
};

function projectFile(): Buffer {
  const scene = createScene({
    id: 'scene-1' as SceneId,
    number: '1',
    heading: 'INT. KITCHEN - DAY',
  });
  const shot = (id: string, number: string, durationMs: number, hash: AssetHash) =>
    createShot({
      id: id as ShotId,
      sceneId: scene.id,
      number,
      durationMs: ms(durationMs),
      action: 'The kettle starts to steam.',
      frameHash: hash,
      frameSource: 'upload',
    });
  return Buffer.from(
    JSON.stringify({
      format: 'frameline.project',
      version: 1,
      exportedAt: new Date().toISOString(),
      project: {
        meta: createProjectMeta('Moving shots'),
        scenes: [scene],
        shots: [
          shot('shot-1', '1', 1000, hashes.grey),
          shot('shot-2', '1A', 3000, hashes.yellow),
          shot('shot-3', '1B', 1000, hashes.grey),
        ],
        characters: [],
      },
      assets: [
        { hash: hashes.grey, mimeType: 'image/png', data: stills.grey.toString('base64') },
        { hash: hashes.yellow, mimeType: 'image/png', data: stills.yellow.toString('base64') },
      ],
    }),
  );
}

let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
let errors: string[];
let fake: FakeProviderServer;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  fake = await startFakeProvider();
  ({ context, close } = await launchPersistent());
  page = await context.newPage();
  errors = trackPageErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(inject('baseUrl'));
  await page
    .getByLabel('Project file')
    .setInputFiles({ name: 'moving.json', mimeType: 'application/json', buffer: projectFile() });
  await board('1B').waitFor();
});

afterAll(async () => {
  await close();
  await fake.close();
});

const board = (n: string) => page.getByRole('button', { name: `Shot ${n}`, exact: true });
const animate = () =>
  page
    .getByRole('complementary', { name: 'Shot inspector' })
    .getByRole('group', { name: 'Animate shot' });
const near = (a: readonly number[], b: Rgb) =>
  a.length === 3 && colourDistance(a as unknown as Rgb, b) <= COLOUR_TOLERANCE;

async function shoot(name: string, focus = animate()) {
  // The start-up notices would cover the inspector: dismiss them, and show what is being shot.
  // A notice may leave on its own while being dismissed.
  for (const dismiss of await page
    .locator('.toasts')
    .getByRole('button', { name: 'Dismiss' })
    .all())
    await dismiss.click({ timeout: 1000 }).catch(() => undefined);
  if (await focus.count()) await focus.scrollIntoViewIfNeeded();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${ARTIFACTS}/${name}-${scheme}.png`, animations: 'disabled' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function addFal(scenario = 'ok') {
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const settings = dialog.getByRole('region', { name: 'AI providers' });
  if (scenario === 'ok') {
    await settings.getByRole('button', { name: 'Add provider' }).click();
    await settings.getByLabel('Provider type').selectOption('fal');
    await settings.getByLabel('Display name').fill('fal');
    await settings.getByLabel('API key').fill(KEY);
  } else await dialog.getByRole('button', { name: 'Edit fal' }).click();
  await settings.getByLabel('Base URL').fill(fake.baseUrl('fal', scenario));
  await dialog.getByRole('button', { name: 'Save provider' }).click();
  await expect.poll(() => dialog.locator('.ai-provider').count()).toBe(1);
  await dialog.getByRole('button', { name: 'Done' }).last().click();
}

/** The preview canvas's colour at its centre. */
function previewPixel(): Promise<number[]> {
  return canvasPixel(
    page.getByRole('region', { name: 'Timeline' }).getByRole('img', { name: 'Animatic preview' }),
  );
}

/** A canvas's colour at its centre. */
function canvasPixel(canvas: Locator): Promise<number[]> {
  return canvas.evaluate((element) => {
    const canvas = element as HTMLCanvasElement;
    const data = canvas
      .getContext('2d')
      ?.getImageData(canvas.width >> 1, canvas.height >> 1, 1, 1).data;
    return data ? [...data].slice(0, 3) : [];
  });
}

/** Moves the playhead to `seconds` by clicking the ruler (48 px a second at the default zoom). */
async function seek(seconds: number) {
  const box = (await page.locator('.ruler').boundingBox())!;
  await page.mouse.click(box.x + 48 * seconds, box.y + 10);
}

test('animating a shot through fal.ai: estimate, progress, the clip as a take', async () => {
  await board('1A').click();
  await expect.poll(() => animate().textContent()).toMatch(/Set up a video provider/);
  await addFal();
  await board('1A').click();
  const group = animate();
  await group.getByRole('button', { name: 'Animate shot' }).waitFor();
  // fal's Kling makes 5 s clips; the price table's $0.05 a second makes $0.25.
  expect(await group.textContent()).toMatch(/A 5 s clip from the frame, about \$0\.25/);
  await shoot('ready');
  fake.reset();
  await group.getByRole('button', { name: 'Animate shot' }).click();
  await group.getByRole('progressbar', { name: 'Animating' }).waitFor();
  await shoot('working');
  await expect
    .poll(() => group.getByRole('status').textContent(), { timeout: 30_000 })
    .toMatch(/Clip ready from fal: 5 s, about \$0\.25/);
  const submits = fake.requests().filter((r) => r.vendor === 'fal' && r.method === 'POST');
  expect(submits).toHaveLength(1);
  expect(submits[0]!.headers.authorization).toBe(`Key ${KEY}`);
  expect(submits[0]!.body).toContain(
    `"image_url":"data:image/png;base64,${stills.yellow.toString('base64')}"`,
  );
  const takes = page.getByRole('group', { name: 'Takes' });
  await takes.getByRole('button', { name: /^Take 1 \(clip\): fal/ }).waitFor();
  expect(
    await takes.getByRole('button', { name: /^Take 1 \(clip\)/ }).getAttribute('aria-pressed'),
  ).toBe('true');
  await shoot('clip-take');
});

test('the timeline preview plays the clip in the shot, its last frame held', async () => {
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await page.getByRole('region', { name: 'Timeline' }).waitFor();
  const at = async (seconds: number, colour: Rgb) => {
    await seek(seconds);
    await expect
      .poll(previewPixel, { timeout: 10_000 })
      .toSatisfy((p: number[]) => near(p, colour));
  };
  await at(0.5, GREY);
  await at(SHOT_2_START_S + 0.3, RED);
  await shoot('preview-red');
  await at(SHOT_2_START_S + 1.1, GREEN);
  await at(SHOT_2_START_S + 1.8, BLUE);
  await at(SHOT_2_START_S + 2.7, BLUE);
  await shoot('preview-held');
  await at(4.5, GREY);
});

test('the render has the right length, the clip in the shot’s span and the stills around it', async () => {
  await page.getByRole('button', { name: 'Render animatic' }).click();
  await page.getByLabel('Format').selectOption({ label: 'MP4' });
  await page.getByRole('button', { name: 'Start render' }).click();
  const link = page.getByRole('link', { name: 'Download animatic' });
  const failure = page.getByRole('dialog').getByRole('alert');
  await Promise.race([
    link.waitFor({ timeout: RENDER_TIMEOUT_MS }),
    failure.waitFor({ timeout: RENDER_TIMEOUT_MS }).then(async () => {
      throw new Error(`render failed: ${await failure.textContent()}`);
    }),
  ]);
  const download = page.waitForEvent('download');
  await link.click();
  const file = `${ARTIFACTS}/moving-shots.mp4`;
  await (await download).saveAs(file);
  await page.getByRole('button', { name: 'Close' }).click();

  const media = probeMedia(file);
  const video = media.streams.find((s) => s.type === 'video');
  expect(Math.abs(media.durationSeconds - TOTAL_S)).toBeLessThanOrEqual(1 / 24 + 1e-6);
  expect(Math.abs((video?.durationSeconds ?? 0) - TOTAL_S)).toBeLessThanOrEqual(1 / 24 + 1e-6);
  const expectColour = (seconds: number, colour: Rgb) =>
    expect(colourDistance(meanRgbAt(file, seconds), colour)).toBeLessThanOrEqual(COLOUR_TOLERANCE);
  expectColour(0.5, GREY);
  expectColour(SHOT_2_START_S + 0.3, RED);
  expectColour(SHOT_2_START_S + 1.1, GREEN);
  expectColour(SHOT_2_START_S + 1.75, BLUE);
  // Past the clip's 2 s its last frame holds until the cut.
  expectColour(SHOT_2_START_S + 2.8, BLUE);
  expectColour(4.5, GREY);
});

test('play mode plays the clip on its shot, drawn as the preview and the render draw it', async () => {
  await page.getByRole('tab', { name: 'Boards' }).click();
  await board('1A').click();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  const player = page.getByRole('dialog', { name: 'Play mode' });
  await player.getByRole('button', { name: 'Pause' }).click();
  // The position bar, dragged 1.1 s into the clip's shot: the clip's green second.
  await player.getByRole('slider', { name: 'Playback position' }).evaluate(
    (element, value) => {
      const input = element as HTMLInputElement;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(
        input,
        String(value),
      );
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    (SHOT_2_START_S + 1.1) * 1000,
  );
  const canvas = player.getByRole('img', { name: 'Animatic preview' });
  await expect
    .poll(() => canvasPixel(canvas), { timeout: 10_000 })
    .toSatisfy((p: number[]) => near(p, GREEN));
  await shoot('play-mode', canvas);
  await page.keyboard.press('Escape');
});

test('Use still brings the still back in one click; the clip stays a take', async () => {
  await board('1A').click();
  const takes = page.getByRole('group', { name: 'Takes' });
  await page.getByRole('button', { name: 'Use still' }).click();
  await expect
    .poll(() =>
      takes.getByRole('button', { name: /^Take 1 \(clip\)/ }).getAttribute('aria-pressed'),
    )
    .toBe('false');
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await seek(SHOT_2_START_S + 0.3);
  await expect.poll(previewPixel).toSatisfy((p: number[]) => near(p, YELLOW));
  await page.getByRole('tab', { name: 'Boards' }).click();
});

test('a job running when the page reloads is polled again, not sent again', async () => {
  fake.reset();
  await animate().getByRole('button', { name: 'Animate shot' }).click();
  await expect
    .poll(() => animate().getByRole('status').textContent(), { timeout: 15_000 })
    .toMatch(/Waiting|Animating/);
  await page.reload();
  await board('1A').click();
  await expect
    .poll(() => animate().getByRole('status').textContent(), { timeout: 30_000 })
    .toMatch(/Clip ready from fal/);
  expect(fake.requests().filter((r) => r.vendor === 'fal' && r.method === 'POST')).toHaveLength(1);
  await expect
    .poll(() => page.getByRole('group', { name: 'Takes' }).getByRole('button').count())
    .toBe(2);
});

test('a running job can be cancelled, and fal is told to stop', async () => {
  await addFal('running');
  await board('1A').click();
  fake.reset();
  await animate().getByRole('button', { name: 'Animate shot' }).click();
  const cancel = animate().getByRole('button', { name: 'Cancel' });
  await expect.poll(() => cancel.evaluate((el) => el === document.activeElement)).toBe(true);
  await expect
    .poll(() => animate().getByRole('status').textContent(), { timeout: 15_000 })
    .toMatch(/Animating/);
  await page.keyboard.press('Enter');
  await expect
    .poll(() => animate().getByRole('status').textContent())
    .toBe('Cancelled; the provider was told to stop.');
  expect(
    fake.requests().filter((r) => r.method === 'PUT' && r.path.endsWith('/cancel')),
  ).toHaveLength(1);
  expect(
    await page.getByRole('group', { name: 'Takes' }).getByRole('button').count(),
  ).toBeGreaterThan(0);
  await shoot('cancelled');
});

test('the app threw no errors', () => {
  expect(errors).toEqual([]);
});
