import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { AssetHash } from '../../src/model/ids';
import { createProjectMeta } from '../../src/model/project';
import { seedRecords } from '../helpers/boardSeed';
import { launchPersistent, trackPageErrors } from '../helpers/browser';
import { noisePng, sha256Hex } from '../helpers/noisePng';

/**
 * The layout at 1024 × 768 (a tablet with a pen: every main view) and at 390 × 844 (a phone: read
 * and review). Nothing runs off the side of the window (a control is inside the window or inside
 * something that scrolls sideways, like the timeline's clips), the panes do not overlap, and the
 * controls each size is for are on screen. Screenshots, light and dark, go to the artifacts.
 */

const ARTIFACTS = 'tests/.artifacts/layout';
const LONG_HEADING = 'INT. ABANDONED GARAGE ON MILL STREET - NIGHT';
const DRAWN = noisePng(320, 180, 11);
const GENERATED = noisePng(320, 180, 12);
const frames = {
  drawn: sha256Hex(DRAWN) as AssetHash,
  generated: sha256Hex(GENERATED) as AssetHash,
};

function projectFile(): Buffer {
  const records = seedRecords(frames);
  const scenes = records.scenes.map((s, i) => (i === 0 ? { ...s, heading: LONG_HEADING } : s));
  return Buffer.from(
    JSON.stringify({
      format: 'frameline.project',
      version: 1,
      exportedAt: new Date().toISOString(),
      project: { meta: createProjectMeta('Brick and Steel'), ...records, scenes },
      assets: [
        { hash: frames.drawn, mimeType: 'image/png', data: DRAWN.toString('base64') },
        { hash: frames.generated, mimeType: 'image/png', data: GENERATED.toString('base64') },
      ],
    }),
  );
}

let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
let errors: string[];
let projectUrl = '';

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ context, close } = await launchPersistent());
  page = await context.newPage();
  errors = trackPageErrors(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(inject('baseUrl'));
});

afterAll(async () => {
  await close();
});

const board = (number: string) => page.getByRole('button', { name: `Shot ${number}`, exact: true });

/**
 * Controls and headings that stick out of the window sideways (or out of their pane: a pane
 * that scrolls sideways is a fault too, except where that is the design), and the page's own.
 */
function offTheSide(): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width)
      found.push(`the page is ${document.documentElement.scrollWidth} px wide`);
    // The timeline's clips and the script's long lines are meant to scroll sideways.
    const scrollsSideways = (el: Element) => el.closest('.timeline-scroll, .cm-scroller') !== null;
    const selector = 'button, input, select, textarea, a[href], h1, h2, h3, [role="tab"]';
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || el.closest('.skip-links')) continue;
      if ((box.right > width + 1 || box.left < -1) && !scrollsSideways(el)) {
        const name = el.getAttribute('aria-label') ?? el.textContent ?? '';
        found.push(
          `${el.tagName.toLowerCase()} "${name.trim().slice(0, 30)}" at ${Math.round(box.left)}–${Math.round(box.right)}`,
        );
      }
    }
    for (const pane of document.querySelectorAll<HTMLElement>(
      '.scene-list, .inspector, .boards-pane, .project-toolbar, .app-header',
    )) {
      if (pane.scrollWidth > pane.clientWidth + 1)
        found.push(
          `${pane.className.split(' ')[0]} scrolls sideways (${pane.scrollWidth} > ${pane.clientWidth})`,
        );
    }
    return found;
  });
}

/** The box of `selector`'s first match, in the window. */
const boxOf = (selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const { left, top, right, bottom } = el.getBoundingClientRect();
      return { left, top, right, bottom };
    });

/** True when the whole of what `locator` finds is inside the window. */
async function onScreen(
  name: string,
  locator: ReturnType<Page['locator']>,
): Promise<string | null> {
  const box = await locator.boundingBox();
  const view = page.viewportSize()!;
  if (!box) return `${name}: not shown`;
  const inside =
    box.x >= -1 &&
    box.y >= -1 &&
    box.x + box.width <= view.width + 1 &&
    box.y + box.height <= view.height + 1;
  return inside
    ? null
    : `${name}: at ${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}×${Math.round(box.height)}`;
}

/** Screenshots in light and dark, and whatever runs off the side, keyed by view. */
async function look(view: string, found: Record<string, string[]>): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
    await page.screenshot({
      path: `${ARTIFACTS}/${view}-${colorScheme}.png`,
      animations: 'disabled',
    });
  }
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  const off = await offTheSide();
  if (off.length > 0) found[view] = off;
}

test('at 1024 × 768 every main view fits, the panes sit side by side, and headings are whole', async () => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const found: Record<string, string[]> = {};
  await page.getByRole('heading', { name: 'No projects yet' }).waitFor();
  await look('1024-empty', found);
  await page
    .getByLabel('Project file')
    .setInputFiles({ name: 'brick.json', mimeType: 'application/json', buffer: projectFile() });
  await board('1A').waitFor();
  projectUrl = page.url();
  await page.goto(inject('baseUrl'));
  await page.locator('.project-card').first().waitFor();
  await look('1024-list', found);

  await page.goto(projectUrl);
  await board('1A').click();
  await look('1024-boards', found);
  // Scenes | boards | inspector, none over another, with room for two boards a row.
  const scenes = await boxOf('.scene-list');
  const boards = await boxOf('.boards-pane');
  const inspector = await boxOf('.inspector');
  expect(scenes.right).toBeLessThanOrEqual(boards.left + 1);
  expect(boards.right).toBeLessThanOrEqual(inspector.left + 1);
  expect(boards.bottom - boards.top).toBeGreaterThan(400);
  const first = (await board('1').boundingBox())!;
  const second = (await board('1A').boundingBox())!;
  expect(second.x).toBeGreaterThan(first.x + first.width);
  // The scene list shows the whole heading (it used to end "INT. ABAN…").
  const heading = page.locator('.scene-item .scene-heading').first();
  expect(await heading.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  expect(await heading.textContent()).toBe(LONG_HEADING);
  // The inspector scrolls on its own; its fields are there once scrolled to.
  await page.getByLabel('Shot type').scrollIntoViewIfNeeded();
  const missing = [
    await onScreen('Render animatic', page.getByRole('button', { name: 'Render animatic' })),
    await onScreen('Review', page.getByRole('button', { name: 'Review', exact: true })),
    await onScreen('board 1A', board('1A')),
    await onScreen('Shot type', page.getByLabel('Shot type')),
  ].filter((m) => m !== null);
  expect(missing).toEqual([]);

  await page.getByRole('tab', { name: 'Timeline' }).click();
  await page.getByRole('button', { name: 'Clip 1A', exact: true }).waitFor();
  await look('1024-timeline', found);
  await page.getByRole('tab', { name: 'Script' }).click();
  await page.locator('.cm-content').first().waitFor();
  await look('1024-script', found);
  await page.getByRole('tab', { name: 'Boards' }).click();

  await page.getByRole('button', { name: 'Review', exact: true }).click();
  await page.getByRole('complementary', { name: 'Review' }).waitFor();
  await look('1024-review', found);
  await page.getByRole('button', { name: 'Hide review' }).click();

  for (const [button, title] of [
    ['Render animatic', 'Render animatic'],
    ['Settings', 'Settings'],
  ] as const) {
    await page.getByRole('button', { name: button, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: title });
    await dialog.waitFor();
    await look(`1024-${button.toLowerCase().replace(' ', '-')}`, found);
    expect(await onScreen(`${title} dialog`, dialog)).toBeNull();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  }

  await board('1A').dblclick();
  const editor = page.getByRole('dialog', { name: 'Frame editor' });
  await editor.locator('canvas').first().waitFor();
  await look('1024-editor', found);
  expect(
    await onScreen('Save frame', editor.getByRole('button', { name: 'Save frame' })),
  ).toBeNull();
  await page.keyboard.press('Escape');
  await editor.waitFor({ state: 'detached' });
  expect(found).toEqual({});
});

test('at 390 × 844 the boards read at full width and a shot is approved and commented on', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  const found: Record<string, string[]> = {};
  await page.goto(inject('baseUrl'));
  await page.locator('.project-card').first().waitFor();
  await look('390-list', found);

  await page.goto(projectUrl);
  await board('1A').click();
  await look('390-boards', found);
  // A board is most of the width, and the boards have at least a third of the height.
  const shown = (await board('1A').boundingBox())!;
  expect(shown.width).toBeGreaterThan(300);
  const boards = await boxOf('.boards-pane');
  expect(boards.bottom - boards.top).toBeGreaterThan(844 / 3);
  const inspector = await boxOf('.inspector');
  expect(boards.bottom).toBeLessThanOrEqual(inspector.top + 1);

  // The shot's review comes first in the inspector: approve it and comment without hunting.
  const approved = page.getByRole('radio', { name: 'Approved' });
  const comment = page.getByLabel('Comment on this shot');
  await approved.scrollIntoViewIfNeeded();
  expect(await onScreen('Approved', approved.locator('..'))).toBeNull();
  const review = await boxOf('.inspector .shot-review');
  expect(review.top - inspector.top).toBeLessThan(120);
  await approved.check();
  await comment.scrollIntoViewIfNeeded();
  expect(await onScreen('Comment on this shot', comment)).toBeNull();
  await look('390-review', found);

  await page.getByRole('tab', { name: 'Timeline' }).click();
  await page.getByRole('button', { name: 'Clip 1A', exact: true }).waitFor();
  await look('390-timeline', found);
  expect(
    await onScreen('Zoom to fit', page.getByRole('button', { name: 'Zoom to fit' })),
  ).toBeNull();
  await page.getByRole('tab', { name: 'Boards' }).click();

  await page.getByRole('button', { name: 'Review', exact: true }).click();
  await page.getByRole('complementary', { name: 'Review' }).waitFor();
  await look('390-review-drawer', found);
  await page.getByRole('button', { name: 'Hide review' }).click();
  expect(found).toEqual({});
  expect(errors).toEqual([]);
});
