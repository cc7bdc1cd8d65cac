import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { startFakeProvider, type FakeProviderServer } from '../fake-provider/server';
import { launchPersistent, reloadThroughPrompt, trackPageErrors } from '../helpers/browser';
import { shootThemes } from '../helpers/screens';

/**
 * "From an idea" with a text provider (the fake, as an OpenAI-compatible server): the cost is
 * named before the run, the script streams in, a reload mid-stream pauses the run and Resume
 * finishes it, a malformed character bible is shown with the model's own words and Retry, and
 * the fake's call log shows no answer that arrived whole was asked for twice.
 */

const ARTIFACTS = 'tests/.artifacts/idea-wizard';
const IDEA = 'A lighthouse keeper keeps the lamp lit on her last night.\nA ship is out there.';

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

const shoot = (name: string) => shootThemes(page, ARTIFACTS, name);

const rail = () => page.getByRole('navigation', { name: 'Steps' });
const railItem = (label: string) => rail().getByRole('button', { name: new RegExp(`^${label}`) });
const title = 'A lighthouse keeper keeps the lamp';

test('a text provider set up in Settings is the one the estimate names', async () => {
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('region', { name: 'AI providers' });
  await settings.getByRole('button', { name: 'Add provider' }).click();
  await settings.getByLabel('Provider type').selectOption('openaiCompatible');
  await settings.getByLabel('Display name').fill('Fake writer');
  await settings.getByLabel('Base URL').fill(fake.baseUrl('openai', 'ok', 'v1'));
  await settings.getByLabel('API key').fill('sk-idea-wizard-test');
  await settings.getByLabel('Model', { exact: true }).fill('fake-model');
  await page.getByRole('button', { name: 'Save provider' }).click();
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'From an idea', exact: true }).click();
  await page.getByLabel('Idea', { exact: true }).fill(IDEA);
  await page.getByRole('heading', { name: title }).waitFor();
  const outline = page.locator('table.idea-costs tbody tr').first();
  await expect.poll(() => outline.innerText()).toMatch(/Fake writer/);
  expect(await outline.innerText()).toMatch(/\t1\t/);
  expect(await page.locator('table.idea-costs caption').innerText()).toMatch(/3 calls/);
  const choices = await page.getByLabel('Provider for Outline').locator('option').allInnerTexts();
  expect(choices).toEqual(['Auto (Fake writer first)', 'Offline', 'Fake writer']);
});

test('the outline comes from the model; the script streams in as it is written', async () => {
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect.poll(() => page.getByLabel('Beat 2 title').inputValue()).toBe('The stranger');
  // The rail is reachable by keyboard: Tab from one step to the next, Enter shows it.
  await railItem('Idea and brief').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Idea and brief', level: 2 }).waitFor();
  await railItem('Idea and brief').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Outline', level: 2 }).waitFor();
  fake.setStreamDelay(80);
  await page.getByRole('button', { name: 'Accept and make script' }).click();
  const soFar = page.getByLabel('Script so far');
  await soFar.waitFor();
  // Text arrives in pieces: what is shown grows while the step is still working.
  const first = (await soFar.innerText()).length;
  await expect.poll(async () => (await soFar.innerText()).length).toBeGreaterThan(first);
  expect(await railItem('Script').innerText()).toMatch(/Working/);
  // Slower now, so the script is still on its way through the screenshots and the reload.
  fake.setStreamDelay(1000);
  await shoot('streaming');
});

test('a reload mid-stream leaves the run paused; Resume finishes it without asking twice', async () => {
  // A paid call is under way: the tab asks before it goes.
  expect(await reloadThroughPrompt(page)).toEqual(['beforeunload']);
  await page.getByRole('heading', { name: title }).waitFor();
  await expect.poll(() => page.locator('.idea-run-state').innerText()).toMatch(/^Paused/);
  fake.setStreamDelay(1);
  // The bible comes back malformed twice: the first is asked again, the second is an error.
  fake.malformed('bible', 2);
  await page.getByRole('button', { name: /^Resume/ }).click();
  await page.getByRole('heading', { name: 'Characters', level: 2 }).waitFor();
  await page.getByRole('alert').filter({ hasText: 'Characters failed' }).waitFor();
  await railItem('Script').click();
  const script = page.getByRole('textbox', { name: 'Script (Fountain)' });
  await expect.poll(() => script.textContent()).toMatch(/^Title: /);
});

test('a malformed bible shows what the model answered, and Retry asks again', async () => {
  await railItem('Characters').click();
  const alert = page.getByRole('alert').filter({ hasText: 'Characters failed' });
  expect(await alert.innerText()).toMatch(/not in the expected shape|no JSON|JSON/);
  expect(await alert.locator('pre').innerText()).not.toBe('');
  expect(await alert.getByRole('button', { name: 'Write it by hand' }).isVisible()).toBe(true);
  await shoot('failed');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect.poll(() => railItem('Characters').innerText()).toMatch(/Done/);
  await page
    .getByLabel(/: Wardrobe$/)
    .first()
    .waitFor();
  expect(await page.locator('.idea-run-state').innerText()).not.toMatch(/failed/i);
});

test('no answer that arrived whole was asked for twice', () => {
  const requests = fake.requests();
  const whole = fake.calls().filter((c) => c.finished && c.status === 200);
  const asked = (system: string) =>
    whole.filter((c) => requests[c.seq - 1]?.body.includes(system)).map((c) => c.bodySha256);
  // The outline once; the script once whole (the reload cut the first stream, which never
  // finished); the bible three times: asked, asked again with a correction, and Retry.
  expect(asked('You are a story editor')).toHaveLength(1);
  expect(asked('You are a screenwriter')).toHaveLength(1);
  const bible = asked('character bible');
  expect(bible).toHaveLength(3);
  expect(new Set(bible).size).toBe(2);
  expect(requests).toHaveLength(fake.calls().length);
});

test('a run is deleted from the projects page after asking', async () => {
  await page.getByRole('link', { name: '← All projects' }).click();
  const runs = page.getByRole('region', { name: 'From an idea' });
  await runs.getByRole('button', { name: `Delete the run ${title}`, exact: false }).click();
  const dialog = page.getByRole('dialog', { name: /^Delete “A lighthouse keeper/ });
  await dialog.getByRole('button', { name: 'Delete run' }).click();
  await expect.poll(() => runs.count()).toBe(0);
});

test('the app threw no errors', () => {
  expect(errors).toEqual([]);
});
