import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { AssetHash } from '../../src/model/ids';
import { createProjectMeta } from '../../src/model/project';
import { startFakeProvider, type FakeProviderServer } from '../fake-provider/server';
import { seedRecords } from '../helpers/boardSeed';
import { launchPersistent, trackPageErrors } from '../helpers/browser';
import { noisePng, sha256Hex, solidPng } from '../helpers/noisePng';

/**
 * "Remove background" on an image layer: with no provider that offers it the editor offers to
 * set one up; with Stability AI (played by the fake server on 127.0.0.1, which answers with a
 * real transparent cut-out: a red ellipse) the uploaded picture is replaced by the cut-out,
 * undo brings the picture back in one step, and after saving and a reload the layer and the
 * board show the cut-out over the frame beneath.
 */

const ARTIFACTS = 'tests/.artifacts/remove-background';
const DRAWN = noisePng(320, 180, 31);
const GENERATED = noisePng(320, 180, 32);
const frames = {
  drawn: sha256Hex(DRAWN) as AssetHash,
  generated: sha256Hex(GENERATED) as AssetHash,
};
const KEY = 'sk-e2e-cutout-4Hd8Lq2Wz6Xr1Ty3';
const GREEN = [40, 180, 70];
const CUTOUT_RED = [200, 60, 40];

function projectFile(): Buffer {
  return Buffer.from(
    JSON.stringify({
      format: 'frameline.project',
      version: 1,
      exportedAt: new Date().toISOString(),
      project: { meta: createProjectMeta('Cut it out'), ...seedRecords(frames) },
      assets: [
        { hash: frames.drawn, mimeType: 'image/png', data: DRAWN.toString('base64') },
        { hash: frames.generated, mimeType: 'image/png', data: GENERATED.toString('base64') },
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
    .setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: projectFile() });
  await board('1B').waitFor();
});

afterAll(async () => {
  await close();
  await fake.close();
});

const board = (n: string) => page.getByRole('button', { name: `Shot ${n}`, exact: true });
const editor = () => page.getByRole('dialog', { name: 'Frame editor' });
const cutout = () => editor().getByRole('group', { name: 'Background removal' });
const LAYER = 'Layer green wall.png';

/** The editor's stage as shown (its layer canvases composited), at a fraction of its size. */
function stagePixel(fx: number, fy: number): Promise<number[]> {
  return editor()
    .getByTestId('editor-stage')
    .evaluate(
      (element, { fx, fy }) => {
        const canvases = [...element.querySelectorAll('canvas')];
        const first = canvases[0];
        if (!first) return [];
        const out = document.createElement('canvas');
        out.width = first.width;
        out.height = first.height;
        const ctx = out.getContext('2d');
        if (!ctx) return [];
        for (const canvas of canvases) ctx.drawImage(canvas, 0, 0, out.width, out.height);
        const x = Math.round(fx * (out.width - 1));
        const y = Math.round(fy * (out.height - 1));
        return [...ctx.getImageData(x, y, 1, 1).data].slice(0, 3);
      },
      { fx, fy },
    );
}

/**
 * On the stage (the frame in the middle, a margin round it), a point of the picture outside
 * the cut-out's subject, an ellipse filling the middle of the frame.
 */
const OUTSIDE_SUBJECT = [0.13, 0.25] as const;

const near = (a: readonly number[], b: readonly number[]) =>
  a.length === 3 && a.every((v, i) => Math.abs(v - b[i]!) <= 12);

async function boardPixel(shot: string, fx: number, fy: number): Promise<number[]> {
  const img = board(shot).locator('img');
  await img.waitFor();
  return img.evaluate(
    async (element, { fx, fy }) => {
      const image = element as HTMLImageElement;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const ctx = canvas.getContext('2d');
      if (!ctx) return [];
      ctx.drawImage(image, 0, 0);
      const x = Math.round(fx * (canvas.width - 1));
      const y = Math.round(fy * (canvas.height - 1));
      return [...ctx.getImageData(x, y, 1, 1).data].slice(0, 3);
    },
    { fx, fy },
  );
}

async function shoot(name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${ARTIFACTS}/${name}-${scheme}.png`, animations: 'disabled' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function closeEditor() {
  await editor().getByRole('button', { name: 'Close' }).click();
  const discard = page.getByRole('button', { name: 'Discard frame update' });
  if (await discard.count()) await discard.first().click();
  await expect.poll(() => editor().count()).toBe(0);
}

test('with no provider that removes backgrounds, the action offers to set one up', async () => {
  await board('1B').dblclick();
  await editor().waitFor();
  await editor()
    .getByLabel('Image file')
    .setInputFiles({
      name: 'green wall.png',
      mimeType: 'image/png',
      buffer: solidPng(320, 180, GREEN),
    });
  await editor().getByRole('button', { name: LAYER, exact: true }).waitFor();
  await cutout().getByRole('button', { name: 'Remove background' }).click();
  const offer = cutout().getByRole('alert');
  await offer.getByRole('button', { name: 'Set up a provider' }).waitFor();
  expect(await offer.textContent()).toMatch(/No provider that removes backgrounds/);
  await shoot('no-provider');
  expect(fake.requests()).toEqual([]);
  await closeEditor();
});

test('Stability cuts the picture out: one undo step, saved, and still there after a reload', async () => {
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const settings = dialog.getByRole('region', { name: 'AI providers' });
  await settings.getByRole('button', { name: 'Add provider' }).click();
  await settings.getByLabel('Provider type').selectOption('stability');
  await settings.getByLabel('Display name').fill('Cutter');
  await settings.getByLabel('Base URL').fill(fake.baseUrl('stability'));
  await settings.getByLabel('API key').fill(KEY);
  await dialog.getByRole('button', { name: 'Save provider' }).click();
  await expect.poll(() => dialog.locator('.ai-provider').count()).toBe(1);
  await dialog.getByRole('button', { name: 'Done' }).last().click();

  await board('1B').dblclick();
  await editor().waitFor();
  await editor().getByRole('button', { name: LAYER, exact: true }).click();
  await expect.poll(() => stagePixel(0.5, 0.5)).toSatisfy((p: number[]) => near(p, GREEN));
  expect(near(await stagePixel(...OUTSIDE_SUBJECT), GREEN)).toBe(true);
  fake.reset();
  // Keyboard only: focus the action and press Enter.
  await cutout().getByRole('button', { name: 'Remove background' }).focus();
  await page.keyboard.press('Enter');
  await expect
    .poll(() => cutout().getByRole('status').textContent(), { timeout: 30_000 })
    .toMatch(/Background removed by Cutter/);
  const calls = fake.requests().filter((r) => r.path.endsWith('/edit/remove-background'));
  expect(calls).toHaveLength(1);
  expect(calls[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
  expect(calls[0]!.body).toContain('name="image"; filename="picture.png"');
  // The cut-out's subject in the middle; around it the frame beneath shows through.
  await expect.poll(() => stagePixel(0.5, 0.5)).toSatisfy((p: number[]) => near(p, CUTOUT_RED));
  expect(near(await stagePixel(...OUTSIDE_SUBJECT), GREEN)).toBe(false);
  await shoot('removed');

  // One step back brings the picture; redo the cut-out again.
  await editor().getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => stagePixel(0.5, 0.5)).toSatisfy((p: number[]) => near(p, GREEN));
  await editor().getByRole('button', { name: 'Redo' }).click();
  await expect.poll(() => stagePixel(0.5, 0.5)).toSatisfy((p: number[]) => near(p, CUTOUT_RED));

  await editor().getByRole('button', { name: 'Save frame' }).click();
  await expect.poll(() => editor().locator('.editor-status').textContent()).toBe('Saved');
  await closeEditor();
  await expect
    .poll(() => boardPixel('1B', 0.5, 0.5), { timeout: 15_000 })
    .toSatisfy((p: number[]) => near(p, CUTOUT_RED));

  await page.reload();
  await board('1B').waitFor();
  expect(near(await boardPixel('1B', 0.5, 0.5), CUTOUT_RED)).toBe(true);
  expect(near(await boardPixel('1B', 0.03, 0.05), GREEN)).toBe(false);
  await board('1B').dblclick();
  await editor().waitFor();
  await expect.poll(() => stagePixel(0.5, 0.5)).toSatisfy((p: number[]) => near(p, CUTOUT_RED));
  await closeEditor();
});

test('while it works there is progress and Cancel; cancelled, the picture stays; the original can come back', async () => {
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('button', { name: 'Edit Cutter' }).click();
  await dialog.getByLabel('Base URL').fill(fake.baseUrl('stability', 'slow-6000'));
  await dialog.getByRole('button', { name: 'Save provider' }).click();
  await dialog.getByRole('button', { name: 'Done' }).last().click();

  await board('1B').dblclick();
  await editor().waitFor();
  await editor().getByRole('button', { name: LAYER, exact: true }).click();
  await expect.poll(() => stagePixel(0.5, 0.5)).toSatisfy((p: number[]) => near(p, CUTOUT_RED));
  fake.reset();
  await cutout().getByRole('button', { name: 'Remove background' }).click();
  await cutout().getByRole('progressbar', { name: 'Removing the background' }).waitFor();
  const cancel = cutout().getByRole('button', { name: 'Cancel' });
  // Focus moves to Cancel, so Enter stops it from the keyboard.
  await expect.poll(() => cancel.evaluate((el) => el === document.activeElement)).toBe(true);
  await shoot('working');
  await page.keyboard.press('Enter');
  await expect
    .poll(() => cutout().getByRole('status').textContent())
    .toBe('Cancelled: the picture is as it was.');
  expect(fake.requests().filter((r) => r.path.endsWith('/edit/remove-background'))).toHaveLength(1);
  const action = cutout().getByRole('button', { name: 'Remove background' });
  await expect.poll(() => action.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.waitForTimeout(500);
  expect(near(await stagePixel(0.5, 0.5), CUTOUT_RED)).toBe(true);
  // The original stays with the picture: it can be put back, and that too is one undo step.
  await cutout().getByRole('button', { name: 'Restore original' }).click();
  await expect.poll(() => stagePixel(0.5, 0.5)).toSatisfy((p: number[]) => near(p, GREEN));
  await expect
    .poll(() => cutout().getByRole('button', { name: 'Restore original' }).count())
    .toBe(0);
  await editor().getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => stagePixel(0.5, 0.5)).toSatisfy((p: number[]) => near(p, CUTOUT_RED));
  await closeEditor();
});

test('the app threw no errors', async () => {
  expect(errors).toEqual([]);
});
