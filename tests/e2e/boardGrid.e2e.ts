import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { storeProject } from '../bench/scaleProbe';
import { launchChromium, trackPageErrors } from '../helpers/browser';
import { reportPageOnFailure } from '../helpers/pageOnFailure';
import { scaleProject } from '../helpers/scaleProject';

/**
 * The board grid of a big project (1,000 shots in 50 scenes): windowed (only rows near the
 * viewport are mounted, the scroll height is the whole grid's), keyboard navigation to boards
 * that were not mounted, the thumbnail size control, adding a shot from a scene's header,
 * multi-select and the bulk actions with undo.
 */
const SHOTS = 1000;
const project = scaleProject(SHOTS);
const LAST = `Shot 50-${SHOTS - 1}`;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  errors = trackPageErrors(page);
  await page.goto(inject('baseUrl'));
  await page.getByRole('heading', { name: 'Projects' }).waitFor();
  await storeProject(page, project);
  await page.goto(`${inject('baseUrl')}#/project/${project.id}`);
  await page.locator('.board').first().waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

reportPageOnFailure(() => page);

const boards = () => page.locator('.board');
const board = (label: string) => page.getByRole('button', { name: label, exact: true });
/** The board's list item: the button and its caption beside it. */
const card = (label: string) => page.locator('li', { has: board(label) });
const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
const pane = () => page.locator('.boards-pane');

/** Boards whose box is inside the pane's visible part. */
function boardsInView(): Promise<number> {
  return page.evaluate(() => {
    const view = document.querySelector('.boards-pane')!.getBoundingClientRect();
    return [...document.querySelectorAll('.board')].filter((b) => {
      const box = b.getBoundingClientRect();
      return box.top >= view.top && box.bottom <= view.bottom;
    }).length;
  });
}

test('only rows near the viewport are mounted, and the grid is as tall as all of them', async () => {
  const mounted = await boards().count();
  expect(mounted).toBeGreaterThan(0);
  expect(mounted).toBeLessThan(150);
  const heights = await pane().evaluate((el) => ({
    scroll: el.scrollHeight,
    view: el.clientHeight,
  }));
  expect(heights.scroll).toBeGreaterThan(heights.view * 20);
  // Every board tells assistive tech where it is among all of them.
  const item = page.locator('li:has(> .board)').first();
  expect(await item.getAttribute('aria-setsize')).toBe(String(SHOTS));
  expect(await item.getAttribute('aria-posinset')).toBe('1');

  // Scrolled to the last board, scene 50's header has gone by: its name stays over the boards.
  await pane().evaluate((el) => (el.scrollTop = el.scrollHeight));
  await board(LAST).waitFor();
  await expect.poll(() => page.locator('.scene-continued').textContent()).toContain('LOCATION 50');
  expect(await board('Shot 1-10').count()).toBe(0);
  expect(await boards().count()).toBeLessThan(150);
  await pane().evaluate((el) => (el.scrollTop = 0));
  await board('Shot 1-0').waitFor();
});

test('keys move to boards that were not mounted and scroll them into view', async () => {
  await board('Shot 1-0').click();
  expect(await board(LAST).count()).toBe(0);
  await page.keyboard.press('End');
  await expect.poll(focusedLabel).toBe(LAST);
  expect(await board(LAST).isVisible()).toBe(true);
  expect(await page.locator('.inspector h2').textContent()).toContain(LAST.slice(5));

  await page.keyboard.press('Home');
  await expect.poll(focusedLabel).toBe('Shot 1-0');
  const position = async () =>
    Number(
      await page.evaluate(() =>
        document.activeElement?.closest('li')?.getAttribute('aria-posinset'),
      ),
    );
  await page.keyboard.press('ArrowRight');
  expect(await position()).toBe(2);
  await page.keyboard.press('ArrowDown');
  const columns = (await position()) - 2;
  expect(columns).toBeGreaterThan(1);
  await page.keyboard.press('ArrowUp');
  expect(await position()).toBe(2);
  // A page down moves by no more than the pane's height, scene header bands counted.
  const focusedTop = () =>
    page.evaluate(() => {
      const pane = document.querySelector('.boards-pane')!;
      const box = document.activeElement!.getBoundingClientRect();
      return {
        y: box.top - pane.getBoundingClientRect().top + pane.scrollTop,
        page: pane.clientHeight,
      };
    });
  for (let i = 0; i < 4; i++) {
    const before = await focusedTop();
    await page.keyboard.press('PageDown');
    const after = await focusedTop();
    expect(after.y - before.y).toBeGreaterThan(0);
    expect(after.y - before.y).toBeLessThanOrEqual(before.page);
  }
  // A page down goes several rows at once, past what was mounted at first.
  for (let i = 0; i < 4; i++) await page.keyboard.press('PageDown');
  const far = await position();
  expect(far).toBeGreaterThan(2 + 8 * columns);
  expect(
    await page.evaluate(() => {
      const view = document.querySelector('.boards-pane')!.getBoundingClientRect();
      const box = document.activeElement!.getBoundingClientRect();
      return box.top >= view.top && box.bottom <= view.bottom;
    }),
  ).toBe(true);
  await page.keyboard.press('PageUp');
  expect(await position()).toBeLessThan(far);
  await page.keyboard.press('Home');
});

test('picking a scene far down in the script panel shows and focuses its first board', async () => {
  const scenes = page.getByRole('navigation', { name: 'Scenes' });
  await scenes.getByRole('button', { name: /^40 / }).click();
  await expect.poll(focusedLabel).toBe('Shot 40-780');
  expect(await board('Shot 40-780').isVisible()).toBe(true);
  await page.keyboard.press('Home');
  await expect.poll(focusedLabel).toBe('Shot 1-0');
});

test('the small size fits many more boards above the fold, and is remembered', async () => {
  const sizes = page.getByRole('group', { name: 'Board size' });
  await sizes.getByRole('button', { name: 'Medium' }).click();
  await pane().evaluate((el) => (el.scrollTop = 0));
  const medium = await boardsInView();
  await sizes.getByRole('button', { name: 'Small' }).click();
  await expect.poll(boardsInView).toBeGreaterThanOrEqual(medium * 2);
  expect(await boardsInView()).toBeGreaterThanOrEqual(16);
  await page.reload();
  await page.locator('.board').first().waitFor();
  expect(await page.getByRole('button', { name: 'Small' }).getAttribute('aria-pressed')).toBe(
    'true',
  );
  expect(await boardsInView()).toBeGreaterThanOrEqual(16);
});

test("a scene's header adds a shot at its end; undo takes it away", async () => {
  const total = () => page.locator('li:has(> .board)').first().getAttribute('aria-setsize');
  await page.getByRole('button', { name: 'Add shot to scene 1' }).click();
  await expect.poll(total).toBe(String(SHOTS + 1));
  // The new shot is selected and focused: the 21st of scene 1, at the end of its rows.
  await expect
    .poll(() =>
      page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('aria-posinset')),
    )
    .toBe('21');
  expect(await page.locator('.inspector h2').textContent()).toMatch(/^Shot 1/);
  await page.keyboard.press('Control+z');
  await expect.poll(total).toBe(String(SHOTS));
});

const undo = () => page.locator('.toolbar-actions').getByRole('button', { name: 'Undo' }).click();
const sceneMeta = (index: number) =>
  page.getByRole('navigation', { name: 'Scenes' }).getByRole('listitem').nth(index).textContent();
const bar = () => page.getByRole('toolbar', { name: 'Selected shots' });

test('click, Shift+click and Ctrl+click select; Escape clears', async () => {
  await pane().evaluate((el) => (el.scrollTop = 0));
  await board('Shot 1-0').click();
  expect(await bar().count()).toBe(0);
  await board('Shot 1-3').click({ modifiers: ['Shift'] });
  await bar().waitFor();
  expect(await bar().textContent()).toContain('4 shots selected');
  expect(await page.locator('.board.selected').count()).toBe(4);
  await board('Shot 1-2').click({ modifiers: ['Control'] });
  expect(await bar().textContent()).toContain('3 shots selected');
  await board('Shot 1-6').click({ modifiers: ['Control'] });
  expect(await bar().textContent()).toContain('4 shots selected');
  await page.keyboard.press('Escape');
  await expect.poll(() => bar().count()).toBe(0);
  expect(await page.locator('.board.selected').count()).toBe(1);
  await board('Shot 1-1').click();
  await page.keyboard.press('Control+a');
  expect(await bar().textContent()).toContain(`${SHOTS} shots selected`);
  // From inside the bulk bar too; focus goes back to the board.
  await bar().getByLabel('Set shot type').focus();
  await page.keyboard.press('Escape');
  await expect.poll(() => bar().count()).toBe(0);
  expect(await focusedLabel()).toBe('Shot 1-1');
});

test('the bulk bar moves, re-times and sets fields, each undone in one step', async () => {
  await board('Shot 1-0').click();
  await board('Shot 1-3').click({ modifiers: ['Shift'] });
  await bar().getByLabel('Move selected shots to scene').selectOption({ index: 2 });
  await expect.poll(() => sceneMeta(1)).toContain('24 shots');
  expect(await sceneMeta(0)).toContain('16 shots');
  await undo();
  await expect.poll(() => sceneMeta(1)).toContain('20 shots');
  expect(await sceneMeta(0)).toContain('20 shots');

  // The selection holds through the undo: re-time the same four boards to 7 s each.
  await board('Shot 1-0').click();
  await board('Shot 1-3').click({ modifiers: ['Shift'] });
  await bar().getByLabel('Length of each selected shot (seconds)').fill('7');
  await bar().getByRole('button', { name: 'Set length' }).click();
  for (const n of ['1-0', '1-1', '1-2', '1-3'])
    await expect.poll(() => card(`Shot ${n}`).textContent()).toContain('7.0s');
  expect(await card('Shot 1-4').textContent()).not.toContain('7.0s');
  await bar().getByLabel('Scale the lengths of the selected shots by').fill('2');
  await bar().getByRole('button', { name: 'Scale' }).click();
  await expect.poll(() => card('Shot 1-3').textContent()).toContain('14.0s');
  await undo();
  await expect.poll(() => card('Shot 1-3').textContent()).toContain('7.0s');
  await undo();
  await expect.poll(() => card('Shot 1-3').textContent()).toContain('3.5s');

  await bar().getByLabel('Set shot type').selectOption('CU');
  for (const n of ['1-0', '1-1', '1-2', '1-3'])
    await expect.poll(() => card(`Shot ${n}`).locator('.board-type').textContent()).toBe('CU');
  await undo();
  await expect.poll(() => card('Shot 1-0').locator('.board-type').textContent()).toBe('WS');
});

test('deleting shots with frames someone made asks first; undo brings them all back', async () => {
  await board('Shot 1-0').click();
  await board('Shot 1-4').click({ modifiers: ['Shift'] });
  await bar().getByRole('button', { name: 'Delete 5 shots' }).click();
  // Every frame of this project is an upload: the dialog says so before anything goes.
  const dialog = page.getByRole('dialog', { name: 'Delete 5 shots?' });
  await dialog.waitFor();
  expect(await dialog.textContent()).toContain('5 of them have frames');
  await dialog.getByRole('button', { name: 'Delete 5 shots' }).click();
  await expect.poll(() => sceneMeta(0)).toContain('15 shots');
  expect(await board('Shot 1-0').count()).toBe(0);
  // The board after the deleted ones is selected; the bar is gone.
  expect(await bar().count()).toBe(0);
  expect(await page.locator('.inspector h2').textContent()).toContain('1-5');
  await undo();
  await expect.poll(() => sceneMeta(0)).toContain('20 shots');
  await board('Shot 1-0').waitFor();
});

test('the timeline mounts only the clips near the view, and keys reach the rest', async () => {
  await pane().evaluate((el) => (el.scrollTop = 0));
  await board('Shot 1-0').click();
  await page.getByRole('tab', { name: 'Timeline' }).click();
  const clips = page.getByRole('button', { name: /^Clip / });
  await clips.first().waitFor();
  expect(await clips.count()).toBeLessThan(100);
  const item = page.locator('[role="listitem"]:has(.clip)').first();
  expect(await item.getAttribute('aria-setsize')).toBe(String(SHOTS));
  const scroll = page.locator('.timeline-scroll');
  await scroll.evaluate((el) => (el.scrollLeft = el.scrollWidth));
  const last = page.getByRole('button', { name: `Clip 50-${SHOTS - 1}`, exact: true });
  await last.waitFor();
  // Still mounted: the selected clip (Clip 1-0), so focus has somewhere to be.
  expect(await page.getByRole('button', { name: 'Clip 1-5', exact: true }).count()).toBe(0);
  expect(await clips.count()).toBeLessThan(100);
  // Where a clip sits does not depend on which are mounted: the last ends where the track does.
  const ends = await page.evaluate(() => {
    const clip = document.querySelector('.video-track [role="listitem"]:last-child .clip');
    const ruler = document.querySelector('.ruler');
    return [clip?.getBoundingClientRect().right, ruler?.getBoundingClientRect().right];
  });
  expect(Math.abs((ends[0] ?? 0) - (ends[1] ?? 0))).toBeLessThan(2);

  await scroll.evaluate((el) => (el.scrollLeft = 0));
  await page.getByRole('button', { name: 'Clip 1-0', exact: true }).focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(focusedLabel).toBe('Clip 1-3');
  await page.getByRole('tab', { name: 'Boards' }).click();
});

test('no errors on the page', () => {
  expect(errors).toEqual([]);
});
