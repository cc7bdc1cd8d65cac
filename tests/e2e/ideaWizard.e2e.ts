import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { launchPersistent, trackPageErrors } from '../helpers/browser';
import { shootThemes } from '../helpers/screens';
import { probeVideo } from '../helpers/ffprobe';

/**
 * "From an idea" with no provider set up: a two-line idea, an outline and a script skeleton made
 * on this device, the script the person types, then breakdown, characters, shot plan and a
 * project that opens with sketched boards. Editing an earlier step marks the later ones stale.
 * Screenshots at 1024 and 1440 wide, light and dark.
 */

const ARTIFACTS = 'tests/.artifacts/idea-wizard';
const IDEA =
  'A lighthouse keeper finds a message in a bottle.\nShe rows out into the fog to answer it.';
const SCRIPT = `Title: The Bottle

EXT. LIGHTHOUSE - DAWN

MARA (60s), weathered, in a yellow oilskin coat, picks a bottle from the surf.

MARA
Somebody out there.

EXT. SEA - DAY

Mara rows into the fog. A foghorn answers.
`;

let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
let errors: string[];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ context, close } = await launchPersistent());
  page = await context.newPage();
  errors = trackPageErrors(page);
  await page.goto(inject('baseUrl'));
});

afterAll(async () => {
  await close();
});

const shoot = (name: string) => shootThemes(page, ARTIFACTS, name);

const rail = () => page.getByRole('navigation', { name: 'Steps' });
const railItem = (label: string) => rail().getByRole('button', { name: new RegExp(`^${label}`) });
/** The Fountain editor (CodeMirror) of the Script step, and its text line by line. */
const scriptEditor = () => page.getByRole('textbox', { name: 'Script (Fountain)' });
const scriptText = () =>
  scriptEditor().evaluate((el) =>
    [...el.querySelectorAll('.cm-line')].map((line) => line.textContent ?? '').join('\n'),
  );
/** The status words of each step in the rail, in order (Idea and brief first). */
const railDetails = () => rail().locator('.idea-rail-text .muted').allInnerTexts();

test('"From an idea" opens the wizard on its first page', async () => {
  await page.getByRole('button', { name: 'From an idea', exact: true }).click();
  await page.getByRole('heading', { name: 'Untitled idea' }).waitFor();
  expect(page.url()).toMatch(/#\/idea\/[\w-]+$/);
  // Nothing can run before there is an idea.
  expect(await page.getByRole('button', { name: 'Next step' }).isDisabled()).toBe(true);
});

test('the brief: a two-line idea, vertical social sets 9:16 and 30 s; the cost is shown first', async () => {
  await page.getByLabel('Idea', { exact: true }).fill(IDEA);
  await page.getByLabel('Format').selectOption({ label: 'Vertical social' });
  expect(await page.getByLabel('Aspect ratio').inputValue()).toBe('9:16');
  expect(await page.getByLabel('Length (seconds)').inputValue()).toBe('30');
  await page.getByLabel('Tone').fill('Wistful, quiet');
  await page.getByRole('heading', { name: 'A lighthouse keeper finds a message' }).waitFor();
  const costs = page.locator('table.idea-costs');
  const rows = await costs.locator('tbody tr').allInnerTexts();
  expect(rows.map((r) => r.split('\t')[0])).toEqual([
    'Outline',
    'Script',
    'Breakdown',
    'Characters',
    'Shot plan',
    'Project',
    'Character sheets',
    'Frames',
    'Voices',
    'Render',
  ]);
  // No provider set up: every step runs on this device, for nothing.
  expect(await costs.locator('caption').innerText()).toMatch(/0 calls to providers, estimated \$0/);
  expect(rows[0]).toMatch(/Offline \(this device\)/);
  expect(await page.getByLabel('Provider for Outline').inputValue()).toBe('auto');
  await shoot('brief');
});

test('Next step makes the outline: beats to edit', async () => {
  await page.getByRole('button', { name: 'Next step' }).click();
  await page.getByRole('heading', { name: 'Outline', level: 2 }).waitFor();
  await expect.poll(() => page.getByLabel(/^Beat \d+ title$/).count()).toBeGreaterThanOrEqual(3);
  expect(await page.getByLabel('Beat 1 summary').inputValue()).toMatch(/lighthouse keeper/);
  await shoot('outline');
});

test('the run is listed on the projects page and resumes where it was left', async () => {
  await page.getByRole('link', { name: '← All projects' }).click();
  const runs = page.getByRole('region', { name: 'From an idea' });
  await runs.getByText('A lighthouse keeper finds a message').waitFor();
  await page.reload();
  await runs.getByRole('link', { name: 'Continue' }).click();
  await page.getByRole('heading', { name: 'A lighthouse keeper finds a message' }).waitFor();
  await expect
    .poll(railDetails)
    .toEqual([
      'Written',
      'Done',
      expect.stringMatching(/^Not made yet/),
      expect.stringMatching(/^Not made yet/),
      expect.stringMatching(/^Not made yet/),
      expect.stringMatching(/^Not made yet/),
      expect.stringMatching(/^Not made yet/),
      expect.stringMatching(/^Not made yet/),
      expect.stringMatching(/^Not made yet/),
      expect.stringMatching(/^Not made yet/),
      expect.stringMatching(/^Not made yet/),
    ]);
});

test('the script: a skeleton offline, replaced by what the person types', async () => {
  await railItem('Outline').click();
  await page.getByRole('button', { name: 'Accept and make script' }).click();
  await expect.poll(scriptText).toMatch(/^Title: /);
  await scriptEditor().fill(SCRIPT);
  await page.getByRole('button', { name: 'Accept and make breakdown' }).click();
  await page.getByRole('heading', { name: 'Breakdown', level: 2 }).waitFor();
  const counts = page.locator('.idea-counts');
  await expect.poll(() => counts.innerText()).toMatch(/2\s+scenes/);
  expect(await counts.innerText()).toMatch(/1\s+character/);
  await railItem('Script').click();
  await expect.poll(scriptText).toBe(SCRIPT);
  expect(await page.locator('.idea-status').innerText()).toMatch(/edited by hand/);
  await shoot('script');
});

test('Run all: characters, the plan as boards, the project, sketches, no voices, the animatic', async () => {
  await page.getByRole('button', { name: /^Run all/ }).click();
  // Offline to the end: the sketches are the frames, the lines stay silent, the render is made here.
  const video = page.getByLabel('Rendered animatic');
  await video.waitFor({ timeout: 120_000 });
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.duration), { timeout: 20_000 })
    .toBeGreaterThan(3);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Download the-bottle-animatic\.mp4/ }).click();
  const file = `${ARTIFACTS}/animatic.mp4`;
  await (await download).saveAs(file);
  const probed = probeVideo(file);
  expect(probed.codec).toBe('h264');
  expect(probed.height).toBeGreaterThan(probed.width);
  await shoot('render');
  await railItem('Voices').click();
  await page.getByText(/No speech provider/).waitFor();
  await railItem('Frames').click();
  await page.getByText(/keep their sketches/).waitFor();
  // Offline, the sheets step lists the cast and says why they have no sheets.
  await railItem('Character sheets').click();
  await page.getByText(/the characters have no sheets/).waitFor();
  expect(await page.locator('.idea-sheet h3').allInnerTexts()).toEqual(['MARA']);
  await railItem('Project').click();
  await page.getByRole('link', { name: /^Open “The Bottle”/ }).waitFor();
  await railItem('Characters').click();
  expect(await page.getByLabel('MARA: Wardrobe').inputValue()).toMatch(/oilskin/);
  await railItem('Shot plan').click();
  await expect.poll(() => page.locator('.idea-board').count()).toBeGreaterThanOrEqual(2);
  const sea = page.getByRole('region', { name: 'EXT. SEA - DAY' }).getByRole('textbox');
  expect(await sea.first().inputValue()).toMatch(/rows into the fog/);
  // Each planned shot shows the offline sketch its board will open with.
  const boards = await page.locator('.idea-board').count();
  await expect
    .poll(() => page.getByRole('img', { name: /^Sketch of shot / }).count(), { timeout: 30_000 })
    .toBe(boards);
  await shoot('plan');
  expect(await page.locator('.idea-run-state').innerText()).toMatch(/Done · 10 of 10 steps done/);
});

test('the project opens with its boards, sketched offline, at 9:16', async () => {
  await railItem('Project').click();
  await page.getByRole('link', { name: /^Open “The Bottle”/ }).click();
  await page.getByRole('navigation', { name: 'Scenes' }).waitFor();
  expect(await page.getByLabel('Aspect ratio', { exact: true }).inputValue()).toBe('9:16');
  await expect.poll(() => page.locator('.board').count()).toBeGreaterThanOrEqual(2);
  await expect
    .poll(
      async () =>
        (await page.locator('.board').count()) - (await page.locator('.board img').count()),
      { timeout: 60_000, interval: 500 },
    )
    .toBe(0);
  await shoot('project');
});

test('editing an earlier step marks every later one stale', async () => {
  await page.goBack();
  await page.getByRole('heading', { name: 'A lighthouse keeper finds a message' }).waitFor();
  await railItem('Outline').click();
  await page.getByLabel('Beat 1 title').fill('Cold open');
  await page.getByLabel('Beat 1 title').blur();
  await expect
    .poll(railDetails)
    .toEqual([
      'Written',
      'Done',
      expect.stringMatching(/^Stale/),
      expect.stringMatching(/^Stale/),
      expect.stringMatching(/^Stale/),
      expect.stringMatching(/^Stale/),
      expect.stringMatching(/^Stale/),
      expect.stringMatching(/^Stale/),
      expect.stringMatching(/^Stale/),
      expect.stringMatching(/^Stale/),
      expect.stringMatching(/^Stale/),
    ]);
  expect(await page.locator('.idea-run-state').innerText()).toMatch(/^Ready · 1 of 10/);
  await railItem('Script').click();
  await page.getByText('Something before this step changed').waitFor();
  await shoot('stale');
});

test('keeping the typed script makes the later steps done again, with no second project', async () => {
  await page.getByRole('button', { name: 'Keep this script' }).click();
  await expect.poll(railDetails).toEqual(['Written', ...Array(10).fill('Done')]);
  await expect.poll(scriptText).toBe(SCRIPT);
  await page.getByRole('link', { name: '← All projects' }).click();
  await expect.poll(() => page.locator('.project-card').count()).toBe(1);
  await page.getByRole('region', { name: 'From an idea' }).getByText(/done/).waitFor();
  await shoot('projects');
});

test('the app threw no errors', () => {
  expect(errors).toEqual([]);
});
