import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launchPersistent, trackPageErrors } from '../helpers/browser';
import { shootThemes } from '../helpers/screens';
import { sineWav } from '../helpers/wav';

/**
 * Sound in the preview and Play mode: what the page sends to the speakers is read by an
 * AnalyserNode the test taps onto the output (the app is not told), and Play mode is checked by
 * its pixels and its position bar.
 */

const ARTIFACTS = 'tests/.artifacts/preview-sound';
const PX_PER_S = 48; // the timeline's default zoom

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

/**
 * Runs in the page before the app: every node a live AudioContext connects to its speakers is
 * also connected to one AnalyserNode, and `__maxLevel(ms)` reports the loudest sample it sees.
 */
function tapOutput() {
  const connect = AudioNode.prototype.connect as (this: AudioNode, ...args: unknown[]) => unknown;
  const tapped = window as unknown as {
    __analyser?: AnalyserNode;
    __maxLevel?: (forMs: number) => Promise<number>;
  };
  AudioNode.prototype.connect = function (this: AudioNode, ...args: unknown[]) {
    const [target] = args;
    if (target instanceof AudioDestinationNode && this.context instanceof AudioContext) {
      tapped.__analyser ??= this.context.createAnalyser();
      connect.call(this, tapped.__analyser);
    }
    return connect.apply(this, args);
  } as typeof AudioNode.prototype.connect;
  tapped.__maxLevel = (forMs) =>
    new Promise((resolve) => {
      let max = 0;
      const data = new Float32Array(2048);
      const read = () => {
        tapped.__analyser?.getFloatTimeDomainData(data);
        for (const v of data) max = Math.max(max, Math.abs(v));
      };
      const timer = setInterval(read, 10);
      setTimeout(() => {
        clearInterval(timer);
        read();
        resolve(max);
      }, forMs);
    });
}

const maxLevel = (forMs: number) =>
  page.evaluate(
    (ms) => (window as unknown as { __maxLevel: (ms: number) => Promise<number> }).__maxLevel(ms),
    forMs,
  );
const timecode = () => page.getByLabel('Playhead timecode').textContent();
const seconds = (tc: string | null, fps = 24) => {
  const [h, m, s, f] = (tc ?? '').split(':').map(Number);
  return (h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0) + (f ?? 0) / fps;
};

async function clickRulerAt(s: number) {
  const box = (await page.locator('.ruler').boundingBox())!;
  await page.mouse.click(box.x + s * PX_PER_S, box.y + 10);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  // A fake microphone (Chromium's test tone) that needs no permission prompt.
  ({ context, close } = await launchPersistent({
    args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  }));
  await context.addInitScript(tapOutput);
  page = await context.newPage();
  errors = trackPageErrors(page);
  await page.goto(inject('baseUrl'));
  await page.getByLabel('Screenplay file').setInputFiles({
    name: 'sound.fountain',
    mimeType: 'text/plain',
    buffer: Buffer.from(SCRIPT),
  });
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await page.getByRole('region', { name: 'Timeline' }).waitFor();
});

afterAll(async () => {
  await close();
});

test('a 3 s voice line on the first shot, which is fitted to it; no sound after it', async () => {
  await page
    .getByRole('button', { name: /^Clip / })
    .first()
    .click();
  await page
    .getByLabel('Sound file')
    .setInputFiles({ name: 'line.wav', mimeType: 'audio/wav', buffer: sineWav(3) });
  await page.getByText('Imported sound · 3.0 s').waitFor();
  await page.getByRole('button', { name: 'Fit to audio' }).click();
  await expect.poll(() => page.getByLabel('Duration (seconds)').inputValue()).toBe('3.3');
});

test('the preview plays the voice clip under the playhead, and stops when paused', async () => {
  await clickRulerAt(0.5);
  await page.getByRole('button', { name: 'Start preview' }).click();
  await expect.poll(() => maxLevel(100)).toBeGreaterThan(0.05);
  await page.getByRole('button', { name: 'Pause preview' }).click();
  await expect.poll(() => maxLevel(100)).toBeLessThan(0.001);
});

test('where no clip is under the playhead the preview is silent while it plays', async () => {
  await clickRulerAt(4);
  const from = seconds(await timecode());
  await page.getByRole('button', { name: 'Start preview' }).click();
  const level = await maxLevel(600);
  // It really played meanwhile: the playhead moved on.
  expect(seconds(await timecode())).toBeGreaterThan(from + 0.2);
  await page.getByRole('button', { name: 'Pause preview' }).click();
  expect(level).toBeLessThan(0.001);
});

test('scrubbing over the clip lets a snippet of it through', async () => {
  // Listening starts before the click and goes on well past it: the snippet is short.
  const level = maxLevel(1500);
  await clickRulerAt(1.5);
  expect(await level).toBeGreaterThan(0.05);
  await expect.poll(() => maxLevel(100)).toBeLessThan(0.001);
});

test('voice-over recorded while playing lands on the shot under the playhead, at that time', async () => {
  const sounds = page.getByRole('list', { name: 'Sound track' });
  const voiceOvers = sounds.getByRole('button', { name: /^Voice-over on 1A/ });
  const recordAt = async (s: number) => {
    await clickRulerAt(s);
    await page.getByRole('button', { name: 'Record while playing' }).click();
    const stop = page.getByRole('button', { name: 'Stop recording' });
    await stop.waitFor();
    // Record for a little over a second of the animatic.
    const from = seconds(await timecode());
    await expect.poll(async () => seconds(await timecode())).toBeGreaterThan(from + 1.2);
    await stop.click();
  };
  // 4 s is 0.7 s into shot 1A (shot 1 lasts 3.3 s).
  await recordAt(4);
  await expect.poll(() => voiceOvers.count()).toBe(1);
  const ruler = (await page.locator('.ruler').boundingBox())!;
  const first = (await voiceOvers.first().boundingBox())!;
  // It starts where recording began: at 4 s, give or take the time the microphone took to open.
  expect((first.x - ruler.x) / PX_PER_S).toBeGreaterThanOrEqual(3.95);
  expect((first.x - ruler.x) / PX_PER_S).toBeLessThan(4.6);
  expect(first.width / PX_PER_S).toBeGreaterThan(0.8);

  // Punch in over it: the first take is kept, muted, and can be used again.
  await recordAt(4.2);
  await expect.poll(() => voiceOvers.count()).toBe(2);
  const kept = sounds.getByRole('button', { name: /^Voice-over on 1A.*kept take/ });
  await expect.poll(() => kept.count()).toBe(1);
  // The inspector's sound list offers the kept take; using it keeps the newer one instead.
  await page.getByRole('button', { name: 'Clip 1A', exact: true }).click();
  const rows = page.locator('.audio-row');
  await expect
    .poll(() => rows.allTextContents())
    .toEqual([expect.stringContaining('kept take'), expect.not.stringContaining('kept take')]);
  await page.getByRole('button', { name: 'Use take 1' }).click();
  await expect
    .poll(() => rows.allTextContents())
    .toEqual([expect.not.stringContaining('kept take'), expect.stringContaining('kept take')]);
  await expect.poll(() => kept.count()).toBe(1);
  await page.getByRole('button', { name: 'Undo', exact: true }).first().click();
});

test('screenshots of the timeline with its sound and a looped music bed', async () => {
  await page
    .getByLabel('Music file')
    .setInputFiles({ name: 'bed.wav', mimeType: 'audio/wav', buffer: sineWav(2.5, 220) });
  await page.getByRole('checkbox', { name: 'Loop' }).check();
  await page.getByRole('button', { name: 'Zoom to fit' }).click();
  await page.locator('.timeline-scroll').scrollIntoViewIfNeeded();
  await shootThemes(page, ARTIFACTS, 'timeline');
});

/** A coarse picture of the Play mode canvas: 16 × 9 samples of red, green and blue. */
function playPicture(): Promise<number[]> {
  return page.locator('.play-canvas').evaluate((element) => {
    const canvas = element as HTMLCanvasElement;
    const ctx = canvas.getContext('2d');
    const out: number[] = [];
    for (let y = 0; y < 9; y++) {
      for (let x = 0; x < 16; x++) {
        const px = ctx?.getImageData(
          Math.floor(((x + 0.5) * canvas.width) / 16),
          Math.floor(((y + 0.5) * canvas.height) / 9),
          1,
          1,
        ).data;
        out.push(px?.[0] ?? 0, px?.[1] ?? 0, px?.[2] ?? 0);
      }
    }
    return out;
  });
}
/** Drags the position bar to `value` as a person's drag would: React hears an input event. */
function setRange(slider: ReturnType<Page['getByRole']>, value: number) {
  return slider.evaluate((element, v) => {
    const input = element as HTMLInputElement;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setter?.call(input, String(v));
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}
const difference = (a: number[], b: number[]) =>
  a.reduce((sum, v, i) => sum + Math.abs(v - (b[i] ?? 0)), 0) / a.length;

test('Play mode shows the camera move, seeks with its position bar, and plays the sound', async () => {
  await page.getByRole('button', { name: 'Clip 1', exact: true }).click();
  await page.getByRole('combobox', { name: 'Camera move', exact: true }).selectOption('zoom');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  const player = page.getByRole('dialog', { name: 'Play mode' });
  await player.waitFor();
  // It opens playing, with the shot's sound.
  await expect.poll(() => maxLevel(100)).toBeGreaterThan(0.05);
  await player.getByRole('button', { name: 'Pause' }).click();

  const position = player.getByRole('slider', { name: 'Playback position' });
  const playTimecode = () => player.getByLabel('Timecode').textContent();
  await setRange(position, 300);
  await expect.poll(playTimecode).toBe('00:00:00:07');
  // Let the frame's picture arrive, then take it.
  await expect.poll(async () => (await playPicture()).some((v) => v > 30)).toBe(true);
  const early = await playPicture();
  await setRange(position, 3000);
  await expect.poll(playTimecode).toBe('00:00:03:00');
  await expect.poll(async () => difference(await playPicture(), early)).toBeGreaterThan(3);
  await shootThemes(page, ARTIFACTS, 'play-mode');
  await page.keyboard.press('Escape');
  await player.waitFor({ state: 'detached' });
});

test('the page never threw', () => {
  expect(errors).toEqual([]);
});
