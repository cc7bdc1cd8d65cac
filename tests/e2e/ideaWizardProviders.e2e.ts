import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { CallEntry } from '../fake-provider/script';
import { startFakeProvider, type FakeProviderServer } from '../fake-provider/server';
import { launchPersistent, reloadThroughPrompt, trackPageErrors } from '../helpers/browser';
import { addProvider } from '../helpers/providerSettings';
import { shootThemes } from '../helpers/screens';

/**
 * "From an idea" to a project with boards, with Anthropic's Messages API (the fake) writing,
 * through provider failures: the script's stream is cut half way (the step fails with what had
 * arrived, the router does not send it again on its own, Retry does), the bible's first request
 * is refused with a 429 (the router waits and asks again, unseen), and the page is reloaded while
 * the bible streams in (the run is paused; Resume finishes it). The fake's call log shows every
 * request; none that was answered whole was sent twice, and the project's boards are all there.
 */

const ARTIFACTS = 'tests/.artifacts/idea-wizard';
const IDEA = 'An old keeper lights the lamp on her last night.\nA ship is out in the storm.';
const TITLE = 'An old keeper lights the lamp';

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
const runState = () => page.locator('.idea-run-state').innerText();
const textCalls = () => fake.calls().filter((c) => c.kind === 'text');
/** Which step a text request was for, by the instructions it carried. */
const stepOf = (call: CallEntry) => {
  const body = fake.requests()[call.seq - 1]?.body ?? '';
  return body.includes('You are a story editor')
    ? 'outline'
    : body.includes('You are a screenwriter')
      ? 'script'
      : body.includes('character bible')
        ? 'bible'
        : 'other';
};

test('Anthropic set up in Settings writes the run', async () => {
  await addProvider(page, {
    type: 'anthropic',
    baseUrl: fake.baseUrl('anthropic'),
    key: 'sk-ant-wizard-failures',
  });

  await page.getByRole('button', { name: 'From an idea', exact: true }).click();
  await page.getByLabel('Idea', { exact: true }).fill(IDEA);
  await page.getByRole('heading', { name: TITLE }).waitFor();
  const outline = page.locator('table.idea-costs tbody tr').first();
  await expect.poll(() => outline.innerText()).toMatch(/Anthropic/);
});

test('a stream cut mid-script fails the step with what had arrived; it is not sent again by itself', async () => {
  fake.setStreamDelay(10);
  // Text request 1 is the outline, 2 the script: its stream stops half way.
  fake.fail({ kind: 'text', nth: 2, cut: true });
  await page.getByRole('button', { name: /^Run all/ }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Script failed' });
  await alert.waitFor({ timeout: 30_000 });
  expect(await alert.innerText()).toMatch(/stopped half way.*did not send the request again/s);
  const arrived = await alert.locator('pre').innerText();
  expect(arrived).toMatch(/^Title: /);
  expect(await runState()).toMatch(/^Stopped at a failure/);
  await shoot('provider-cut');
  // Give a resend every chance to show: none comes.
  await page.waitForTimeout(1500);
  expect(textCalls().map((c) => [stepOf(c), c.status, c.finished, c.scripted])).toEqual([
    ['outline', 200, true, null],
    ['script', 200, false, 'cut'],
  ]);
});

test('Retry writes the script again, whole', async () => {
  await page
    .getByRole('alert')
    .filter({ hasText: 'Script failed' })
    .getByRole('button', { name: 'Retry' })
    .click();
  await expect.poll(() => railItem('Script').innerText()).toMatch(/Done/);
  await railItem('Script').click();
  // The script is a CodeMirror editor: its text is its lines.
  const script = await page
    .getByRole('textbox', { name: 'Script (Fountain)' })
    .evaluate((el) =>
      [...el.querySelectorAll('.cm-line')].map((line) => line.textContent ?? '').join('\n'),
    );
  expect(script).toMatch(/^Title: /);
  expect(script).toMatch(/Told you\. One more night\.\s*$/); // the end, which the cut lost
});

test('a refused request is retried by the router unseen; a reload mid-stream pauses the run', async () => {
  // The bible's first request gets a 429; the router's retry streams slowly, and the page goes
  // away in the middle of it.
  fake.fail({ kind: 'text', nth: 1, status: 429 });
  fake.setStreamDelay(150);
  await page.getByRole('button', { name: /^(Run all|Resume)/ }).click();
  await page.getByLabel('Characters so far').waitFor({ timeout: 30_000 });
  // A paid call is under way: the tab asks before it goes.
  expect(await reloadThroughPrompt(page)).toEqual(['beforeunload']);
  await page.getByRole('heading', { name: TITLE }).waitFor();
  await expect.poll(runState).toMatch(/^Paused/);
  // The answer cut off is told of like a frame: it will be asked (and paid for) again.
  await page
    .getByText(/^1 text answer was being made when the page closed: no answer came/)
    .waitFor();
  const bible = textCalls().filter((c) => stepOf(c) === 'bible');
  expect(bible.map((c) => [c.status, c.finished])).toEqual([
    [429, true],
    [200, false],
  ]);
});

test('Resume finishes the run: characters, plan, a project, its frames and the animatic', async () => {
  fake.setStreamDelay(1);
  await page.getByRole('button', { name: /^Resume/ }).click();
  await expect.poll(runState, { timeout: 60_000 }).toMatch(/^Done · 10 of 10 steps done/);
  await page
    .getByText('1 text answer was being made when the page closed; it was asked again.')
    .waitFor();
  await railItem('Characters').click();
  expect(await page.getByLabel('MARA: Wardrobe').inputValue()).toMatch(/Oilskin/);
  await railItem('Shot plan').click();
  await expect.poll(() => page.locator('.idea-board').count()).toBeGreaterThanOrEqual(2);
  await shoot('provider-done');
});

test('no request answered whole was sent twice; each one sent again had failed or been cut', () => {
  const calls = fake.calls();
  expect(calls).toHaveLength(fake.requests().length);
  // Only text was asked for: with no image or speech provider set up, the frames are offline
  // sketches, the voices are skipped and the render is this browser's.
  expect(calls.filter((c) => c.kind !== 'text' && c.kind !== 'other')).toEqual([]);
  const text = textCalls();
  expect(text.map((c) => `${stepOf(c)}:${c.status}:${c.finished}`)).toEqual([
    'outline:200:true',
    'script:200:false', // cut by the fake
    'script:200:true', // Retry
    'bible:429:true', // refused
    'bible:200:false', // the router's retry, cut by the reload
    'bible:200:true', // Resume
  ]);
  const whole = text.filter((c) => c.status === 200 && c.finished).map((c) => c.bodySha256);
  expect(new Set(whole).size).toBe(whole.length);
  for (const [i, call] of text.entries()) {
    const before = text.slice(0, i).filter((c) => c.bodySha256 === call.bodySha256);
    for (const earlier of before) expect(earlier.status !== 200 || !earlier.finished).toBe(true);
  }
});

test('the project opens with every board of the plan, each sketched', async () => {
  await railItem('Shot plan').click();
  const planned = await page.locator('.idea-board').count();
  await railItem('Project').click();
  await page.getByRole('link', { name: /^Open “/ }).click();
  await page.getByRole('navigation', { name: 'Scenes' }).waitFor();
  await expect.poll(() => page.locator('.board').count()).toBe(planned);
  await expect
    .poll(() => page.locator('.board img').count(), { timeout: 60_000, interval: 500 })
    .toBe(planned);
  const scenes = await page.getByRole('navigation', { name: 'Scenes' }).innerText();
  expect(scenes).toMatch(/LIGHTHOUSE/);
  expect(scenes).toMatch(/CLIFF/);
});

test('the app threw no errors', () => {
  expect(errors).toEqual([]);
});
