import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { FakeProviderServer } from '../../fake-provider/server';
import { noisePng } from '../../helpers/noisePng';
import { sineWav } from '../../helpers/wav';

/**
 * Drives the app as a person would to make a project that holds every field a user can set:
 * each step below is one kind of record or field. Selectors are the app's accessible names, as
 * the e2e tests use them; when the UI changes, this follows it.
 */

const POLL = { timeout: 60_000, interval: 250 } as const;

export const FIXTURE_TITLE = 'Brick & Steel — fixture';
/** The scene the second draft cuts: its generated frames are someone's work, so its shots stay as OMITTED. */
export const CUT_SCENE = 'INT. TRAILER HOME - DAY';
export const KEPT_SCENE = "EXT. BRICK'S PATIO - DAY";

const boards = (page: Page) => page.getByRole('button', { name: /^Shot / });
const board = (page: Page, number: string) =>
  page.getByRole('button', { name: `Shot ${number}`, exact: true });
const scene = (page: Page, heading: string) => page.getByRole('region', { name: heading });

/** An inspector field by its caption (a label wrapping a textarea names it by its text too). */
function field(page: Page, caption: string): Locator {
  return page
    .locator('.inspector label.field')
    .filter({ has: page.locator('span', { hasText: new RegExp(`^${caption}$`) }) })
    .locator('textarea, input, select')
    .first();
}

/** Range inputs cannot be typed into: set the value the way a drag would and let React see it. */
async function setRange(locator: Locator, value: string) {
  await locator.evaluate((input, next) => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setter?.call(input, next);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

/** Toasts sit over the inspector's buttons: close them before clicking there. */
export async function dismissToasts(page: Page) {
  const dismiss = page.locator('.toasts').getByRole('button', { name: 'Dismiss' });
  while ((await dismiss.count()) > 0) await dismiss.first().click();
}

async function commit(locator: Locator, value: string) {
  await locator.fill(value);
  await locator.press('Tab');
}

async function waitForSketches(page: Page) {
  await expect
    .poll(async () => {
      const total = await boards(page).count();
      const drawn = await page.locator('.board img').count();
      return total > 0 && drawn >= total;
    }, POLL)
    .toBe(true);
}

export async function importScreenplay(page: Page, name: string, text: string) {
  await page.getByLabel('Screenplay file').setInputFiles({
    name,
    mimeType: 'text/plain',
    buffer: Buffer.from(text),
  });
  await page.getByRole('navigation', { name: 'Scenes' }).waitFor();
  await waitForSketches(page);
}

export async function editProjectSettings(page: Page) {
  const title = page.getByLabel('Project title');
  await commit(title, FIXTURE_TITLE);
  await expect.poll(() => title.inputValue()).toBe(FIXTURE_TITLE);
}

/** Every inspector field of the first shot, and the camera of two more. */
export async function editShots(page: Page) {
  await board(page, '1').click();
  await commit(field(page, 'Duration \\(seconds\\)'), '4.2');
  await field(page, 'Shot type').selectOption('EWS');
  await field(page, 'Camera angle').selectOption('low');
  await field(page, 'Camera move').selectOption('pan');
  await field(page, 'Action').fill(
    'A gorgeous day — the sun is shining. Ünïcödé and "quotes" survive.',
  );
  await field(page, 'Notes').fill('Hold on Brick a beat longer.\nSecond line of notes.');
  const firstLine = page.getByLabel('Dialogue line 1');
  if ((await firstLine.count()) === 0)
    await page.getByRole('button', { name: '+ Add line' }).click();
  await page.getByLabel('Speaker 1').fill('BRICK');
  await page.getByLabel('Parenthetical 1').fill('squinting');
  await page.getByLabel('Dialogue line 1').fill('Nice day for it.');
  const chips = page.locator('.inspector .characters-field input[type=checkbox]');
  await chips.first().check();
  await commit(field(page, 'Shot number'), '1X');
  await expect.poll(() => board(page, '1X').count()).toBe(1);

  // An explicit framing on shot 1 (pan preset, then nudged), easing changed.
  await page.getByRole('button', { name: 'Customise framing' }).click();
  await field(page, 'Easing').selectOption('ease-out');

  // Shot 1A: handheld preset made explicit, so shake is stored; a wipe going up.
  await board(page, '1A').click();
  await field(page, 'Camera move').selectOption('handheld');
  await page.getByRole('button', { name: 'Customise framing' }).click();
  await field(page, 'Transition').selectOption('wipe');
  await field(page, 'Wipe direction').selectOption('up');
  await field(page, 'Transition length \\(s\\)').fill('1.2');

  // Shot 1B: a dip to black; a sound with its volume lowered; fitted to the sound.
  await board(page, '1B').click();
  await field(page, 'Transition').selectOption('dipToBlack');
  await page
    .getByLabel('Sound file')
    .setInputFiles({ name: 'line.wav', mimeType: 'audio/wav', buffer: sineWav(1.3, 330) });
  await page.getByText('Imported sound · 1.3 s').waitFor();
  await setRange(page.getByLabel('Volume 1'), '0.65');
  await page.getByRole('button', { name: 'Fit to audio' }).click();

  // Shot 1X's own prompt.
  await board(page, '1X').click();
  const prompt = page.locator('.ai-panel textarea').first();
  await prompt.fill('A retired detective on a sunny patio, wide, low angle, storyboard marker');
  await prompt.press('Tab');
}

/** The timeline: crossfade on 1X, frame rate 25, the framing nudged by keyboard, music. */
export async function editTimeline(page: Page) {
  await board(page, '1X').click();
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await page.getByRole('region', { name: 'Timeline' }).waitFor();
  await page.getByRole('button', { name: /^Clip 1X/ }).click();
  await page.getByRole('combobox', { name: /^Transition/ }).selectOption('crossfade');
  await page.getByLabel('Transition length (s)').fill('0.8');
  await page.getByLabel('Project fps').selectOption('25');

  await page.getByRole('button', { name: 'Edit framing' }).click();
  const end = page.getByRole('slider', { name: 'End framing' });
  await end.focus();
  await page.keyboard.press('-');
  await page.keyboard.press('ArrowDown');
  await page.getByRole('button', { name: 'Done' }).click();

  await page
    .getByLabel('Music file')
    .setInputFiles({ name: 'bed.wav', mimeType: 'audio/wav', buffer: sineWav(2.5, 220) });
  await page.getByLabel('Music track').getByText(/Music/).waitFor();
  await page.getByLabel('Fade in (s)').fill('1.5');
  await page.getByLabel('Fade out (s)').fill('2');
  await setRange(page.getByLabel('Music volume'), '0.4');
  await expect.poll(() => page.getByLabel('Music track').textContent()).toContain('fade in 1.5s');
  await page.getByRole('tab', { name: 'Boards' }).click();
}

async function addProvider(page: Page, fake: FakeProviderServer) {
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const settings = dialog.getByRole('region', { name: 'AI providers' });
  await settings.getByRole('button', { name: 'Add provider' }).click();
  await settings.getByLabel('Provider type').selectOption('openaiCompatible');
  await settings.getByLabel('Display name').fill('Fixture images');
  await settings.getByLabel('Base URL').fill(fake.baseUrl('openai', 'ok', 'v1'));
  await settings.getByLabel('API key').fill('sk-fixture-not-a-real-key');
  await settings.getByLabel('Model', { exact: true }).fill('fake-model');
  await dialog.getByRole('button', { name: 'Save provider' }).click();
  await expect.poll(() => dialog.locator('.ai-provider').count()).toBe(1);
  await dialog.getByRole('button', { name: 'Done' }).last().click();
}

/**
 * Generated frames: the whole cut scene (so its shots become OMITTED with their takes), and two
 * takes on shot 1A of which the first is chosen.
 */
export async function generateFrames(page: Page, fake: FakeProviderServer) {
  await addProvider(page, fake);
  const cut = scene(page, CUT_SCENE);
  const cutShots = await cut.getByRole('button', { name: /^Shot / }).count();
  await cut.getByRole('button', { name: 'Generate all frames' }).click();
  const queue = page.getByRole('complementary', { name: 'Frame generation' });
  await expect
    .poll(() => queue.textContent(), POLL)
    .toMatch(new RegExp(`${cutShots} of ${cutShots} frames`));

  await board(page, '1A').click();
  const generate = page.getByRole('button', { name: 'Generate frame' });
  await generate.click();
  await page.getByRole('button', { name: /^Take 1: / }).waitFor(POLL);
  await expect.poll(() => generate.isEnabled(), POLL).toBe(true);
  await generate.click();
  await page.getByRole('button', { name: /^Take 2: / }).waitFor(POLL);
  await page.getByRole('button', { name: /^Take 1: / }).click();
  await expect
    .poll(() => page.getByRole('button', { name: /^Take 1: / }).getAttribute('aria-pressed'))
    .toBe('true');
}

/** The style: a project style added and chosen. */
export async function addStyle(page: Page) {
  await page.getByLabel('Frame style').selectOption({ label: 'New style…' });
  const dialog = page.getByRole('dialog', { name: 'New frame style' });
  await dialog.getByLabel('Style name').fill('Noir charcoal');
  await dialog.getByLabel(/Style words/).fill('Charcoal storyboard sketch, heavy shadows');
  await dialog.getByRole('button', { name: 'Add style' }).click();
  await expect
    .poll(async () => page.getByLabel('Frame style').locator('option:checked').textContent())
    .toBe('Noir charcoal');
}

/** The character bible: filled from the script, one character edited by hand, a sheet uploaded. */
export async function editCharacters(page: Page) {
  await page.getByRole('tablist', { name: 'Script view' }).getByRole('tab').last().click();
  await page.getByRole('button', { name: 'Character bible' }).click();
  const dialog = page.getByRole('dialog', { name: 'Character bible' });
  await dialog.getByRole('button', { name: 'Fill from script' }).click();
  await expect
    .poll(() => dialog.getByRole('button', { name: 'Fill from script' }).isEnabled())
    .toBe(true);
  const name = 'BRICK';
  for (const [label, text] of [
    ['Description', 'Retired police detective, restless.'],
    ['Look', 'Sixties, broad shoulders, grey crew cut.'],
    ['Wardrobe', 'Hawaiian shirt, aviators.'],
  ] as const) {
    const box = dialog.getByLabel(`${label} of ${name}`);
    await box.fill(text);
    await box.blur();
  }
  await dialog.getByRole('button', { name: `Upload sheet for ${name}` }).click();
  await dialog.getByLabel('Character sheet file').setInputFiles({
    name: 'brick-sheet.png',
    mimeType: 'image/png',
    buffer: noisePng(48, 32, 7),
  });
  await dialog.getByRole('img', { name: `Character sheet of ${name}` }).waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('tablist', { name: 'Script view' }).getByRole('tab').first().click();
}

/** A name for the review records, set where the app asks for it (the Share dialog). */
export async function setProfile(page: Page) {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await page.getByRole('dialog', { name: 'Share this project' }).waitFor();
  const name = page.getByLabel('Your name');
  await name.fill('Fixture Author');
  await name.blur();
  await page.getByRole('button', { name: 'Done', exact: true }).click();
}

/** Comments on a shot and on a scene, a reply, a resolved thread, an approval. */
export async function review(page: Page) {
  await dismissToasts(page);
  await board(page, '1X').click();
  await page.getByLabel('Comment on this shot').fill('Hold longer on the patio.');
  await page.getByRole('button', { name: 'Post comment' }).click();
  const thread = page.locator('.comment-thread').first();
  await expect.poll(() => thread.textContent()).toContain('Hold longer on the patio.');
  await thread.getByLabel('Reply').fill('Agreed — two more seconds.');
  await thread.getByRole('button', { name: 'Post reply' }).click();
  await expect.poll(() => thread.textContent()).toContain('Agreed — two more seconds.');
  await page.getByRole('radio', { name: 'Approved' }).check();
  await expect.poll(() => page.locator('.approval-by').textContent()).toMatch(/Approved by/);

  await board(page, '1A').click();
  await page.getByRole('radio', { name: 'Changes requested' }).check();
  await page.getByRole('tab', { name: /^This scene/ }).click();
  await page.getByLabel('Comment on this scene').fill('The whole patio scene needs more sun.');
  await page.getByRole('button', { name: 'Post comment' }).click();
  await page.getByRole('button', { name: 'Resolve thread' }).first().click();
  await page.getByRole('button', { name: /^Show 1 resolved/ }).waitFor();
}

export async function saveVersion(page: Page, name: string) {
  await page.getByRole('button', { name: 'History', exact: true }).click();
  await page.getByLabel('Version name').fill(name);
  await page.getByRole('button', { name: 'Save version' }).click();
  await expect
    .poll(() => page.getByRole('list', { name: 'Versions' }).textContent())
    .toContain(name);
  await page.getByRole('button', { name: 'Hide history' }).click();
}

/** A second draft without the cut scene and with one line changed, applied. */
export async function reimport(page: Page, draft: string) {
  await page.getByLabel('New draft file').setInputFiles({
    name: 'brick_and_steel_draft2.fountain',
    mimeType: 'text/plain',
    buffer: Buffer.from(draft),
  });
  const dialog = page.getByRole('dialog', { name: /New draft: / });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Apply changes' }).click();
  await expect.poll(() => page.locator('.board.omitted').count(), POLL).toBeGreaterThan(0);
  await waitForSketches(page);
}
