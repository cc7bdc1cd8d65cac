import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { AssetHash } from '../../src/model/ids';
import { createProjectMeta } from '../../src/model/project';
import { seedRecords } from '../helpers/boardSeed';
import { launchPersistent, trackPageErrors } from '../helpers/browser';
import { noisePng, sha256Hex, solidPng } from '../helpers/noisePng';

/**
 * The artist's own pictures on boards: uploaded from the inspector ("Frame image"), dropped on a
 * scene to fill its shots (the rest become new shots, one undo takes them all back), pasted onto
 * the selected board, and an SVG refused with its name and why. Pixels are read from the
 * board's picture, not just the presence of an <img>.
 */

const ARTIFACTS = 'tests/.artifacts';
const DRAWN = noisePng(320, 180, 11);
const GENERATED = noisePng(320, 180, 12);
const frames = {
  drawn: sha256Hex(DRAWN) as AssetHash,
  generated: sha256Hex(GENERATED) as AssetHash,
};
const RED = [220, 30, 30];
const GREEN = [30, 200, 60];
const BLUE = [30, 60, 220];
const YELLOW = [240, 220, 20];
const MAGENTA = [210, 40, 200];

function projectFile(): Buffer {
  return Buffer.from(
    JSON.stringify({
      format: 'frameline.project',
      version: 1,
      exportedAt: new Date().toISOString(),
      project: { meta: createProjectMeta('Own pictures'), ...seedRecords(frames) },
      assets: [
        { hash: frames.drawn, mimeType: 'image/png', data: DRAWN.toString('base64') },
        { hash: frames.generated, mimeType: 'image/png', data: GENERATED.toString('base64') },
      ],
    }),
  );
}

const png = (name: string, colour: readonly number[]) => ({
  name,
  mimeType: 'image/png',
  buffer: solidPng(640, 360, colour),
});

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
});

afterAll(async () => {
  await close();
});

const board = (number: string) => page.getByRole('button', { name: `Shot ${number}`, exact: true });
const numbers = () => page.locator('.board-text .board-number').allTextContents();
const inspector = () => page.getByRole('complementary', { name: 'Shot inspector' });

/** The colour in the middle of a board's picture, as the browser decoded it. */
async function boardColour(number: string): Promise<number[] | null> {
  return board(number)
    .locator('.board-frame img')
    .evaluate(async (img: HTMLImageElement) => {
      await img.decode().catch(() => undefined);
      if (!img.naturalWidth) return null;
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const [r, g, b] = ctx.getImageData(canvas.width >> 1, canvas.height >> 1, 1, 1).data;
      return [r!, g!, b!];
    })
    .catch(() => null);
}

/** Close enough to `colour` (PNG is lossless; this leaves room for colour management). */
const near = (colour: readonly number[]) => (got: number[] | null) =>
  got !== null && got.every((v, i) => Math.abs(v - colour[i]!) <= 6);

async function undo() {
  await page.locator('.boards-pane .keyboard-hint').click();
  await page.keyboard.press('Control+z');
}

/** Drops files on an element the way a file manager does: a real DataTransfer with Files. */
async function dropFiles(
  selector: string,
  files: readonly { name: string; mimeType: string; buffer: Buffer }[],
) {
  const payload = files.map((f) => ({ ...f, data: f.buffer.toString('base64') }));
  await page.evaluate(
    ({ selector, payload }) => {
      const target = document.querySelector(selector)!;
      const dt = new DataTransfer();
      for (const f of payload) {
        const bytes = Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0));
        dt.items.add(new File([bytes], f.name, { type: f.mimeType }));
      }
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(
          new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
        );
      }
    },
    { selector, payload },
  );
}

async function shoot(name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({
      path: `${ARTIFACTS}/pictures-${name}-${scheme}.png`,
      animations: 'disabled',
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a project with two scenes opens', async () => {
  await page
    .getByLabel('Project file')
    .setInputFiles({ name: 'own.json', mimeType: 'application/json', buffer: projectFile() });
  await expect.poll(numbers, { timeout: 15_000 }).toEqual(['1', '1A', '1B', '2', '2A']);
});

test('"Upload image" puts the chosen picture on the selected shot: the board shows its pixels', async () => {
  await board('1').click();
  await inspector().getByRole('button', { name: 'Upload image' }).waitFor();
  await page.getByLabel('Frame image').setInputFiles(png('red.png', RED));
  await expect.poll(() => boardColour('1')).toSatisfy(near(RED));
  await expect.poll(() => inspector().locator('figcaption').textContent()).toBe('Uploaded');
  await shoot('uploaded');
});

test('several files dropped on a scene fill its shots in order; the rest become new shots; one undo', async () => {
  await dropFiles('[data-scene-id="scene-2"]', [
    png('shot 3.png', YELLOW),
    png('shot 1.png', GREEN),
    png('shot 2.png', BLUE),
  ]);
  // 2 takes the first; 2A is OMITTED and passed over; the other two become 2B and 2C.
  await expect.poll(numbers).toEqual(['1', '1A', '1B', '2', '2A', '2B', '2C']);
  await expect.poll(() => boardColour('2')).toSatisfy(near(GREEN));
  await expect.poll(() => boardColour('2B')).toSatisfy(near(BLUE));
  await expect.poll(() => boardColour('2C')).toSatisfy(near(YELLOW));
  // The drop was taken by the scene, and the app-wide overlay went with it.
  expect(await page.locator('.drop-overlay').count()).toBe(0);
  await page.locator('.toast', { hasText: '2 new shots for the rest (2B, 2C)' }).waitFor();
  await undo();
  await expect.poll(numbers).toEqual(['1', '1A', '1B', '2', '2A']);
  await expect.poll(() => boardColour('2')).not.toSatisfy(near(GREEN));
});

test('a file dropped on a board goes on that board', async () => {
  await dropFiles('[data-shot-id="shot-2"]', [png('green.png', GREEN)]);
  await expect.poll(() => boardColour('2')).toSatisfy(near(GREEN));
  expect(await numbers()).toEqual(['1', '1A', '1B', '2', '2A']);
});

test('Ctrl+V of a picture puts it on the selected board (not inside a text field)', async () => {
  await board('1B').focus();
  const data = solidPng(640, 360, MAGENTA).toString('base64');
  await page.evaluate((data) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
    const paste = new ClipboardEvent('paste', {
      clipboardData: dt,
      bubbles: true,
      cancelable: true,
    });
    (document.activeElement ?? document.body).dispatchEvent(paste);
  }, data);
  await expect.poll(() => boardColour('1B')).toSatisfy(near(MAGENTA));
  // In a text field a paste is text: the frame does not change.
  await inspector().getByLabel('Notes').focus();
  await page.evaluate(
    (data) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
      document.activeElement!.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
      );
    },
    solidPng(64, 36, GREEN).toString('base64'),
  );
  await page.waitForTimeout(500);
  expect(near(MAGENTA)(await boardColour('1B'))).toBe(true);
});

test('an SVG is refused with its name and why; the frame is unchanged', async () => {
  await board('1').click();
  await page.getByLabel('Frame image').setInputFiles({
    name: 'logo.svg',
    mimeType: 'image/svg+xml',
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  });
  const toast = page.locator('.toast', { hasText: '“logo.svg” not used' });
  await toast.waitFor();
  expect(await toast.textContent()).toContain('an SVG image, which can carry scripts');
  await shoot('refused-svg');
  expect(near(RED)(await boardColour('1'))).toBe(true);
});

/** Mean lightness of a board's picture (0 black … 1 white), sampled on a grid. */
async function boardLightness(number: string): Promise<number | null> {
  return board(number)
    .locator('.board-frame img')
    .evaluate(async (img: HTMLImageElement) => {
      await img.decode().catch(() => undefined);
      if (!img.naturalWidth) return null;
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 36;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0, 64, 36);
      const data = ctx.getImageData(0, 0, 64, 36).data;
      let sum = 0;
      for (let i = 0; i < data.length; i += 4) {
        sum += (0.2126 * data[i]! + 0.7152 * data[i + 1]! + 0.0722 * data[i + 2]!) / 255;
      }
      return sum / (data.length / 4);
    })
    .catch(() => null);
}

test('the inspector puts the frame and the fields first, AI generation below them', async () => {
  await board('1').click();
  const order = await inspector().evaluate((aside) => {
    const at = (el: Element | null) =>
      el ? Array.prototype.indexOf.call(aside.querySelectorAll('*'), el) : -1;
    return {
      frame: at(aside.querySelector('.inspector-frame')),
      upload: at(
        [...aside.querySelectorAll('button')].find((b) => b.textContent === 'Upload image') ?? null,
      ),
      fields: at(aside.querySelector('.inspector-fields')),
      ai: at(aside.querySelector('.ai-panel')),
    };
  });
  expect(order.frame).toBeGreaterThanOrEqual(0);
  expect(order.frame).toBeLessThan(order.upload);
  expect(order.upload).toBeLessThan(order.fields);
  expect(order.fields).toBeLessThan(order.ai);
});

test('with no provider, "Generate frame" offers to set one up or to sketch offline (no error)', async () => {
  await board('1').click();
  const ai = inspector().getByRole('region', { name: 'AI generation' });
  await ai.scrollIntoViewIfNeeded();
  const toastsBefore = await page.locator('.toast').count();
  await ai.getByRole('button', { name: 'Generate frame' }).click();
  const offer = ai.getByRole('group', { name: 'No AI provider' });
  await offer.waitFor();
  expect(await page.locator('.toast').count()).toBeLessThanOrEqual(toastsBefore);
  await shoot('no-provider-offer');
  await offer.getByRole('button', { name: 'Set up a provider' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.waitFor();
  await page.keyboard.press('Escape');
  await settings.waitFor({ state: 'detached' });
  // "Sketch offline" puts the sketch in place of the uploaded picture (kept as a take).
  await ai.getByRole('button', { name: 'Generate frame' }).click();
  await offer.getByRole('button', { name: 'Sketch offline' }).click();
  await expect.poll(() => boardColour('1')).not.toSatisfy(near(RED));
  await page.getByLabel('Frame image').setInputFiles(png('red.png', RED));
  await expect.poll(() => boardColour('1')).toSatisfy(near(RED));
});

test('the Noir style makes offline sketches dark and contrasty', async () => {
  await expect.poll(() => boardLightness('2A')).toBeGreaterThan(0);
  const before = (await boardLightness('2A'))!;
  await page.getByLabel('Frame style').selectOption({ label: 'Noir' });
  await expect.poll(() => boardLightness('2A'), { timeout: 30_000 }).toBeLessThan(before - 0.15);
  await shoot('noir-sketches');
  await page.getByLabel('Frame style').selectOption({ label: 'Storyboard marker' });
  await expect.poll(() => boardLightness('2A'), { timeout: 30_000 }).toBeGreaterThan(before - 0.02);
});

/** Width over height of a board's frame box as laid out. */
async function boardShape(number: string): Promise<number> {
  const box = await board(number).locator('.board-frame').boundingBox();
  return box ? box.width / box.height : 0;
}

test('changing the aspect ratio to 9:16 and back re-frames every board and loses nothing', async () => {
  const ratio = page.getByLabel('Aspect ratio', { exact: true });
  await expect.poll(() => boardShape('1')).toBeGreaterThan(1.7);
  await ratio.selectOption('9:16');
  await expect.poll(() => boardShape('1')).toBeLessThan(0.6);
  // The uploaded picture is still the frame (letterboxed: its middle is still red).
  await expect.poll(() => boardColour('1')).toSatisfy(near(RED));
  await page.getByLabel('Re-frame').selectOption('crop');
  await shoot('aspect-9x16-crop');
  await page.setViewportSize({ width: 1024, height: 768 });
  await shoot('aspect-9x16-crop-1024');
  await page.setViewportSize({ width: 1440, height: 900 });
  await ratio.selectOption('16:9');
  await expect.poll(() => boardShape('1')).toBeGreaterThan(1.7);
  await expect.poll(() => boardColour('1')).toSatisfy(near(RED));
  await expect.poll(() => boardColour('1B')).toSatisfy(near(MAGENTA));
  await expect.poll(() => boardColour('2')).toSatisfy(near(GREEN));
  // One undo step per change: undo goes back to 9:16 with its crop.
  await undo();
  await expect.poll(() => ratio.inputValue()).toBe('9:16');
  await undo();
  await expect.poll(() => page.getByLabel('Re-frame').inputValue()).toBe('letterbox');
  await undo();
  await expect.poll(() => ratio.inputValue()).toBe('16:9');
  await expect.poll(() => boardShape('1')).toBeGreaterThan(1.7);
});

test('the inspector at 1024×768', async () => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await board('1').click();
  await shoot('inspector-1024');
  await page.setViewportSize({ width: 1440, height: 900 });
});

test('the app threw no errors', () => {
  expect(errors).toEqual([]);
});
