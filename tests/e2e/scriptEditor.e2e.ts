import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchPersistent, trackPageErrors } from '../helpers/browser';

/**
 * The script editor (issue 17) in the project's Script view: the imported screenplay as the
 * project's own script text, highlighted as Fountain, with an outline to jump by, find, page and
 * time estimates; what is typed there becomes boards. It loads on first use and runs under the
 * app's CSP.
 */

const ARTIFACTS = 'tests/.artifacts/script-editor';

let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
let errors: string[];

const SCRIPT = `Title: Night Shift

INT. KITCHEN - NIGHT

Anna waits by the window. [[Make this longer.]]

ANNA
(quietly)
He is not coming.

BEN
I know.

EXT. ROOF - NIGHT

Ben lights a cigarette. The city hums below.

CUT TO:

INT. STAIRWELL - LATER

Anna climbs, two steps at a time.
`;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ context, close } = await launchPersistent());
  page = await context.newPage();
  errors = trackPageErrors(page);
  await page.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { cspViolations: string[] }).cspViolations.push(
        `${event.violatedDirective} ${event.blockedURI} ${event.sample}`,
      ),
    );
  });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(inject('baseUrl'));
  await page.getByLabel('Screenplay file').setInputFiles({
    name: 'night-shift.fountain',
    mimeType: 'text/plain',
    buffer: Buffer.from(SCRIPT),
  });
  await page.getByRole('tab', { name: 'Boards' }).waitFor();
});

afterAll(async () => {
  await close();
});

const violations = () =>
  page.evaluate(() => [...(window as unknown as { cspViolations: string[] }).cspViolations]);
let violationsBefore: string[] = [];

const editor = () => page.getByRole('textbox', { name: 'Script' });
const outline = () => page.getByRole('navigation', { name: 'Script outline' });
/** The editor's line that starts with this text (exactly, case and all). */
const lineWith = (text: string) =>
  page
    .locator('.cm-line', { hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
    .first();

test('the editor is not loaded until the Script tab opens, then shows the script as Fountain', async () => {
  const loaded = () =>
    page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .some((entry) => /ScriptEditorView-[\w-]+\.js$/.test(entry.name)),
    );
  expect(await loaded()).toBe(false);
  violationsBefore = await violations();
  await page.getByRole('tab', { name: 'Script' }).click();
  await editor().waitFor();
  expect(await loaded()).toBe(true);
  await expect.poll(() => editor().textContent()).toContain('INT. KITCHEN - NIGHT');
  expect(await editor().textContent()).toContain('He is not coming.');
  expect(await editor().getAttribute('aria-readonly')).toBe('false');
  // The screenplay as imported, title page and notes included: not the boards written out.
  expect(await editor().textContent()).toContain('Title: Night Shift');
  expect(await editor().textContent()).toContain('[[Make this longer.]]');
});

test('every line is highlighted as its Fountain element', async () => {
  const classOf = (text: string) => lineWith(text).getAttribute('class');
  expect(await classOf('INT. KITCHEN - NIGHT')).toContain('cm-fountain-scene-heading');
  expect(await classOf('Anna waits by the window.')).toContain('cm-fountain-action');
  expect(await page.locator('.cm-line.cm-fountain-character').allTextContents()).toEqual(
    expect.arrayContaining(['ANNA', 'BEN']),
  );
  expect(await classOf('(quietly)')).toContain('cm-fountain-parenthetical');
  expect(await classOf('He is not coming.')).toContain('cm-fountain-dialogue');
  // Laid out as a formatted script: names stand further in than speech, speech than action.
  const left = async (text: string) => {
    const line = lineWith(text);
    const padding = await line.evaluate((el) => parseFloat(getComputedStyle(el).paddingLeft));
    return padding;
  };
  expect(await left('ANNA')).toBeGreaterThan(await left('He is not coming.'));
  expect(await left('He is not coming.')).toBeGreaterThan(await left('Anna waits'));
});

test('a scene typed at the end becomes boards; one undo takes it back', async () => {
  await lineWith('Anna climbs').click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('EXT. LIGHTHOUSE - DAWN');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Gulls wheel over the lamp.');
  await page.getByRole('tab', { name: 'Boards' }).click();
  const heading = page.getByText('EXT. LIGHTHOUSE - DAWN').first();
  await heading.waitFor();
  await page.getByRole('tab', { name: 'Script' }).click();
  await editor().waitFor();
  expect(await editor().textContent()).toContain('Gulls wheel over the lamp.');
  await editor().focus();
  await page.keyboard.press('Control+z');
  await expect.poll(() => editor().textContent()).not.toContain('Gulls wheel');
  await page.getByRole('tab', { name: 'Boards' }).click();
  await expect.poll(() => page.getByText('EXT. LIGHTHOUSE - DAWN').count()).toBe(0);
  await page.getByRole('tab', { name: 'Script' }).click();
  await editor().waitFor();
});

test('the outline lists the scenes; a click or Enter moves the cursor there', async () => {
  const entries = outline().getByRole('button');
  await expect
    .poll(() => entries.allTextContents())
    .toEqual(['1INT. KITCHEN - NIGHT', '2EXT. ROOF - NIGHT', '3INT. STAIRWELL - LATER']);
  const current = () => outline().locator('[aria-current]').textContent();
  await entries.nth(1).click();
  await expect.poll(current).toBe('2EXT. ROOF - NIGHT');
  const cursorLine = () =>
    page.evaluate(() => {
      // The editor lives in a shadow root (see ScriptEditorView.tsx).
      const root = document.querySelector('.script-editor-text')?.shadowRoot;
      const cursor = root?.querySelector('.cm-cursor-primary')?.getBoundingClientRect();
      const line = [...(root?.querySelectorAll('.cm-line') ?? [])].find((el) => {
        const box = el.getBoundingClientRect();
        return cursor && box.top <= cursor.top + 2 && cursor.top < box.bottom;
      });
      return line?.textContent ?? null;
    });
  await expect.poll(cursorLine).toBe('EXT. ROOF - NIGHT');
  await entries.nth(0).focus();
  await page.keyboard.press('Enter');
  await expect.poll(current).toBe('1INT. KITCHEN - NIGHT');
  await expect.poll(cursorLine).toBe('INT. KITCHEN - NIGHT');
});

test('Ctrl+F finds text in the script', async () => {
  await lineWith('Anna waits').click();
  await page.keyboard.press('Control+f');
  const field = page.getByRole('textbox', { name: 'Find' });
  await field.waitFor();
  // Typed, not filled: the search panel reads its field on key up.
  await field.pressSequentially('cigarette');
  await field.press('Enter');
  await expect.poll(() => page.locator('.cm-searchMatch-selected').textContent()).toBe('cigarette');
  await field.press('Escape');
});

test('pages and screen time are estimated under the text', async () => {
  const stats = page.getByTestId('script-stats');
  await expect.poll(() => stats.textContent()).toMatch(/3 scenes.*≈ 0\.\d pages.*on screen/);
});

test('light and dark, 1024 and 1440 wide, with no page errors and no CSP violations', async () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1024, 1440]) {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: 800 });
      await page.waitForTimeout(150);
      await page.screenshot({ path: `${ARTIFACTS}/script-${colorScheme}-${width}.png` });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  const background = await page
    .locator('.cm-content')
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).not.toBe('rgba(0, 0, 0, 0)');
  // CodeMirror's styles are constructed stylesheets in a shadow root, which the CSP allows.
  expect(await violations()).toEqual(violationsBefore);
  expect(await page.locator('.cm-editor').evaluate((el) => getComputedStyle(el).display)).toBe(
    'flex',
  );
  expect(errors).toEqual([]);
});

/** Where a person writes in it: the script step of "From an idea" (offline skeleton). */
describe('writing in the editor (the wizard script step)', () => {
  const writer = () => page.getByRole('textbox', { name: 'Script (Fountain)' });
  const text = () =>
    writer().evaluate((el) =>
      [...el.querySelectorAll('.cm-line')].map((line) => line.textContent ?? '').join('\n'),
    );
  beforeAll(async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(inject('baseUrl'));
    await page.getByRole('button', { name: 'From an idea', exact: true }).click();
    await page
      .getByLabel('Idea', { exact: true })
      .fill('A keeper finds a bottle.\nShe rows into the fog.');
    await page.getByRole('button', { name: 'Next step' }).click();
    await page.getByRole('heading', { name: 'Outline', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Accept and make script' }).click();
    await writer()
      .locator('.cm-line', { hasText: /^Title: / })
      .first()
      .waitFor();
  });

  test('find and replace all (Ctrl+F), and one undo puts it back', async () => {
    await writer().click();
    const before = await text();
    expect(before).toContain('fog');
    await page.keyboard.press('Control+f');
    await page.getByRole('textbox', { name: 'Find' }).pressSequentially('fog');
    await page.getByRole('textbox', { name: 'Replace' }).pressSequentially('mist');
    await page.getByRole('button', { name: 'replace all' }).click();
    await expect.poll(text).toContain('mist');
    expect(await text()).not.toContain('fog');
    await page.keyboard.press('Escape');
    await writer().focus();
    await page.keyboard.press('Control+z');
    await expect.poll(text).toBe(before);
  });
});
