import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchPersistent, trackPageErrors } from '../helpers/browser';
import { colourDistance, meanRgbAt, meanVolumeDb, probeMedia } from '../helpers/media';
import {
  CROSSFADE_MS,
  FRAME_RATE,
  SHOT_COLOURS,
  SHOT_MS,
  TITLE,
  writeRenderProject,
} from '../helpers/renderProject';

/**
 * The animatic engine as a user meets it: a project with camera moves, a crossfade, a dip to
 * black, a dialogue clip and a music bed (imported as a project file), rendered to MP4, WebM and
 * GIF from the render dialog, checked with ffprobe and ffmpeg; subtitles exported as SRT and VTT.
 */

const ARTIFACTS = 'tests/.artifacts/render-e2e';
const TOTAL_SECONDS = (SHOT_COLOURS.length * SHOT_MS) / 1000;
const ONE_FRAME_S = 1 / FRAME_RATE;
const RENDER_TIMEOUT_MS = 90_000;
/** A dissolve's middle frame must be this far (per channel, 0–255) from both neighbours. */
const BLEND_MIN_DISTANCE = 40;
/** Solid colours survive H.264/VP9 within a few levels. */
const SAME_COLOUR_MAX_DISTANCE = 20;

let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
let errors: string[];

beforeAll(async () => {
  const projectFile = await writeRenderProject(ARTIFACTS);
  ({ context, close } = await launchPersistent());
  page = await context.newPage();
  errors = trackPageErrors(page);
  await page.goto(inject('baseUrl'));
  await page.getByLabel('Project file').setInputFiles(projectFile);
  await page
    .getByRole('button', { name: /^Shot / })
    .nth(3)
    .waitFor();
});

test('the imported project shows its four boards', async () => {
  expect(await page.getByRole('button', { name: /^Shot / }).count()).toBe(4);
});

afterAll(async () => {
  await close();
});

/** Waits for the finished file's link; a failed render fails the test at once, with its message. */
async function waitForDownloadLink() {
  const link = page.getByRole('link', { name: 'Download animatic' });
  const failure = page.getByRole('dialog').getByRole('alert');
  await Promise.race([
    link.waitFor({ timeout: RENDER_TIMEOUT_MS }),
    failure.waitFor({ timeout: RENDER_TIMEOUT_MS }).then(async () => {
      throw new Error(`render failed: ${await failure.textContent()}`);
    }),
  ]);
  return link;
}

/** Opens the render dialog, sets the options, renders and saves the file as `saveAs`. */
async function render(
  format: 'MP4' | 'WebM' | 'GIF',
  fileName: string,
  options: {
    encoder?: string;
    saveAs?: string;
    frames?: string;
    scene?: string;
    shotInfo?: boolean;
  } = {},
): Promise<string> {
  await page.getByRole('button', { name: 'Render animatic' }).click();
  await page.getByLabel('Format').selectOption({ label: format });
  if (options.encoder) await page.getByLabel('Encoder').selectOption({ label: options.encoder });
  if (options.frames) await page.getByLabel('Frames').selectOption({ label: options.frames });
  if (options.shotInfo) await page.getByLabel('Shot info overlay').check();
  if (options.scene) {
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: /^Render/ }).selectOption({ label: 'One scene' });
    await dialog.getByRole('combobox', { name: /^Scene/ }).selectOption({ label: options.scene });
  }
  await page.getByRole('button', { name: 'Start render' }).click();
  const link = await waitForDownloadLink();
  const download = page.waitForEvent('download');
  await link.click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe(fileName);
  const target = `${ARTIFACTS}/${options.saveAs ?? fileName}`;
  await saved.saveAs(target);
  await page.getByRole('button', { name: 'Close' }).click();
  return target;
}

function expectTimelineLength(seconds: number): void {
  expect(Math.abs(seconds - TOTAL_SECONDS)).toBeLessThanOrEqual(ONE_FRAME_S + 1e-6);
}

describe('rendering', () => {
  test('MP4: H.264 and AAC, as long as the boards, with a real crossfade', async () => {
    const file = await render('MP4', 'sound-and-motion-animatic.mp4');
    const media = probeMedia(file);
    expect(media.formatName).toMatch(/mp4/);
    expectTimelineLength(media.durationSeconds);
    const video = media.streams.find((s) => s.type === 'video');
    const audio = media.streams.find((s) => s.type === 'audio');
    expect(video).toMatchObject({ codec: 'h264', width: 1280, height: 720 });
    expectTimelineLength(video?.durationSeconds ?? 0);
    // Constant frame rate (the default): every frame is in the file, at the nominal rate.
    expect(video?.containerFrames).toBe(TOTAL_SECONDS * FRAME_RATE);
    expect(video?.frames).toBe(TOTAL_SECONDS * FRAME_RATE);
    expect(video?.avgFrameRate).toBe(`${FRAME_RATE}/1`);
    expect(audio).toMatchObject({ codec: 'aac', channels: 2 });
    // The music bed and the dialogue are there: far above digital silence (-91 dB).
    expect(meanVolumeDb(file)).toBeGreaterThan(-40);

    // Shot 1 (red) dissolves into shot 2 (blue) across the cut at 2 s.
    const cutS = SHOT_MS / 1000;
    const before = meanRgbAt(file, cutS - CROSSFADE_MS / 1000);
    const middle = meanRgbAt(file, cutS);
    const after = meanRgbAt(file, cutS + CROSSFADE_MS / 1000);
    expect(colourDistance(before, SHOT_COLOURS[0]!.rgb)).toBeLessThanOrEqual(
      SAME_COLOUR_MAX_DISTANCE,
    );
    expect(colourDistance(after, SHOT_COLOURS[1]!.rgb)).toBeLessThanOrEqual(
      SAME_COLOUR_MAX_DISTANCE,
    );
    expect(colourDistance(middle, before)).toBeGreaterThan(BLEND_MIN_DISTANCE);
    expect(colourDistance(middle, after)).toBeGreaterThan(BLEND_MIN_DISTANCE);

    // Shot 3 dips to black into shot 4: black at the cut.
    const dip = meanRgbAt(file, (3 * SHOT_MS) / 1000);
    expect(Math.max(...dip)).toBeLessThan(30);
  });

  test('MP4 at variable frame rate: fewer samples than frames, same length', async () => {
    const file = await render('MP4', 'sound-and-motion-animatic.mp4', {
      frames: 'Variable frame rate — smallest file',
      saveAs: 'sound-and-motion-vfr.mp4',
    });
    const media = probeMedia(file);
    expectTimelineLength(media.durationSeconds);
    const video = media.streams.find((s) => s.type === 'video');
    expect(video?.containerFrames).toBeLessThan(TOTAL_SECONDS * FRAME_RATE);
    expect(video?.avgFrameRate).not.toBe(`${FRAME_RATE}/1`);
  });

  test('one scene: only its shot, as long as that shot, every frame at the rate', async () => {
    const file = await render('MP4', 'sound-and-motion-animatic-shot-1c.mp4', {
      scene: '2. EXT. GARDEN - NIGHT',
    });
    const media = probeMedia(file);
    const shotSeconds = SHOT_MS / 1000;
    expect(Math.abs(media.durationSeconds - shotSeconds)).toBeLessThanOrEqual(ONE_FRAME_S + 1e-6);
    const video = media.streams.find((s) => s.type === 'video');
    expect(video?.containerFrames).toBe(shotSeconds * FRAME_RATE);
    expect(video?.avgFrameRate).toBe(`${FRAME_RATE}/1`);
    // The picture is the last shot's from the first frame.
    const first = meanRgbAt(file, ONE_FRAME_S / 2);
    expect(colourDistance(first, SHOT_COLOURS[3]!.rgb)).toBeLessThanOrEqual(
      SAME_COLOUR_MAX_DISTANCE,
    );
  });

  test('the shot info overlay is drawn over the bottom of the picture only when asked for', async () => {
    const plain = `${ARTIFACTS}/sound-and-motion-animatic.mp4`;
    const withInfo = await render('MP4', 'sound-and-motion-animatic.mp4', {
      shotInfo: true,
      saveAs: 'sound-and-motion-shot-info.mp4',
    });
    // The middle of shot 4 (a plain hold): the band's dark strip across the bottom 5%.
    const at = 3.5 * (SHOT_MS / 1000);
    const band = 'iw:ih*0.05:0:ih*0.95';
    const top = 'iw:ih*0.3:0:ih*0.3';
    expect(colourDistance(meanRgbAt(plain, at, band), SHOT_COLOURS[3]!.rgb)).toBeLessThanOrEqual(
      SAME_COLOUR_MAX_DISTANCE,
    );
    expect(
      colourDistance(meanRgbAt(withInfo, at, band), meanRgbAt(plain, at, band)),
    ).toBeGreaterThan(BLEND_MIN_DISTANCE);
    // Above the band the picture is the same.
    expect(
      colourDistance(meanRgbAt(withInfo, at, top), meanRgbAt(plain, at, top)),
    ).toBeLessThanOrEqual(SAME_COLOUR_MAX_DISTANCE);
  });

  test('WebM: VP9 and Opus, as long as the boards', async () => {
    const file = await render('WebM', 'sound-and-motion-animatic.webm');
    const media = probeMedia(file);
    expect(media.formatName).toMatch(/webm/);
    expectTimelineLength(media.durationSeconds);
    expect(media.streams.find((s) => s.type === 'video')).toMatchObject({
      codec: 'vp9',
      width: 1280,
      height: 720,
      frames: TOTAL_SECONDS * FRAME_RATE,
      avgFrameRate: `${FRAME_RATE}/1`,
    });
    expect(media.streams.find((s) => s.type === 'audio')).toMatchObject({ codec: 'opus' });
    const middle = meanRgbAt(file, SHOT_MS / 1000);
    expect(colourDistance(middle, SHOT_COLOURS[0]!.rgb)).toBeGreaterThan(BLEND_MIN_DISTANCE);
    expect(colourDistance(middle, SHOT_COLOURS[1]!.rgb)).toBeGreaterThan(BLEND_MIN_DISTANCE);
  });

  test('MP4 through ffmpeg.wasm (the universal encoder): H.264 and AAC, same length, same dissolve', async () => {
    const file = await render('MP4', 'sound-and-motion-animatic.mp4', {
      encoder: 'ffmpeg.wasm (slower, works everywhere)',
      saveAs: 'sound-and-motion-ffmpegwasm.mp4',
    });
    const media = probeMedia(file);
    expectTimelineLength(media.durationSeconds);
    const video = media.streams.find((s) => s.type === 'video');
    expect(video).toMatchObject({ codec: 'h264', width: 1280, height: 720 });
    expect(video?.frames).toBe(TOTAL_SECONDS * FRAME_RATE);
    expect(video?.avgFrameRate).toBe(`${FRAME_RATE}/1`);
    expect(media.streams.find((s) => s.type === 'audio')).toMatchObject({ codec: 'aac' });
    const middle = meanRgbAt(file, SHOT_MS / 1000);
    expect(colourDistance(middle, SHOT_COLOURS[0]!.rgb)).toBeGreaterThan(BLEND_MIN_DISTANCE);
    expect(colourDistance(middle, SHOT_COLOURS[1]!.rgb)).toBeGreaterThan(BLEND_MIN_DISTANCE);
  });

  test('WebM through ffmpeg.wasm: VP8 (its VP9 encoder crashes at HD) and Opus, and it says so', async () => {
    await page.getByRole('button', { name: 'Render animatic' }).click();
    await page.getByLabel('Format').selectOption({ label: 'WebM' });
    await page
      .getByLabel('Encoder')
      .selectOption({ label: 'ffmpeg.wasm (slower, works everywhere)' });
    await page.getByRole('button', { name: 'Start render' }).click();
    const link = await waitForDownloadLink();
    expect(await page.getByRole('dialog').textContent()).toMatch(/the video is VP8/);
    const download = page.waitForEvent('download');
    await link.click();
    const file = `${ARTIFACTS}/sound-and-motion-ffmpegwasm.webm`;
    await (await download).saveAs(file);
    await page.getByRole('button', { name: 'Close' }).click();
    const media = probeMedia(file);
    expectTimelineLength(media.durationSeconds);
    expect(media.streams.find((s) => s.type === 'video')).toMatchObject({
      codec: 'vp8',
      width: 1280,
      height: 720,
      frames: TOTAL_SECONDS * FRAME_RATE,
    });
    expect(media.streams.find((s) => s.type === 'audio')).toMatchObject({ codec: 'opus' });
  });

  test('GIF: an animated GIF, 480 px wide, silent', async () => {
    const file = await render('GIF', 'sound-and-motion-animatic.gif');
    const media = probeMedia(file);
    expect(media.formatName).toBe('gif');
    const video = media.streams.find((s) => s.type === 'video');
    expect(video).toMatchObject({ codec: 'gif', width: 480, height: 270 });
    expect(video?.frames).toBeGreaterThan(1);
    expect(media.streams.some((s) => s.type === 'audio')).toBe(false);
  });
});

test('a render can be cancelled; the dialog says so and offers to render again', async () => {
  await page.getByRole('button', { name: 'Render animatic' }).click();
  await page.getByLabel('Resolution').selectOption({ label: '4K (2160p)' });
  await page
    .getByLabel('Encoder')
    .selectOption({ label: 'ffmpeg.wasm (slower, works everywhere)' });
  await page.getByRole('button', { name: 'Start render' }).click();
  await page.getByRole('button', { name: 'Cancel render' }).click();
  await page.getByText('Render cancelled. Your project is unchanged.').waitFor();
  await page.getByRole('button', { name: 'Render again' }).click();
  await page.getByRole('button', { name: 'Start render' }).waitFor();
  await page.getByRole('button', { name: 'Close' }).click();
  expect(await page.getByRole('button', { name: /^Shot / }).count()).toBe(4);
});

describe('subtitles', () => {
  async function exportSubtitles(format: 'SRT' | 'VTT'): Promise<{ name: string; text: string }> {
    await page.getByRole('button', { name: 'Render animatic' }).click();
    await page.getByRole('button', { name: 'Export subtitles' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: format, exact: true }).click();
    const saved = await download;
    const text = readFileSync(await saved.path(), 'utf8');
    await page.getByRole('button', { name: 'Close' }).click();
    return { name: saved.suggestedFilename(), text };
  }

  test('SRT and WebVTT carry the dialogue, timed within its shots', async () => {
    const srt = await exportSubtitles('SRT');
    expect(srt.name).toBe('sound-and-motion.srt');
    expect(srt.text).toBe(
      '1\r\n00:00:00,000 --> 00:00:02,000\r\nANNA: Is anyone there?\r\n\r\n' +
        '2\r\n00:00:02,000 --> 00:00:04,000\r\nBEN: Right behind you.\r\n\r\n',
    );
    const vtt = await exportSubtitles('VTT');
    expect(vtt.name).toBe('sound-and-motion.vtt');
    expect(vtt.text).toBe(
      'WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n<v ANNA>ANNA: Is anyone there?\n\n' +
        '00:00:02.000 --> 00:00:04.000\n<v BEN>BEN: Right behind you.\n',
    );
  });
});

test('the project was imported under its own title and the page never threw', async () => {
  expect(await page.getByLabel('Project title').inputValue()).toBe(TITLE);
  expect(errors).toEqual([]);
});
