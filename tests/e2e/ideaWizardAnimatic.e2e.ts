import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { startFakeProvider, type FakeProviderServer } from '../fake-provider/server';
import type { CallEntry } from '../fake-provider/script';
import { launchPersistent, reloadThroughPrompt, trackPageErrors } from '../helpers/browser';
import { addProvider } from '../helpers/providerSettings';
import { probeVideo } from '../helpers/ffprobe';

/**
 * "From an idea" to a rendered animatic with one OpenAI provider (the fake) doing everything it
 * can: the outline, script and bible (text), a frame per shot (images), a voice per line
 * (speech). A frame request is refused once with a 500 mid-run (the router asks again). The
 * fake's call log then shows no request answered whole sent twice, and the animatic, its frames
 * and its voices are all there. The page is reloaded while a picture is on its way: the tab asks
 * first, the run resumes, and says the picture cut off was asked again (its answer was lost).
 */

const ARTIFACTS = 'tests/.artifacts/idea-wizard';
const IDEA = 'A keeper rows out into the fog.\nShe answers a message in a bottle.';

let fake: FakeProviderServer;
let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
let errors: string[];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
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

const rail = () => page.getByRole('navigation', { name: 'Steps' });
const railItem = (label: string) => rail().getByRole('button', { name: new RegExp(`^${label}`) });
const runState = () => page.locator('.idea-run-state').innerText();
const images = () => fake.calls().filter((c) => c.kind === 'image');
const inFlight = (c: CallEntry) => c.status === null;
const whole = (kind: string) =>
  fake.calls().filter((c) => c.kind === kind && c.status === 200 && c.finished);

test('OpenAI set up in Settings: the estimate prices text, frames and voices', async () => {
  await addProvider(page, {
    type: 'openai',
    // Answers take a moment, so a picture is on its way when the page reloads.
    baseUrl: fake.baseUrl('openai', 'slow-600', 'v1'),
    key: 'sk-wizard-animatic',
  });

  await page.getByRole('button', { name: 'From an idea', exact: true }).click();
  await page.getByLabel('Idea', { exact: true }).fill(IDEA);
  const costs = page.locator('table.idea-costs tbody tr');
  await expect.poll(() => costs.first().innerText()).toMatch(/OpenAI/);
});

test('a frame refused once mid-run is asked again by the router; a reload mid-frames pauses', async () => {
  fake.fail({ kind: 'image', nth: 2, status: 500 });
  await page.getByRole('button', { name: /^Run all/ }).click();
  // Past the refused one, the next picture asked and not answered yet: the page goes.
  await expect
    .poll(() => images().filter((c) => c.finished).length >= 3 && images().some(inFlight), {
      timeout: 120_000,
    })
    .toBe(true);
  expect(await reloadThroughPrompt(page)).toEqual(['beforeunload']);
  await expect.poll(runState).toMatch(/^Paused/);
  await page
    .getByText(/^1 (frame|character sheet) was being made when the page closed: no answer came/)
    .waitFor();
});

test('Resume to the end: the picture cut off is asked again, and the run says so', async () => {
  await page.getByRole('button', { name: /^Resume/ }).click();
  await expect.poll(runState, { timeout: 180_000 }).toMatch(/^Done · 10 of 10 steps done/);
  await page
    .getByText(
      /^1 (frame|character sheet) was being made when the page closed; it was asked again\.$/,
    )
    .waitFor();
  const video = page.getByLabel('Rendered animatic');
  await video.waitFor();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Download .*\.mp4/ }).click();
  const file = `${ARTIFACTS}/animatic-providers.mp4`;
  await (await download).saveAs(file);
  const probed = probeVideo(file);
  expect(probed.codec).toBe('h264');
  expect(probed.durationSeconds).toBeGreaterThan(3);
});

test('no request answered whole was sent twice', () => {
  for (const kind of ['text', 'image', 'speech']) {
    const bodies = whole(kind).map((c) => c.bodySha256);
    expect(bodies.length, kind).toBeGreaterThan(0);
    expect(new Set(bodies).size, kind).toBe(bodies.length);
  }
  // The refused frame was asked again, and only it; the one the reload cut off never arrived
  // whole (it was asked again after Resume). No other picture request fell short.
  const refused = images().filter((c) => c.status === 500);
  expect(refused).toHaveLength(1);
  expect(images().filter((c) => c.status !== 500 && !c.finished)).toHaveLength(1);
});

test('the character sheets are seen in their own step, and one can be redrawn', async () => {
  await railItem('Character sheets').click();
  const pictures = page.locator('.idea-sheet img');
  await expect.poll(() => pictures.count()).toBeGreaterThan(0);
  const before = await pictures.first().getAttribute('src');
  const asked = images().length;
  await page
    .getByRole('button', { name: /^Redraw the sheet of / })
    .first()
    .click();
  // One picture asked for that sheet alone, and the card shows the new one.
  await expect
    .poll(() => pictures.first().getAttribute('src'), { timeout: 60_000 })
    .not.toBe(before);
  expect(images().length).toBe(asked + 1);
});

test('the project has a picture on every board, each one paid for once', async () => {
  await railItem('Project').click();
  await page.getByRole('link', { name: /^Open “/ }).click();
  await page.getByRole('navigation', { name: 'Scenes' }).waitFor();
  const boards = await page.locator('.board').count();
  expect(boards).toBeGreaterThan(1);
  // One image per board, and one per character sheet made first as the frames' reference.
  expect(whole('image').length).toBeGreaterThanOrEqual(boards);
  await expect.poll(() => page.locator('.board img').count(), { timeout: 30_000 }).toBe(boards);
});

test('the app threw no errors', () => {
  expect(errors).toEqual([]);
});
