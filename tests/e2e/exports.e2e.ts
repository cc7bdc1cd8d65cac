import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { chooseExport, launchPersistent, trackPageErrors } from '../helpers/browser';
import { boardCounts, pasteScript } from '../helpers/pwa';
import { xmllintErrors } from '../helpers/xmllint';

/**
 * The Export menu as a user meets it: every item downloads a file whose contents check out
 * (timelines well-formed and zipped with their frames, one CSV row per shot, a workbook, a sorted
 * image sequence, a PNG contact sheet), and an edited .otio brought back with "Import edit…"
 * shows what it would change, applies, and undoes in one step.
 */

const ARTIFACTS = 'tests/.artifacts';
const SCRIPT = `Title: Night Shift

INT. KITCHEN - NIGHT

ANNA waits by the window. Rain.

ANNA
He is not coming.

The kettle starts to whistle.

EXT. ROOF - NIGHT

Ben lights a cigarette.

BEN
One more minute.
`;

let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
let errors: string[];
let numbers: string[];

interface ExportedProject {
  project: { shots: { id: string; number: string; durationMs: number; omitted: boolean }[] };
}

async function download(item: string, confirm?: (page: Page) => Promise<void>) {
  const file = page.waitForEvent('download');
  await chooseExport(page, item);
  if (confirm) await confirm(page);
  const done = await file;
  return { name: done.suggestedFilename(), bytes: new Uint8Array(readFileSync(await done.path())) };
}

async function projectJson(): Promise<ExportedProject> {
  const { bytes } = await download('Project file (.json)');
  return JSON.parse(strFromU8(bytes)) as ExportedProject;
}

const playing = (p: ExportedProject) => p.project.shots.filter((s) => !s.omitted);

/** The rate dialog of a timeline export: pick the rate, then Export. */
const atRate = (rate: string) => async (p: Page) => {
  const dialog = p.getByRole('dialog');
  await dialog.getByLabel('Frame rate').selectOption(rate);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
};

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ context, close } = await launchPersistent());
  page = await context.newPage();
  errors = trackPageErrors(page);
  await page.goto(inject('baseUrl'));
  await pasteScript(page, SCRIPT);
});

afterAll(async () => {
  await close();
});

test('the Export menu holds every export, and looks right', async () => {
  await expect
    .poll(() => boardCounts(page), { timeout: 60_000 })
    .toSatisfy(([all, framed]) => all > 0 && all === framed);
  numbers = playing(await projectJson()).map((s) => s.number);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const items = await page.getByRole('menuitem').allTextContents();
  expect(items).toEqual(
    expect.arrayContaining([
      'OpenTimelineIO (.otio)',
      'Final Cut Pro 7 XML',
      'FCPXML',
      'EDL (CMX 3600)',
      'Image sequence',
      'Shot list (CSV)',
      'Shot list (XLSX)',
      'Review page',
      'Subtitles (SRT)',
      'Subtitles (VTT)',
      'Script (Fountain)',
      'Script (Final Draft FDX)',
      'Project file (.json)',
      'Frameline bundle (.frameline)',
      'Import edit…',
      'Import review…',
    ]),
  );
  for (const [width, height] of [
    [1440, 900],
    [1024, 768],
  ] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      await page.getByRole('menu', { name: 'Export' }).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, `export-menu-${width}-${scheme}.png`) });
    }
  }
  await page.keyboard.press('Escape');
  await page.emulateMedia({ colorScheme: 'light' });
});

test.each([
  ['OpenTimelineIO (.otio)', '23.976', '.otio'],
  ['Final Cut Pro 7 XML', '29.97', '.xml'],
  ['FCPXML', '25', '.fcpxml'],
  ['EDL (CMX 3600)', '29.97', '.edl'],
])('%s at %s fps: the timeline and its frames in one zip', async (item, rate, extension) => {
  const { name, bytes } = await download(item, atRate(rate));
  expect(name).toMatch(new RegExp(`-${rate.replace('.', '')}fps\\.zip$`));
  const zip = unzipSync(bytes);
  const frames = Object.keys(zip).filter((n) => n.startsWith('frames/'));
  expect(frames.sort()).toEqual(numbers.map((n) => `frames/${n}.png`).sort());
  const timelineName = Object.keys(zip).find((n) => n.endsWith(extension));
  const text = strFromU8(zip[timelineName ?? ''] ?? new Uint8Array());
  if (extension === '.otio') {
    const otio = JSON.parse(text) as {
      tracks: { children: { children: { OTIO_SCHEMA: string; name: string }[] }[] };
    };
    const clips = otio.tracks.children[0]?.children.filter((c) => c.OTIO_SCHEMA === 'Clip.2') ?? [];
    expect(clips.map((c) => c.name)).toEqual(numbers);
  } else if (extension === '.edl') {
    expect(text).toContain('FCM: DROP FRAME');
    expect(text.match(/^\d{3} {2}AX {7}V {5}C {8}/gm)).toHaveLength(numbers.length);
  } else {
    expect(xmllintErrors(text)).toBe('');
    for (const n of numbers) expect(text).toContain(`frames/${n}.png`);
  }
});

test('image sequence, contact sheet and shot lists', async () => {
  const sequence = await download('Image sequence', async (p) => {
    const dialog = p.getByRole('dialog');
    await dialog.getByLabel('Image format').selectOption('jpeg');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  });
  const names = Object.keys(unzipSync(sequence.bytes));
  expect(names).toEqual(numbers.map((n, i) => `${String(i + 1).padStart(4, '0')}_${n}.jpg`));
  expect([...(unzipSync(sequence.bytes)[names[0] ?? ''] ?? []).slice(0, 3)]).toEqual([
    0xff, 0xd8, 0xff,
  ]);

  const sheet = await download('Contact sheet');
  expect(sheet.name).toBe('night-shift-contact-sheet.png');
  expect([...sheet.bytes.slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
  writeFileSync(join(ARTIFACTS, 'contact-sheet.png'), sheet.bytes);

  const csv = await download('Shot list (CSV)');
  const text = new TextDecoder().decode(csv.bytes);
  expect(csv.bytes.slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  const rows = text.trimEnd().split('\r\n');
  // TextDecoder drops the BOM checked above.
  expect(rows[0]).toBe(
    'Shot,Scene,Type,Angle,Move,Lens,Duration (s),Action,Dialogue,Characters,Notes,Approval',
  );
  expect(rows.slice(1).map((r) => r.split(',')[0])).toEqual(numbers);

  const xlsx = await download('Shot list (XLSX)');
  expect(xlsx.name).toBe('night-shift-shot-list.xlsx');
  const sheetXml = Object.entries(unzipSync(xlsx.bytes))
    .filter(([n]) => n.startsWith('xl/'))
    .map(([, b]) => strFromU8(b))
    .join('');
  for (const n of numbers) expect(sheetXml).toContain(`>${n}<`);
});

test('subtitles and script from the same menu', async () => {
  expect((await download('Subtitles (SRT)')).name).toBe('night-shift.srt');
  expect(strFromU8((await download('Subtitles (VTT)')).bytes)).toMatch(/^WEBVTT/);
  expect(strFromU8((await download('Script (Fountain)')).bytes)).toContain('INT. KITCHEN - NIGHT');
  expect((await download('Script (Final Draft FDX)')).name).toBe('night-shift.fdx');
});

test('an edited .otio conforms: summary, apply, undo', async () => {
  const { bytes } = await download('OpenTimelineIO (.otio)', atRate('24'));
  const zip = unzipSync(bytes);
  const name = Object.keys(zip).find((n) => n.endsWith('.otio')) ?? '';
  const otio = JSON.parse(strFromU8(zip[name] ?? new Uint8Array())) as {
    tracks: { children: { children: Record<string, unknown>[] }[] };
  };
  const video = otio.tracks.children[0];
  if (!video) throw new Error('no video track');
  const clips = video.children.filter((c) => c.OTIO_SCHEMA === 'Clip.2');
  // The editor swaps the first two shots and drops the last one.
  const [a, b, ...rest] = clips;
  if (!a || !b) throw new Error('two clips at least');
  video.children = [b, a, ...rest.slice(0, -1)];
  const edited = join(ARTIFACTS, 'edited.otio');
  writeFileSync(edited, JSON.stringify(otio));

  const before = playing(await projectJson()).map((s) => s.number);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: 'Import edit…' }).click();
  await (await chooser).setFiles(edited);
  const dialog = page.getByRole('dialog', { name: 'Conform edit' });
  await dialog.waitFor();
  await expect.poll(() => dialog.textContent()).toContain('1 shot moved');
  await expect.poll(() => dialog.textContent()).toContain('1 shot deleted');
  for (const [width, height] of [
    [1440, 900],
    [1024, 768],
  ] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: join(ARTIFACTS, `conform-${width}-${scheme}.png`) });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await dialog.getByRole('button', { name: 'Apply edit' }).click();
  await dialog.waitFor({ state: 'detached' });
  const expected = [before[1], before[0], ...before.slice(2, -1)];
  await expect
    .poll(async () => playing(await projectJson()).map((s) => s.number))
    .toEqual(expected);

  await page.getByRole('button', { name: 'Undo', exact: true }).first().click();
  await expect.poll(async () => playing(await projectJson()).map((s) => s.number)).toEqual(before);
  expect(errors).toEqual([]);
});
