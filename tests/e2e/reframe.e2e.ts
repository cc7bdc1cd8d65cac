import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { projectToJson, type AssetBytes } from '../../src/export/projectJson';
import type { SceneId, ShotId } from '../../src/model/ids';
import { createProjectMeta, type ProjectSnapshot } from '../../src/model/project';
import { createScene } from '../../src/model/scene';
import { createShot } from '../../src/model/shot';
import { ms } from '../../src/model/units';
import { hashBytes } from '../../src/store/assets';
import { chooseExport, launchPersistent, trackPageErrors } from '../helpers/browser';
import { colourDistance, probeMedia, type Rgb } from '../helpers/media';

/**
 * Render and exports follow the project's re-frame setting: a 16:9 picture in a 9:16 project
 * set to crop renders as the centre of the picture filling the whole 9:16 frame (no black bars,
 * none of the picture's left and right bands), at the 9:16 size.
 */

const ARTIFACTS = 'tests/.artifacts/reframe-e2e';
const RENDER_TIMEOUT_MS = 90_000;
const BLUE: Rgb = [40, 80, 220];
const RED: Rgb = [220, 40, 40];
const GREEN: Rgb = [40, 200, 60];
/** A flat colour survives H.264 within a few levels; bars or bands are far off. */
const SAME_COLOUR = 24;

function hex(rgb: Rgb): string {
  return '0x' + rgb.map((v) => v.toString(16).padStart(2, '0')).join('');
}

/** 1280×720: blue left band (0–384), red middle (384–896), green right band (896–1280). */
async function bandedPicture(): Promise<AssetBytes> {
  const path = join(ARTIFACTS, 'bands.png');
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `color=c=${hex(BLUE)}:s=1280x720,drawbox=x=384:y=0:w=512:h=720:color=${hex(RED)}:t=fill,` +
      `drawbox=x=896:y=0:w=384:h=720:color=${hex(GREEN)}:t=fill`,
    '-frames:v',
    '1',
    path,
  ]);
  const bytes = new Uint8Array(readFileSync(path));
  return { hash: await hashBytes(bytes), mimeType: 'image/png', bytes };
}

async function writeProject(): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const picture = await bandedPicture();
  const scene = createScene({ id: 'scene-1' as SceneId, number: '1', heading: 'EXT. ROAD' });
  const snapshot: ProjectSnapshot = {
    meta: { ...createProjectMeta('Vertical crop'), aspectRatio: '9:16', frameFit: 'crop' },
    scenes: [scene],
    shots: [
      createShot({
        id: 'shot-1' as ShotId,
        sceneId: scene.id,
        number: '1',
        durationMs: ms(2000),
        frameHash: picture.hash,
        frameSource: 'upload',
      }),
    ],
    characters: [],
  };
  const path = join(ARTIFACTS, 'vertical-crop.json');
  writeFileSync(path, projectToJson(snapshot, [picture]));
  return path;
}

/** The RGB pixels of a PNG, decoded by ffmpeg. */
function pixelsOf(png: string, width: number, height: number) {
  const raw = execFileSync(
    'ffmpeg',
    ['-v', 'error', '-i', png, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'],
    { maxBuffer: width * height * 3 + 1024 },
  );
  return (x: number, y: number): Rgb => {
    const i = (y * width + x) * 3;
    return [raw[i] ?? 0, raw[i + 1] ?? 0, raw[i + 2] ?? 0];
  };
}

let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
let errors: string[];

beforeAll(async () => {
  const projectFile = await writeProject();
  ({ context, close } = await launchPersistent());
  page = await context.newPage();
  errors = trackPageErrors(page);
  await page.goto(inject('baseUrl'));
  await page.getByLabel('Project file').setInputFiles(projectFile);
  await page.getByRole('button', { name: 'Shot 1', exact: true }).waitFor();
});

afterAll(async () => {
  await close();
});

test('a 9:16 project set to crop renders 720×1280 filled with the middle of a 16:9 picture', async () => {
  await page.getByRole('button', { name: 'Render animatic' }).click();
  await page.getByLabel('Format').selectOption({ label: 'MP4' });
  await page.getByRole('button', { name: 'Start render' }).click();
  const link = page.getByRole('link', { name: 'Download animatic' });
  await link.waitFor({ timeout: RENDER_TIMEOUT_MS });
  const download = page.waitForEvent('download');
  await link.click();
  const file = join(ARTIFACTS, 'vertical-crop.mp4');
  await (await download).saveAs(file);
  await page.getByRole('button', { name: 'Close' }).click();

  const video = probeMedia(file).streams.find((s) => s.type === 'video');
  expect(video).toMatchObject({ width: 720, height: 1280 });

  const png = join(ARTIFACTS, 'vertical-crop-1s.png');
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-ss', '1', '-i', file, '-frames:v', '1', png]);
  const at = pixelsOf(png, 720, 1280);
  // Letterboxed, the top and bottom would be black bars and the middle row blue | red | green.
  for (const [x, y] of [
    [8, 8],
    [712, 8],
    [8, 640],
    [360, 640],
    [712, 640],
    [8, 1272],
    [712, 1272],
  ] as const) {
    expect(colourDistance(at(x, y), RED), `pixel ${x},${y}: ${at(x, y).join(',')}`).toBeLessThan(
      SAME_COLOUR,
    );
  }
});

test('the contact sheet crops the picture the same way: its 9:16 cell is all red', async () => {
  const downloaded = page.waitForEvent('download');
  await chooseExport(page, 'Contact sheet');
  const png = join(ARTIFACTS, 'contact-sheet.png');
  await (await downloaded).saveAs(png);
  const { width, height } = probeMedia(png).streams.find((s) => s.type === 'video') ?? {
    width: 0,
    height: 0,
  };
  const at = pixelsOf(png, width ?? 0, height ?? 0);
  // contactSheet.ts: one 320 px wide cell at (16, 64); 9:16 makes it 569 px high.
  for (const [x, y] of [
    [20, 70],
    [332, 70],
    [20, 348],
    [176, 348],
    [332, 348],
    [20, 628],
    [332, 628],
  ] as const) {
    expect(colourDistance(at(x, y), RED), `pixel ${x},${y}: ${at(x, y).join(',')}`).toBeLessThan(
      SAME_COLOUR,
    );
  }
});

test('the image sequence crops it too: a 405×720 frame, all red', async () => {
  const downloaded = page.waitForEvent('download');
  await chooseExport(page, 'Image sequence');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Image format').selectOption('png');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const files = unzipSync(new Uint8Array(readFileSync(await (await downloaded).path())));
  const [name, bytes] = Object.entries(files)[0] ?? ['', new Uint8Array()];
  const png = join(ARTIFACTS, `sequence-${name}`);
  writeFileSync(png, bytes);
  const { width = 0, height = 0 } = probeMedia(png).streams.find((s) => s.type === 'video') ?? {};
  // The middle of the 1280×720 picture with a 9:16 shape, at the picture's own resolution.
  expect({ width, height }).toEqual({ width: 405, height: 720 });
  const at = pixelsOf(png, width, height);
  for (const [x, y] of [
    [1, 1],
    [403, 1],
    [202, 360],
    [1, 718],
    [403, 718],
  ] as const) {
    expect(colourDistance(at(x, y), RED), `pixel ${x},${y}: ${at(x, y).join(',')}`).toBeLessThan(
      SAME_COLOUR,
    );
  }
});

test("the editor's timeline package crops it too: its frame is 405×720, all red", async () => {
  const downloaded = page.waitForEvent('download');
  await chooseExport(page, 'OpenTimelineIO (.otio)');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Frame rate').selectOption('24');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const files = unzipSync(new Uint8Array(readFileSync(await (await downloaded).path())));
  const [name, bytes] = Object.entries(files).find(([n]) => n.startsWith('frames/')) ?? [
    '',
    new Uint8Array(),
  ];
  const file = join(ARTIFACTS, `timeline-${name.replace('frames/', '')}`);
  writeFileSync(file, bytes);
  const { width = 0, height = 0 } = probeMedia(file).streams.find((s) => s.type === 'video') ?? {};
  expect({ width, height }).toEqual({ width: 405, height: 720 });
  const at = pixelsOf(file, width, height);
  for (const [x, y] of [
    [1, 1],
    [403, 718],
    [202, 360],
  ] as const) {
    expect(colourDistance(at(x, y), RED), `pixel ${x},${y}: ${at(x, y).join(',')}`).toBeLessThan(
      SAME_COLOUR,
    );
  }
});

test('the PDF boards crop it too: red on the page, none of the blue and green bands', async () => {
  await page.getByRole('button', { name: 'Export PDF' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Export PDF' });
  await dialog.getByRole('img', { name: /^Preview of page/ }).waitFor();
  await dialog.getByLabel('Cover page').uncheck();
  const downloaded = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export PDF' }).click();
  const pdf = join(ARTIFACTS, 'boards.pdf');
  await (await downloaded).saveAs(pdf);
  await dialog.getByRole('button', { name: 'Close' }).click();
  const png = join(ARTIFACTS, 'boards-page1');
  execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '40', '-png', '-singlefile', pdf, png]);
  const { width = 0, height = 0 } =
    probeMedia(`${png}.png`).streams.find((s) => s.type === 'video') ?? {};
  const at = pixelsOf(`${png}.png`, width, height);
  const counts = { red: 0, blue: 0, green: 0 };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = at(x, y);
      if (colourDistance(p, RED) < SAME_COLOUR) counts.red++;
      if (colourDistance(p, BLUE) < SAME_COLOUR) counts.blue++;
      if (colourDistance(p, GREEN) < SAME_COLOUR) counts.green++;
    }
  }
  expect(counts.red).toBeGreaterThan(1000);
  expect(counts).toMatchObject({ blue: 0, green: 0 });
});

test('the app threw no errors', () => {
  expect(errors).toEqual([]);
});
