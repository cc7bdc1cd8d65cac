import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { startFakeProvider, type FakeProviderServer } from '../fake-provider/server';
import { launchPersistent, trackPageErrors } from '../helpers/browser';

/** Scratch dialogue through the provider router: each line spoken, laid on the shot, fitted. */

const SCRIPT = `INT. KITCHEN - NIGHT

ANNA
He is not coming.

BEN
I'm right here.
`;

let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
let errors: string[];
let fake: FakeProviderServer;

beforeAll(async () => {
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

test('with a speech provider set, a shot’s dialogue becomes voice clips and the shot fits them', async () => {
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('region', { name: 'AI providers' });
  await settings.getByRole('button', { name: 'Add provider' }).click();
  await settings.getByLabel('Provider type').selectOption('openai');
  await settings.getByLabel('Base URL').fill(fake.baseUrl('openai', 'ok', 'v1'));
  await settings.getByLabel('API key').fill('sk-tts-test-key');
  await page.getByRole('button', { name: 'Save provider' }).click();
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Paste script' }).click();
  await page.getByLabel('Screenplay text').fill(SCRIPT);
  await page.getByRole('button', { name: 'Import pasted script' }).click();
  const talk = page.getByRole('button', { name: /^Shot / }).last();
  await talk.click();
  const speak = page.getByRole('button', { name: 'Speak dialogue' });
  await expect.poll(() => speak.isEnabled()).toBe(true);
  await speak.click();
  await expect
    .poll(() => page.getByText(/^Text to speech · 0\.8 s( at \d+\.\d s)?$/).count(), {
      timeout: 30_000,
    })
    .toBe(2);
  await page.getByRole('button', { name: 'Fit to audio' }).click();
  // Two 0.8 s lines with a 0.25 s gap, plus 0.3 s of air after the last.
  await expect
    .poll(async () =>
      Math.abs(Number(await page.getByLabel('Duration (seconds)').inputValue()) - 2.15),
    )
    .toBeLessThanOrEqual(0.06);
});

test('the page never threw', () => {
  expect(errors).toEqual([]);
});
