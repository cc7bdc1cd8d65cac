import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { AssetHash } from '../../src/model/ids';
import { createProjectMeta } from '../../src/model/project';
import { seedRecords } from '../helpers/boardSeed';
import { launchPersistent, trackPageErrors } from '../helpers/browser';
import { noisePng, sha256Hex, solidPng } from '../helpers/noisePng';

/**
 * An artist's own picture drawn over: uploaded from the inspector ("Frame image"), opened with
 * "Draw", inked across, saved; the board shows the picture and the ink. A palm on the screen
 * draws nothing once "Pen only" is ticked, the pen still does. The aspect ratio goes to 9:16 and
 * back with the drawing kept: the same strokes, the same board. The Text tool, clicked with the
 * mouse, gives a box to type in that stays; Escape drops a selection before it closes; new
 * layers get names of their own. Pixels are read from the board.
 */

const ARTIFACTS = 'tests/.artifacts';
const DRAWN = noisePng(320, 180, 11);
const GENERATED = noisePng(320, 180, 12);
const frames = {
  drawn: sha256Hex(DRAWN) as AssetHash,
  generated: sha256Hex(GENERATED) as AssetHash,
};
const RED = [220, 30, 30];

function projectFile(): Buffer {
  return Buffer.from(
    JSON.stringify({
      format: 'frameline.project',
      version: 1,
      exportedAt: new Date().toISOString(),
      project: { meta: createProjectMeta('Over the photo'), ...seedRecords(frames) },
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

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ context, close } = await launchPersistent());
  page = await context.newPage();
  errors = trackPageErrors(page);
  await page.goto(inject('baseUrl'));
  await page
    .getByLabel('Project file')
    .setInputFiles({ name: 'over.json', mimeType: 'application/json', buffer: projectFile() });
  await page.getByRole('button', { name: 'Shot 1', exact: true }).waitFor();
});

afterAll(async () => {
  await close();
});

const editor = () => page.getByRole('dialog', { name: 'Frame editor' });
const board = (n: string) => page.getByRole('button', { name: `Shot ${n}`, exact: true });
const layerCount = (name: string) =>
  editor()
    .getByRole('button', { name: `Layer ${name}`, exact: true })
    .locator('.layer-count')
    .textContent();

/** Where a point of a 16:9 frame (0–1 across, 0–1 down) is on screen in the editor. */
async function framePoint(fx: number, fy: number): Promise<{ x: number; y: number }> {
  const box = await editor().getByTestId('editor-stage').boundingBox();
  if (!box) throw new Error('no stage');
  // The frame is fitted 32 px inside the stage, centred (viewControl.ts).
  const aspect = 16 / 9;
  const h = Math.min((box.width - 64) / aspect, box.height - 64);
  const w = h * aspect;
  return { x: box.x + (box.width - w) / 2 + fx * w, y: box.y + (box.height - h) / 2 + fy * h };
}

/** A stroke as a tablet or a touch screen sends it: pointer events of that pointerType. */
async function pointerStroke(
  pointerType: 'pen' | 'touch',
  from: [number, number],
  to: [number, number],
) {
  const a = await framePoint(...from);
  const b = await framePoint(...to);
  await page.evaluate(
    ({ a, b, pointerType }) => {
      const target = document.querySelector('[data-testid="editor-stage"]');
      if (!target) throw new Error('no stage');
      const send = (type: string, x: number, y: number) =>
        target.dispatchEvent(
          new PointerEvent(type, {
            bubbles: true,
            pointerId: pointerType === 'pen' ? 7 : 8,
            pointerType,
            isPrimary: true,
            clientX: x,
            clientY: y,
            pressure: type === 'pointerup' ? 0 : 0.8,
            button: type === 'pointermove' ? -1 : 0,
            buttons: type === 'pointerup' ? 0 : 1,
          }),
        );
      send('pointerdown', a.x, a.y);
      for (let i = 1; i <= 30; i++) {
        send('pointermove', a.x + ((b.x - a.x) * i) / 30, a.y + ((b.y - a.y) * i) / 30);
      }
      send('pointerup', b.x, b.y);
    },
    { a, b, pointerType },
  );
}

/** The colour at a point (0–1 across and down) of a shot's board picture. */
async function boardPixel(shot: string, fx: number, fy: number): Promise<number[]> {
  const img = board(shot).locator('.board-frame img');
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

const near = (colour: readonly number[]) => (got: number[]) =>
  got.length === 3 && got.every((v, i) => Math.abs(v - colour[i]!) <= 6);
const dark = (got: number[]) => got.length === 3 && got.every((v) => v < 80);

async function saveAndClose() {
  await editor().getByRole('button', { name: 'Save frame' }).click();
  await expect.poll(() => editor().locator('.editor-status').textContent()).toBe('Saved');
  await editor().getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => editor().count()).toBe(0);
}

test('an uploaded picture is the reference to draw over; saved, the board shows both', async () => {
  await board('1').click();
  await page
    .getByLabel('Frame image')
    .setInputFiles({ name: 'red.png', mimeType: 'image/png', buffer: solidPng(640, 360, RED) });
  await expect.poll(() => boardPixel('1', 0.5, 0.5)).toSatisfy(near(RED));
  await page.getByRole('button', { name: 'Draw', exact: true }).click();
  await editor().waitFor();
  await editor().getByRole('button', { name: 'Layer Ink', exact: true }).click();
  await page.keyboard.press('n');
  await editor().getByRole('slider', { name: 'Size' }).fill('40');
  await pointerStroke('pen', [0.1, 0.5], [0.9, 0.5]);
  await expect.poll(() => layerCount('Ink')).toBe('1');
  await page.screenshot({ path: `${ARTIFACTS}/drawOver-inked.png` });
  await saveAndClose();
  await expect.poll(() => boardPixel('1', 0.5, 0.5), { timeout: 15_000 }).toSatisfy(dark);
  expect(await boardPixel('1', 0.5, 0.2)).toSatisfy(near(RED));
  await expect
    .poll(() => page.getByRole('complementary', { name: 'Shot inspector' }).textContent())
    .toContain('Drawn');
});

test('with "Pen only", a palm on the screen draws nothing and the pen still draws', async () => {
  await board('1').dblclick();
  await editor().waitFor();
  await editor().getByRole('button', { name: 'Layer Ink', exact: true }).click();
  await page.keyboard.press('n');
  await editor().getByLabel('Pen only (palm rejection)').check();
  await pointerStroke('touch', [0.2, 0.8], [0.8, 0.8]);
  await pointerStroke('pen', [0.2, 0.3], [0.8, 0.3]);
  await expect.poll(() => layerCount('Ink')).toBe('2');
  // Without it a finger draws like the pen.
  await editor().getByLabel('Pen only (palm rejection)').uncheck();
  await pointerStroke('touch', [0.2, 0.8], [0.8, 0.8]);
  await expect.poll(() => layerCount('Ink')).toBe('3');
  await saveAndClose();
});

test('the Text tool: a mouse click opens a box that keeps the focus; Enter writes the words', async () => {
  await board('1').dblclick();
  await editor().waitFor();
  await editor().getByRole('button', { name: 'Layer Notes', exact: true }).click();
  await page.keyboard.press('t');
  const at = await framePoint(0.1, 0.8);
  await page.mouse.click(at.x, at.y);
  const box = editor().getByRole('textbox', { name: 'Text' });
  await box.waitFor();
  // Still there once the click is over: the press that opened it did not take its focus away.
  await page.waitForTimeout(300);
  expect(await box.evaluate((input) => input === document.activeElement)).toBe(true);
  await page.keyboard.type('BRICK enters');
  await page.keyboard.press('Enter');
  await expect.poll(() => layerCount('Notes')).toBe('1');
  await saveAndClose();
});

test('Escape lets go of a selection before it closes; a second layer of a kind is "Pencil 2"', async () => {
  await board('1').dblclick();
  await editor().waitFor();
  const prompt = page.getByRole('alertdialog', { name: 'Save the frame first?' });
  await editor().getByRole('button', { name: 'Layer Notes', exact: true }).click();
  await page.keyboard.press('t');
  const at = await framePoint(0.3, 0.7);
  await page.mouse.click(at.x, at.y);
  await editor().getByRole('textbox', { name: 'Text' }).waitFor();
  await page.keyboard.type('WIDE');
  await page.keyboard.press('Enter');
  await expect.poll(() => layerCount('Notes')).toBe('2');
  // Select the words (a click just inside where they start), then Escape: still drawing.
  await page.keyboard.press('v');
  await page.mouse.click(at.x + 6, at.y + 10);
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);
  expect(await prompt.count()).toBe(0);
  expect(await editor().count()).toBe(1);
  // With nothing selected Escape closes, asking first (the words are not saved yet).
  await page.keyboard.press('Escape');
  await prompt.waitFor();
  await prompt.getByRole('button', { name: 'Cancel' }).click();
  await editor().getByLabel('Kind of new layer').selectOption('pencil');
  await editor().getByRole('button', { name: 'Add layer' }).click();
  await editor().getByRole('button', { name: 'Layer Pencil 2', exact: true }).waitFor();
  await editor().getByRole('button', { name: 'Add layer' }).click();
  await editor().getByRole('button', { name: 'Layer Pencil 3', exact: true }).waitFor();
  await saveAndClose();
});

test('the aspect ratio to 9:16 and back keeps every stroke and the board as it was', async () => {
  const middle = await boardPixel('1', 0.5, 0.5);
  expect(middle).toSatisfy(dark);
  const ratio = page.getByLabel('Aspect ratio', { exact: true });
  await ratio.selectOption('9:16');
  await board('1').dblclick();
  await editor().waitFor();
  await expect.poll(() => layerCount('Ink')).toBe('3');
  await page.screenshot({ path: `${ARTIFACTS}/drawOver-9x16.png` });
  await editor().getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => editor().count()).toBe(0);
  await ratio.selectOption('16:9');
  await board('1').dblclick();
  await editor().waitFor();
  await expect.poll(() => layerCount('Ink')).toBe('3');
  await editor().getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => editor().count()).toBe(0);
  await expect.poll(() => boardPixel('1', 0.5, 0.5)).toSatisfy(dark);
  expect(await boardPixel('1', 0.5, 0.2)).toSatisfy(near(RED));
  expect(errors).toEqual([]);
});
