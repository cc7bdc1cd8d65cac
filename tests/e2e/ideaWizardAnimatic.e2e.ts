import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { startFakeProvider, type FakeProviderServer } from '../fake-provider/server';
import { launchPersistent, trackPageErrors } from '../helpers/browser';
import { addProvider } from '../helpers/providerSettings';
import { probeVideo } from '../helpers/ffprobe';

/**
 * "From an idea" to a rendered animatic with one OpenAI provider (the fake) doing everything it
 * can: the outline, script and bible (text), a frame per shot (images), a voice per line
 * (speech). A frame request is refused once with a 500 mid-run (the router asks again). The
 * fake's call log then shows no request answered whole sent twice, and the animatic, its frames
 * and its voices are all there. (A reload mid-run is ideaWizardProviders.e2e.ts's: a request in
 * flight when the page goes cannot be known to have been answered, so it is asked again there.)
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
const whole = (kind: string) =>
  fake.calls().filter((c) => c.kind === kind && c.status === 200 && c.finished);

test('OpenAI set up in Settings: the estimate prices text, frames and voices', async () => {
  await addProvider(page, {
    type: 'openai',
    baseUrl: fake.baseUrl('openai', 'ok', 'v1'),
    key: 'sk-wizard-animatic',
  });

  await page.getByRole('button', { name: 'From an idea', exact: true }).click();
  await page.getByLabel('Idea', { exact: true }).fill(IDEA);
  const costs = page.locator('table.idea-costs tbody tr');
  await expect.poll(() => costs.first().innerText()).toMatch(/OpenAI/);
});

test('Run all to the end; a frame refused once mid-run is asked again by the router', async () => {
  fake.fail({ kind: 'image', nth: 2, status: 500 });
  await page.getByRole('button', { name: /^Run all/ }).click();
  await expect.poll(runState, { timeout: 180_000 }).toMatch(/^Done · 9 of 9 steps done/);
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
  // The refused frame was asked again, and only it.
  const refused = fake.calls().filter((c) => c.kind === 'image' && c.status === 500);
  expect(refused).toHaveLength(1);
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
