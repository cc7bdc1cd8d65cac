import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launchPersistent, trackPageErrors } from '../helpers/browser';
import { sineWav } from '../helpers/wav';

/** The timeline editor: scrub, trim by dragging and by keyboard (frame-accurate), reorder, undo. */

let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
let errors: string[];

const SCRIPT = `INT. KITCHEN - NIGHT

Anna waits by the window.

ANNA
He is not coming.

EXT. ROOF - NIGHT

Ben lights a cigarette.
`;

beforeAll(async () => {
  ({ context, close } = await launchPersistent());
  page = await context.newPage();
  errors = trackPageErrors(page);
  await page.goto(inject('baseUrl'));
  await page.getByLabel('Screenplay file').setInputFiles({
    name: 'timeline.fountain',
    mimeType: 'text/plain',
    buffer: Buffer.from(SCRIPT),
  });
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await page.getByRole('region', { name: 'Timeline' }).waitFor();
});

afterAll(async () => {
  await close();
});

const clips = () => page.getByRole('button', { name: /^Clip / });
const clipNames = () =>
  clips().evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
/** The selected shot's exact length in seconds, from the inspector's timecode at its frame rate. */
const duration = async () => {
  const text = (await page.locator('.shot-length').textContent()) ?? '';
  const parts = /^(\d\d):(\d\d):(\d\d):(\d\d) at (\d+) fps$/.exec(text);
  if (!parts) throw new Error(`the inspector's length reads "${text}", not a timecode`);
  const [h, m, s, f, rate] = parts.slice(1).map(Number) as [number, number, number, number, number];
  return h * 3600 + m * 60 + s + f / rate;
};
const timecode = () => page.getByLabel('Playhead timecode').textContent();

test('clicking the ruler moves the playhead to a whole frame', async () => {
  const ruler = page.locator('.ruler');
  const box = (await ruler.boundingBox())!;
  await page.mouse.click(box.x + 48 * 1.5, box.y + 10); // 1.5 s at the default 48 px/s
  expect(await timecode()).toBe('00:00:01:12');
});

test('dragging a clip edge trims it to whole frames and the rest ripple', async () => {
  await clips().first().click();
  const before = await duration();
  const handle = page.getByRole('separator', { name: /^Trim / }).first();
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 48, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  // 48 px at 48 px/s is 24 frames exactly (snapping to frames: src/model/timelineEdit.test.ts).
  await expect.poll(duration).toBeCloseTo(before + 1, 5);
});

test('Shift+arrow trims one frame; undo restores it', async () => {
  const before = await duration();
  await clips().first().focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(duration).toBeCloseTo(before + 1 / 24, 5);
  await page.getByRole('button', { name: 'Undo', exact: true }).first().click();
  await expect.poll(duration).toBeCloseTo(before, 2);
});

test('Alt+arrow reorders clips', async () => {
  const before = await clipNames();
  await clips().nth(1).focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect.poll(clipNames).toEqual([before[1], before[0], ...before.slice(2)]);
});

test('changing the project frame rate changes the timecode base', async () => {
  const ruler = (await page.locator('.ruler').boundingBox())!;
  await page.mouse.click(ruler.x + 48 * 1.5, ruler.y + 10);
  await page.getByLabel('Project fps').selectOption('25');
  await expect.poll(timecode).toMatch(/^00:00:01:(12|13)$/);
  const total = await page.locator('.timeline-bar .muted').textContent();
  expect(total).toMatch(/\/ 00:00:\d\d:\d\d/);
});

test('a transition, a sound clip fitted to its length, and music are set from the editor', async () => {
  await clips().first().click();
  await page.getByRole('combobox', { name: /^Transition/ }).selectOption('crossfade');
  expect(await page.getByLabel('Transition length (s)').inputValue()).toBe('0.5');

  await page
    .getByLabel('Sound file')
    .setInputFiles({ name: 'line.wav', mimeType: 'audio/wav', buffer: sineWav(4.2) });
  await page.getByText('Imported sound · 4.2 s').waitFor();
  await page.getByRole('button', { name: 'Fit to audio' }).click();
  await expect.poll(duration).toBeCloseTo(4.5, 1);

  await page
    .getByLabel('Music file')
    .setInputFiles({ name: 'bed.wav', mimeType: 'audio/wav', buffer: sineWav(2, 220) });
  await page.getByLabel('Music track').getByText(/Music/).waitFor();
  await page.getByLabel('Fade in (s)').fill('2');
  await expect.poll(() => page.getByLabel('Music track').textContent()).toContain('fade in 2.0s');
});

test('the sound clip and the music bed are drawn at their real length; music loops when asked', async () => {
  const width = async (selector: string) =>
    (await page.locator(selector).first().boundingBox())?.width ?? 0;
  const sound = page.getByRole('list', { name: 'Sound track' }).getByRole('button', {
    name: /^Imported sound on \S+, 4\.2s/,
  });
  await expect.poll(async () => (await sound.boundingBox())?.width ?? 0).toBeCloseTo(4.2 * 48, -1);
  // The 2 s bed plays once: it is drawn 2 s long, not under the whole animatic.
  await expect.poll(() => width('.music-block')).toBeCloseTo(2 * 48, -1);
  await page.getByRole('checkbox', { name: 'Loop' }).check();
  const total = await width('.ruler');
  await expect.poll(() => width('.music-block')).toBeCloseTo(total, -1);
  await expect.poll(() => page.getByLabel('Music track').textContent()).toContain('loops');
  await expect.poll(() => page.locator('.music-repeat').count()).toBeGreaterThan(0);
});

test('a transition is drawn on its cut, as long as it lasts', async () => {
  const mark = page.getByRole('img', { name: /^Crossfade 0\.5 s into/ });
  const box = (await mark.boundingBox())!;
  expect(box.width).toBeCloseTo(0.5 * 48, 0);
  const first = (await clips().first().boundingBox())!;
  // Centred on the cut, the first clip's right edge.
  expect(box.x + box.width / 2).toBeCloseTo(first.x + first.width, -1);
});

test('clicking a clip moves the playhead to its start; scenes are flagged on the ruler', async () => {
  await clips().nth(1).click();
  const start = (await clips().first().boundingBox())!.width / 48;
  const [, , s, f] = ((await timecode()) ?? '').split(':').map(Number);
  expect((s ?? 0) + (f ?? 0) / 25).toBeCloseTo(start, 0);
  expect(await page.locator('.scene-marker').allTextContents()).toEqual(['Sc 1', 'Sc 2']);
});

test('zoom to fit shows the whole animatic in the view', async () => {
  await page.getByRole('button', { name: 'Zoom to fit' }).click();
  const view = (await page.locator('.timeline-scroll').boundingBox())!;
  await expect
    .poll(async () => (await page.locator('.ruler').boundingBox())?.width ?? 0)
    .toBeCloseTo(view.width - 40, -1);
  await page.getByRole('button', { name: 'Zoom in' }).click();
});

test('the framing is edited on the preview by keyboard and undone in one step each', async () => {
  await page.getByRole('button', { name: 'Edit framing' }).click();
  const start = page.getByRole('slider', { name: 'Start framing' });
  expect(await start.getAttribute('aria-valuetext')).toBe('x 0%, y 0%, size 100%');
  await start.focus();
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => start.getAttribute('aria-valuetext')).toBe('x 2%, y 1%, size 98%');
  await page.getByRole('button', { name: 'Undo', exact: true }).first().click();
  await expect.poll(() => start.getAttribute('aria-valuetext')).toBe('x 1%, y 1%, size 98%');
  await page.getByRole('button', { name: 'Done' }).click();
});

test('a file that is not audio is refused with a message', async () => {
  await page.getByLabel('Sound file').setInputFiles({
    name: 'notes.wav',
    mimeType: 'audio/wav',
    buffer: Buffer.from('not audio at all'),
  });
  await page.getByRole('alert').filter({ hasText: 'Sound not added' }).waitFor();
});

test('the page never threw', () => {
  expect(errors).toEqual([]);
});
