import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launchPersistent, trackPageErrors } from '../helpers/browser';
import { probeVideo } from '../helpers/ffprobe';
import { writeRenderProject } from '../helpers/renderProject';

/**
 * Custom pipelines on a small project, offline: compose frames (offline: sketches) + render, save
 * it as a template, export it as a .frameline-pipeline.json, import it back (a broken file is
 * refused saying where), run it with its cost first and progress, and a video results. Screenshots
 * at 1024 and 1440 wide, light and dark.
 */
const ARTIFACTS = 'tests/.artifacts/pipelines-e2e';

let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
let errors: string[];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
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

afterAll(async () => {
  await close();
});

const dialog = () => page.getByRole('dialog', { name: 'Pipelines' });

async function shoot(name: string) {
  for (const size of [
    { width: 1440, height: 900 },
    { width: 1024, height: 768 },
  ]) {
    await page.setViewportSize(size);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${ARTIFACTS}/${name}-${size.width}-${scheme}.png` });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 900 });
}

let exported = '';

test('compose frames (offline) + render, save it as a template and export it', async () => {
  await page.getByRole('button', { name: 'Pipelines', exact: true }).click();
  const d = dialog();
  await d.getByLabel('Provider for Frames (step 1)').selectOption('offline');
  await d.getByLabel('Name').fill('Boards offline');
  // Voices added, then moved below the render: refused with where, moved back.
  await d.getByLabel('Add step').selectOption({ label: 'Voices' });
  await d.getByRole('button', { name: 'Move Voices (step 2) down' }).click();
  await d.getByRole('alert').getByText('steps[2].kind').waitFor();
  expect(await d.getByRole('button', { name: 'Save as template' }).isDisabled()).toBe(true);
  await d.getByRole('button', { name: 'Remove Voices (step 3)' }).click();
  await d.getByRole('button', { name: 'Save as template' }).click();
  await d.getByText('Saved “Boards offline” as a template.').waitFor();
  await d
    .getByRole('complementary', { name: 'Templates' })
    .getByRole('button', { name: 'Boards offline', exact: true })
    .waitFor();
  const download = page.waitForEvent('download');
  await d.getByRole('button', { name: 'Export file' }).click();
  exported = `${ARTIFACTS}/boards-offline.frameline-pipeline.json`;
  const file = await download;
  expect(file.suggestedFilename()).toBe('boards-offline.frameline-pipeline.json');
  await file.saveAs(exported);
  const json = JSON.parse(readFileSync(exported, 'utf8')) as { format: string; steps: unknown[] };
  expect(json.format).toBe('frameline.pipeline');
  expect(json.steps).toEqual([
    { kind: 'frames', provider: 'offline', options: { sheets: true } },
    {
      kind: 'render',
      provider: 'auto',
      options: { format: 'mp4', resolution: 720, quality: 'medium' },
    },
  ]);
  await shoot('composed');
});

test('a broken file is refused saying what and where; the exported one imports back', async () => {
  const d = dialog();
  await d.getByRole('button', { name: 'New pipeline' }).click();
  const broken = `${ARTIFACTS}/broken.frameline-pipeline.json`;
  writeFileSync(
    broken,
    JSON.stringify({
      format: 'frameline.pipeline',
      version: 1,
      name: 'Bad',
      steps: [{ kind: 'teleport' }, { kind: 'frames', provider: 'nobody' }],
    }),
  );
  await d.getByLabel('Pipeline file').setInputFiles(broken);
  await d.getByText('broken.frameline-pipeline.json was not imported.').waitFor();
  expect(await d.getByRole('alert').innerText()).toMatch(
    /steps\[0\]\.kind\s+Unknown step “teleport”/,
  );
  await d.getByLabel('Pipeline file').setInputFiles(exported);
  await d.getByText(/Imported “Boards offline”/).waitFor();
  expect(await d.getByLabel('Name').inputValue()).toBe('Boards offline');
  expect(await d.getByLabel('Provider for Frames (step 1)').inputValue()).toBe('offline');
  await shoot('imported');
});

test('run it on the project: cost first, then a rendered video', async () => {
  const d = dialog();
  await d.getByRole('button', { name: 'Run on this project' }).click();
  const run = d.getByRole('region', { name: 'Run' });
  await run.getByText(/Left: 0 calls, estimated \$0/).waitFor();
  const video = run.getByLabel('Rendered animatic');
  await video.waitFor({ timeout: 120_000 });
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.duration), { timeout: 20_000 })
    .toBeGreaterThan(4);
  expect(await run.locator('.pipelines-run-state').innerText()).toBe('done');
  await run.getByText(/keep their sketches/).waitFor();
  const download = page.waitForEvent('download');
  await run.getByRole('button', { name: /^Download .*\.mp4/ }).click();
  const path = `${ARTIFACTS}/animatic.mp4`;
  await (await download).saveAs(path);
  expect(probeVideo(path).durationSeconds).toBeGreaterThan(4);
  await shoot('ran');
});

test('the template is still there after a reload', async () => {
  await page.reload();
  await page.getByRole('button', { name: 'Pipelines', exact: true }).click();
  await dialog()
    .getByRole('complementary', { name: 'Templates' })
    .getByRole('button', { name: 'Boards offline', exact: true })
    .click();
  expect(await dialog().getByLabel('Name').inputValue()).toBe('Boards offline');
});

test('the app threw no errors', () => {
  expect(errors).toEqual([]);
});
