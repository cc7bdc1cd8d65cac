import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { AssetHash } from '../../src/model/ids';
import { createProjectMeta } from '../../src/model/project';
import { startFakeProvider, type FakeProviderServer } from '../fake-provider/server';
import { seedRecords } from '../helpers/boardSeed';
import { chooseExport, launchPersistent, trackPageErrors } from '../helpers/browser';
import { noisePng, sha256Hex } from '../helpers/noisePng';
import { readFileSync } from 'node:fs';

/**
 * From your drawing to a finished frame: draw a stroke in the frame editor, "Generate from
 * drawing" with no provider offers set-up; with OpenAI (played by the fake server on 127.0.0.1)
 * the drawing and the brushed mask are sent to images/edits, the answer becomes a take with
 * source 'ai' and the frame, and the drawing's layers are still there.
 */

const ARTIFACTS = 'tests/.artifacts/from-drawing';
const DRAWN = noisePng(320, 180, 21);
const GENERATED = noisePng(320, 180, 22);
const frames = {
  drawn: sha256Hex(DRAWN) as AssetHash,
  generated: sha256Hex(GENERATED) as AssetHash,
};
const KEY = 'sk-e2e-drawing-9Xc4Vb2Nm7Qw1Er5';

function projectFile(): Buffer {
  return Buffer.from(
    JSON.stringify({
      format: 'frameline.project',
      version: 1,
      exportedAt: new Date().toISOString(),
      project: { meta: createProjectMeta('Pencil to paint'), ...seedRecords(frames) },
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
  await page.goto(inject('baseUrl'));
  await page
    .getByLabel('Project file')
    .setInputFiles({ name: 'paint.json', mimeType: 'application/json', buffer: projectFile() });
  await page.getByRole('button', { name: 'Shot 1', exact: true }).waitFor();
});

afterAll(async () => {
  await close();
  await fake.close();
});

const editor = () => page.getByRole('dialog', { name: 'Frame editor' });
const panel = () => editor().getByRole('region', { name: 'Generate from drawing' });

async function strokeAcrossStage() {
  const box = await editor().getByTestId('editor-stage').boundingBox();
  if (!box) throw new Error('no stage');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.3, y);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + box.width * (0.3 + i * 0.02), y);
  await page.mouse.up();
}

async function shoot(name: string) {
  for (const size of [
    { width: 1440, height: 900 },
    { width: 1024, height: 768 },
  ]) {
    await page.setViewportSize(size);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({
        path: `${ARTIFACTS}/${name}-${size.width}-${scheme}.png`,
        animations: 'disabled',
      });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('with no provider that works from a drawing, the button offers to set one up', async () => {
  await page.getByRole('button', { name: 'Shot 2', exact: true }).dblclick();
  await editor().waitFor();
  await strokeAcrossStage();
  await editor().getByRole('button', { name: 'Generate from drawing' }).click();
  await panel().getByRole('button', { name: 'Set up a provider' }).waitFor();
  await shoot('no-provider');
  await editor().getByRole('button', { name: 'Generate from drawing' }).click();
  await editor().getByRole('button', { name: 'Close' }).click();
  // The stroke is kept (the close prompt, if any, keeps the drawing).
  const keep = page.getByRole('button', { name: 'Discard frame update' });
  if (await keep.count()) await keep.first().click();
  await expect.poll(() => editor().count()).toBe(0);
});

test('the drawing and its mask go to OpenAI image edits; the answer is an ai take, the layers stay', async () => {
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const settings = dialog.getByRole('region', { name: 'AI providers' });
  await settings.getByRole('button', { name: 'Add provider' }).click();
  await settings.getByLabel('Provider type').selectOption('openai');
  await settings.getByLabel('Display name').fill('Painter');
  await settings.getByLabel('Base URL').fill(fake.baseUrl('openai', 'ok', 'v1'));
  await settings.getByLabel('API key').fill(KEY);
  await dialog.getByRole('button', { name: 'Save provider' }).click();
  await expect.poll(() => dialog.locator('.ai-provider').count()).toBe(1);
  await dialog.getByRole('button', { name: 'Done' }).last().click();

  await page.getByRole('button', { name: 'Shot 2', exact: true }).dblclick();
  await editor().waitFor();
  await strokeAcrossStage();
  const layerCounts = await editor().locator('.layer-count').allTextContents();
  await editor().getByRole('button', { name: 'Generate from drawing' }).click();
  await panel().getByLabel('Prompt').fill('A rainy street at night, painted');
  await panel().getByLabel('Mask', { exact: true }).check();
  const mask = panel().getByRole('img', { name: /Mask/ }).or(panel().locator('canvas'));
  const box = await mask.first().boundingBox();
  if (!box) throw new Error('no mask canvas');
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 8 });
  await page.mouse.up();
  await shoot('mask');
  fake.reset();
  await panel().getByRole('button', { name: 'Generate', exact: true }).click();
  await expect
    .poll(() => panel().getByRole('status').textContent(), { timeout: 30_000 })
    .toMatch(/New take from Painter/);

  const edits = fake.requests().filter((r) => r.path === '/v1/images/edits');
  expect(edits).toHaveLength(1);
  const body = edits[0]!.body;
  expect(body).toContain('name="image"; filename="drawing.png"');
  expect(body).toContain('name="mask"; filename="mask.png"');
  expect(body).toContain('A rainy street at night, painted');
  expect(body).toContain('\x89PNG');
  // The drawing's layers are as they were: same stroke counts.
  expect(await editor().locator('.layer-count').allTextContents()).toEqual(layerCounts);
  await shoot('generated');
  await editor().getByRole('button', { name: 'Close' }).click();
  const keep = page.getByRole('button', { name: 'Discard frame update' });
  if (await keep.count()) await keep.first().click();

  const download = page.waitForEvent('download');
  await chooseExport(page, 'Project file (.json)');
  const json = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as {
    project: {
      shots: {
        number: string;
        frameSource: string;
        frameHash: string;
        takes: { source?: string; hash: string; providerLabel: string }[];
      }[];
      drawings?: unknown;
    };
  };
  const shot = json.project.shots.find((s) => s.number === '2');
  const aiTake = shot?.takes.find((t) => t.source === 'ai');
  expect(aiTake?.providerLabel).toBe('Painter');
  expect(shot?.frameSource).toBe('ai');
  expect(shot?.frameHash).toBe(aiTake?.hash);
});

test('the app threw no errors', () => {
  expect(errors).toEqual([]);
});
