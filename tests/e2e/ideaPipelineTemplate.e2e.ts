import { mkdirSync, writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { CallEntry } from '../fake-provider/script';
import { startFakeProvider, type FakeProviderServer } from '../fake-provider/server';
import { launchPersistent, reloadThroughPrompt, trackPageErrors } from '../helpers/browser';
import { probeVideo } from '../helpers/ffprobe';
import { addProvider } from '../helpers/providerSettings';
import { shootThemes } from '../helpers/screens';

/**
 * "From an idea" with a saved pipeline instead of the default steps: a pipeline file with script,
 * shot plan, frames and render is imported in the wizard and runs against the fake OpenAI server
 * (slow answers, so a frame is on its way when the page reloads). The tab asks before it goes;
 * the run, opened again, is rebuilt from the pipeline it keeps, says the frame cut off is asked
 * again, and finishes with boards and a video. The call log shows that frame, and only it, twice.
 */

const ARTIFACTS = 'tests/.artifacts/idea-wizard';
const IDEA = 'A keeper rows out into the fog.\nShe answers a message in a bottle.';
const PIPELINE_FILE = `${ARTIFACTS}/fog-boards.frameline-pipeline.json`;

let fake: FakeProviderServer;
let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
let errors: string[];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(
    PIPELINE_FILE,
    JSON.stringify({
      format: 'frameline.pipeline',
      version: 1,
      name: 'Fog boards',
      steps: [
        { kind: 'script', provider: 'auto' },
        { kind: 'plan' },
        // No sheets: every frame request is a plain JSON body, so one sent twice hashes the same.
        { kind: 'frames', provider: 'auto', options: { sheets: false } },
        { kind: 'render', options: { format: 'mp4' } },
      ],
    }),
  );
  fake = await startFakeProvider();
  ({ context, close } = await launchPersistent());
  page = await context.newPage();
  errors = trackPageErrors(page);
  await page.goto(inject('baseUrl'));
});

afterAll(async () => {
  await close();
  await fake.close();
});

const shoot = (name: string) => shootThemes(page, ARTIFACTS, name);
const rail = () => page.getByRole('navigation', { name: 'Steps' });
const railLabels = async () =>
  (await rail().locator('.idea-rail-text strong').allInnerTexts()).slice(1);
const runState = () => page.locator('.idea-run-state').innerText();
const images = () => fake.calls().filter((c) => c.kind === 'image');
const inFlight = (c: CallEntry) => c.status === null;

const TEMPLATE_STEPS = [
  'Outline',
  'Script',
  'Breakdown',
  'Shot plan',
  'Project',
  'Frames',
  'Render',
];

test('a pipeline file imported in the wizard becomes the run’s steps, priced first', async () => {
  await addProvider(page, {
    type: 'openai',
    baseUrl: fake.baseUrl('openai', 'slow-1200', 'v1'),
    key: 'sk-template-run',
  });
  await page.getByRole('button', { name: 'From an idea', exact: true }).click();
  await page.getByLabel('Idea', { exact: true }).fill(IDEA);
  await page.getByLabel('Pipeline file').setInputFiles(PIPELINE_FILE);
  await expect
    .poll(() => page.getByRole('combobox', { name: 'Steps' }).locator('option:checked').innerText())
    .toBe('Saved pipeline “Fog boards”');
  expect(await railLabels()).toEqual(TEMPLATE_STEPS);
  const costs = page.locator('table.idea-costs tbody tr');
  await expect.poll(() => costs.filter({ hasText: 'Frames' }).innerText()).toMatch(/OpenAI/);
  expect(await page.getByLabel('Idea', { exact: true }).inputValue()).toBe(IDEA);
  await shoot('template-chosen');
});

test('a reload while a frame is on its way: the tab asks first, the run says so', async () => {
  await page.getByRole('button', { name: /^Run all/ }).click();
  // One frame answered, the next one asked and not answered yet.
  await expect
    .poll(() => images().some((c) => c.finished) && images().some(inFlight), { timeout: 90_000 })
    .toBe(true);
  expect(await reloadThroughPrompt(page)).toEqual(['beforeunload']);
  await expect.poll(runState).toMatch(/^Paused/);
  expect(await railLabels()).toEqual(TEMPLATE_STEPS);
  await page
    .getByText('1 frame was being made when the page closed: no answer came, so it is asked again')
    .waitFor();
});

test('Resume finishes with boards and a video; the cut-off frame alone was asked twice', async () => {
  await page.getByRole('button', { name: /^Resume/ }).click();
  await expect.poll(runState, { timeout: 180_000 }).toMatch(/^Done · 7 of 7 steps done/);
  await page
    .getByText('1 frame was being made when the page closed; it was asked again.')
    .waitFor();
  await shoot('template-resumed');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Download .*\.mp4/ }).click();
  const file = `${ARTIFACTS}/animatic-template.mp4`;
  await (await download).saveAs(file);
  expect(probeVideo(file).codec).toBe('h264');

  const all = images();
  const bodies = all.map((c) => c.bodySha256);
  const twice = bodies.filter((b, i) => bodies.indexOf(b) !== i);
  expect(twice).toHaveLength(1);
  // Of the two, the first never reached the page whole; no answer that did was asked again.
  const first = all.find((c) => c.bodySha256 === twice[0]);
  expect(first?.finished).toBe(false);
  const whole = all.filter((c) => c.finished && c.status === 200).map((c) => c.bodySha256);
  expect(new Set(whole).size).toBe(whole.length);
  // Only the steps the pipeline has: an outline and a script, no character bible, no voices.
  expect(fake.calls().filter((c) => c.kind === 'text' && c.finished)).toHaveLength(2);
  expect(fake.calls().filter((c) => c.kind === 'speech')).toHaveLength(0);

  await rail()
    .getByRole('button', { name: /^Project/ })
    .click();
  await page.getByRole('link', { name: /^Open “/ }).click();
  await page.getByRole('navigation', { name: 'Scenes' }).waitFor();
  const boards = await page.locator('.board').count();
  expect(boards).toBe(new Set(bodies).size);
  await expect.poll(() => page.locator('.board img').count(), { timeout: 30_000 }).toBe(boards);
});

test('the app threw no errors', () => {
  expect(errors).toEqual([]);
});
