import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { AssetHash } from '../../src/model/ids';
import { createProjectMeta } from '../../src/model/project';
import { seedRecords } from '../helpers/boardSeed';
import { launchPersistent, trackPageErrors } from '../helpers/browser';
import { noisePng, sha256Hex, solidPng } from '../helpers/noisePng';

/**
 * The frame editor end to end: open it from the inspector and by double-clicking a board, draw
 * with the mouse and with a pen at two pressures, save the frame, reload, and find the layers
 * still editable and the drawing on the board (read back from the board's own pixels).
 */

const ARTIFACTS = 'tests/.artifacts';
const DRAWN = noisePng(320, 180, 11);
const GENERATED = noisePng(320, 180, 12);
const frames = {
  drawn: sha256Hex(DRAWN) as AssetHash,
  generated: sha256Hex(GENERATED) as AssetHash,
};

function projectFile(): Buffer {
  return Buffer.from(
    JSON.stringify({
      format: 'frameline.project',
      version: 1,
      exportedAt: new Date().toISOString(),
      project: { meta: createProjectMeta('Ink and Rain'), ...seedRecords(frames) },
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
    .setInputFiles({ name: 'ink.json', mimeType: 'application/json', buffer: projectFile() });
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

/** Where a point of the frame (0–1 across, 0–1 down) is on screen in the editor. */
async function framePoint(fx: number, fy: number): Promise<{ x: number; y: number }> {
  const box = await editor().getByTestId('editor-stage').boundingBox();
  if (!box) throw new Error('no stage');
  // The frame is fitted 32 px inside the stage, centred (viewControl.ts).
  const aspect = 16 / 9;
  const zoomH = Math.min((box.width - 64) / aspect, box.height - 64);
  const w = zoomH * aspect;
  const left = box.x + (box.width - w) / 2;
  const top = box.y + (box.height - zoomH) / 2;
  return { x: left + fx * w, y: top + fy * zoomH };
}

async function mouseStroke(from: [number, number], to: [number, number]) {
  const a = await framePoint(...from);
  const b = await framePoint(...to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) {
    await page.mouse.move(a.x + ((b.x - a.x) * i) / 20, a.y + ((b.y - a.y) * i) / 20);
  }
  await page.mouse.up();
}

/** A pen stroke as a tablet sends it: pointer events with pointerType pen and a pressure. */
async function penStroke(from: [number, number], to: [number, number], pressure: number) {
  const a = await framePoint(...from);
  const b = await framePoint(...to);
  await page.evaluate(
    ({ a, b, pressure }) => {
      const target = document.querySelector('[data-testid="editor-stage"]');
      if (!target) throw new Error('no stage');
      const send = (type: string, x: number, y: number, p: number) =>
        target.dispatchEvent(
          new PointerEvent(type, {
            bubbles: true,
            pointerId: 7,
            pointerType: 'pen',
            isPrimary: true,
            clientX: x,
            clientY: y,
            pressure: p,
            button: type === 'pointermove' ? -1 : 0,
            buttons: type === 'pointerup' ? 0 : 1,
          }),
        );
      send('pointerdown', a.x, a.y, pressure);
      for (let i = 1; i <= 30; i++) {
        send('pointermove', a.x + ((b.x - a.x) * i) / 30, a.y + ((b.y - a.y) * i) / 30, pressure);
      }
      send('pointerup', b.x, b.y, 0);
    },
    { a, b, pressure },
  );
}

/**
 * The board's picture of a shot read back as pixels: for each of `columns` (0–1 across), how
 * many rows from top to bottom are dark (luma < 80) — the width of what crosses it.
 */
async function darkRunsOnBoard(
  shot: string,
  columns: readonly number[],
  match: 'dark' | 'guide-blue' = 'dark',
): Promise<number[]> {
  const img = board(shot).locator('img');
  await img.waitFor();
  return img.evaluate(
    async (element, { columns, match }) => {
      const image = element as HTMLImageElement;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const ctx = canvas.getContext('2d');
      if (!ctx) return [];
      ctx.drawImage(image, 0, 0);
      return columns.map((fx) => {
        const x = Math.round(fx * (canvas.width - 1));
        const data = ctx.getImageData(x, 0, 1, canvas.height).data;
        let dark = 0;
        for (let y = 0; y < canvas.height; y++) {
          const o = y * 4;
          const [r, g, b] = [data[o]!, data[o + 1]!, data[o + 2]!];
          const luma = 0.3 * r + 0.59 * g + 0.11 * b;
          // The guides' blue (#3d8bd9, guides.ts), give or take anti-aliasing.
          const blue = Math.abs(r - 61) + Math.abs(g - 139) + Math.abs(b - 217) < 60;
          if (match === 'dark' ? luma < 80 : blue) dark++;
        }
        return dark;
      });
    },
    { columns, match },
  );
}

/** The colour at a point (0–1 across and down) of a shot's board picture. */
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

async function saveAndClose() {
  await editor().getByRole('button', { name: 'Save frame' }).click();
  await expect.poll(() => editor().locator('.editor-status').textContent()).toBe('Saved');
  await editor().getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => editor().count()).toBe(0);
}

async function shoot(name: string) {
  for (const [w, h] of [
    [1440, 900],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${ARTIFACTS}/editor-${name}-${w}-${scheme}.png` });
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
}

test('Draw in the inspector opens the frame editor with every tool and the six layers', async () => {
  await board('2').click();
  await page.getByRole('button', { name: 'Draw', exact: true }).click();
  await editor().waitFor();
  for (const tool of ['Pencil', 'Brush', 'Pen', 'Eraser', 'Fill', 'Line', 'Arrow']) {
    await editor().getByRole('button', { name: tool, exact: true }).waitFor();
  }
  for (const tool of ['Rectangle', 'Ellipse', 'Text', 'Select', 'Eyedropper']) {
    await editor().getByRole('button', { name: tool, exact: true }).waitFor();
  }
  const layers = await editor().locator('.layer-name > span:first-child').allTextContents();
  expect(layers).toEqual(['Notes', 'Ink', 'Pencil', 'Tone', 'Fill', 'Reference']);
  await page.keyboard.press('?');
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
  await page.keyboard.press('Escape');
  await editor().getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => editor().count()).toBe(0);
});

test('mouse and pen strokes, saved, become the board’s frame; the heavier pen is wider', async () => {
  await board('2').dblclick();
  await editor().waitFor();
  const before = await darkRunsOnBoard('2', [0.3, 0.5, 0.7]);
  // Pencil with the mouse: a horizontal line through the middle, made thick.
  await page.keyboard.press('p');
  await editor().getByRole('slider', { name: 'Size' }).fill('40');
  await mouseStroke([0.1, 0.5], [0.9, 0.5]);
  await expect.poll(() => layerCount('Pencil')).toBe('1');
  // The pen on the Ink layer: a light stroke down the left, a heavy one down the right.
  await editor().getByRole('button', { name: 'Layer Ink', exact: true }).click();
  await page.keyboard.press('n');
  await editor().getByRole('slider', { name: 'Size' }).fill('40');
  await penStroke([0.3, 0.1], [0.3, 0.4], 0.15);
  await penStroke([0.7, 0.1], [0.7, 0.4], 1);
  await expect.poll(() => layerCount('Ink')).toBe('2');
  await shoot('drawn');
  await editor().getByRole('button', { name: 'Save frame' }).click();
  await expect.poll(() => editor().locator('.editor-status').textContent()).toBe('Saved');
  await editor().getByRole('button', { name: 'Close' }).click();
  await expect
    .poll(async () => (await darkRunsOnBoard('2', [0.5]))[0]! - before[1]!, { timeout: 15_000 })
    .toBeGreaterThan(3);
  const [light, heavy] = await darkRunsOnBoard('2', [0.3, 0.7]);
  expect(heavy! - before[2]!).toBeGreaterThan(light! - before[0]! + 3);
  await expect
    .poll(() => page.getByRole('complementary', { name: 'Shot inspector' }).textContent())
    .toContain('Drawn');
});

test('after a reload the layers are still there and editable, and undo takes a stroke back', async () => {
  const saved = await darkRunsOnBoard('2', [0.5]);
  await page.reload();
  await board('2').waitFor();
  expect(await darkRunsOnBoard('2', [0.5])).toEqual(saved);
  await board('2').dblclick();
  await editor().waitFor();
  await expect.poll(() => layerCount('Pencil')).toBe('1');
  await expect.poll(() => layerCount('Ink')).toBe('2');
  await editor().getByRole('button', { name: 'Layer Pencil', exact: true }).click();
  await page.keyboard.press('l');
  await mouseStroke([0.2, 0.8], [0.8, 0.9]);
  await expect.poll(() => layerCount('Pencil')).toBe('2');
  await editor().getByRole('button', { name: 'Hide Ink' }).click();
  await editor().getByRole('button', { name: 'Show Ink' }).waitFor();
  await page.keyboard.press('Control+z');
  await editor().getByRole('button', { name: 'Hide Ink' }).waitFor();
  await page.keyboard.press('Control+z');
  await expect.poll(() => layerCount('Pencil')).toBe('1');
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => layerCount('Pencil')).toBe('2');
  expect(errors).toEqual([]);
});

test('closing with a drawing changed since the last save asks first; the strokes stay either way', async () => {
  const saved = await darkRunsOnBoard('2', [0.5]);
  const prompt = page.getByRole('alertdialog', { name: 'Save the frame first?' });
  // The line drawn above was never saved: Close asks, Cancel stays in the editor.
  await editor().getByRole('button', { name: 'Close' }).click();
  await prompt.waitFor();
  await prompt.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => prompt.count()).toBe(0);
  expect(await editor().count()).toBe(1);
  // Escape asks too; discarding closes and leaves the board's frame as it was.
  await page.keyboard.press('Escape');
  await prompt.waitFor();
  await prompt.getByRole('button', { name: 'Discard frame update' }).click();
  await expect.poll(() => editor().count()).toBe(0);
  expect(await darkRunsOnBoard('2', [0.5])).toEqual(saved);
  // The stroke is kept; now Save in the prompt writes the frame and closes.
  await board('2').dblclick();
  await editor().waitFor();
  await expect.poll(() => layerCount('Pencil')).toBe('2');
  await page.keyboard.press('p');
  await mouseStroke([0.5, 0.1], [0.5, 0.9]);
  await expect.poll(() => layerCount('Pencil')).toBe('3');
  await editor().getByRole('button', { name: 'Close' }).click();
  await prompt.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => editor().count(), { timeout: 15_000 }).toBe(0);
  await expect
    .poll(async () => (await darkRunsOnBoard('2', [0.5]))[0]! - saved[0]!, { timeout: 15_000 })
    .toBeGreaterThan(100);
  // Opened and closed with no change: no question.
  await board('2').dblclick();
  await editor().waitFor();
  await editor().getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => editor().count()).toBe(0);
  expect(errors).toEqual([]);
});

test('guides, onion skin and the light table show over the frame but never in the saved picture', async () => {
  await board('1A').dblclick();
  await editor().waitFor();
  for (const guide of ['Thirds', 'Centre', 'Title safe', 'Action safe', 'Perspective grid']) {
    await editor().getByLabel(guide, { exact: true }).check();
  }
  await editor().getByLabel('Onion skin (previous and next shot)').check();
  await editor().getByLabel('Light table').selectOption({ label: 'Shot 1B' });
  // A vanishing point moves with the pointer.
  const stage = editor().getByTestId('editor-stage');
  const before = await stage.screenshot();
  const vp = await framePoint(0.075, 0.45);
  await page.mouse.move(vp.x, vp.y);
  await page.mouse.down();
  await page.mouse.move(vp.x + 120, vp.y + 60, { steps: 5 });
  await page.mouse.up();
  expect((await stage.screenshot()).equals(before)).toBe(false);
  await shoot('guides');
  await page.keyboard.press('p');
  await mouseStroke([0.2, 0.2], [0.4, 0.2]);
  await editor().getByRole('button', { name: 'Save frame' }).click();
  await expect.poll(() => editor().locator('.editor-status').textContent()).toBe('Saved');
  await editor().getByRole('button', { name: 'Close' }).click();
  // On screen the thirds line is a blue column the frame's full height (1,080 rows); in the
  // saved picture that column holds only the noise picture's few blue-ish pixels.
  const [third] = await darkRunsOnBoard('1A', [1 / 3], 'guide-blue');
  expect(third).toBeLessThan(200);
  expect(errors).toEqual([]);
});

test('a picture on its own image layer, filtered, is what the saved frame shows', async () => {
  await board('1B').dblclick();
  await editor().waitFor();
  await editor()
    .getByLabel('Image file')
    .setInputFiles({
      name: 'red wall.png',
      mimeType: 'image/png',
      buffer: solidPng(320, 180, [200, 60, 60]),
    });
  await editor().getByRole('button', { name: 'Layer red wall.png', exact: true }).waitFor();
  const filters = editor().getByRole('group', { name: 'Filters of red wall.png' });
  await filters.waitFor();
  await saveAndClose();
  await expect.poll(() => boardPixel('1B', 0.5, 0.5), { timeout: 15_000 }).toEqual([200, 60, 60]);
  // Filters are data on the layer: greyscale and darker, then saved.
  await board('1B').dblclick();
  await editor().waitFor();
  await editor().getByRole('button', { name: 'Layer red wall.png', exact: true }).click();
  await filters.getByLabel('Greyscale').check();
  await filters.getByRole('slider', { name: 'Brightness' }).fill('-30');
  await expect
    .poll(() => filters.getByRole('slider', { name: 'Brightness' }).inputValue())
    .toBe('-30');
  // Undo takes the brightness back (its own step), greyscale stays; redo brings it again.
  const brightness = filters.getByRole('slider', { name: 'Brightness' });
  await editor().getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => brightness.inputValue()).toBe('0');
  expect(await filters.getByLabel('Greyscale').isChecked()).toBe(true);
  await editor().getByRole('button', { name: 'Redo' }).click();
  await expect.poll(() => brightness.inputValue()).toBe('-30');
  await shoot('image-filters');
  await saveAndClose();
  await expect
    .poll(
      async () => {
        const [r, g, b] = await boardPixel('1B', 0.5, 0.5);
        return Math.max(Math.abs(r! - g!), Math.abs(g! - b!)) <= 2 && r! < 60;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  expect(errors).toEqual([]);
});

test('the camera-move tool draws a labelled arrow and motion lines go behind a subject', async () => {
  await board('2').dblclick();
  await editor().waitFor();
  const before = await darkRunsOnBoard('2', [0.4]);
  await editor().getByRole('button', { name: 'Layer Notes', exact: true }).click();
  await editor().getByRole('button', { name: 'Camera move', exact: true }).click();
  await editor().getByLabel('Kind of camera move').selectOption('push-in');
  expect(await editor().getByLabel('Arrow label').inputValue()).toBe('Push in');
  await mouseStroke([0.2, 0.3], [0.8, 0.3]);
  await expect.poll(() => layerCount('Notes')).toBe('1');
  await page.keyboard.press('m');
  expect(
    await editor().getByRole('button', { name: 'Motion lines' }).getAttribute('aria-pressed'),
  ).toBe('true');
  await mouseStroke([0.1, 0.75], [0.45, 0.75]);
  await expect.poll(() => layerCount('Notes')).toBe('2');
  await shoot('camera-move');
  await saveAndClose();
  // Across the column at 0.4: the arrow's two outlines and the five speed lines.
  await expect
    .poll(async () => (await darkRunsOnBoard('2', [0.4]))[0]! - before[0]!, { timeout: 15_000 })
    .toBeGreaterThan(10);
  expect(errors).toEqual([]);
});
