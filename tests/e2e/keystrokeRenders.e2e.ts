import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { storeProject } from '../bench/scaleProbe';
import { launchChromium, trackPageErrors } from '../helpers/browser';
import {
  installRenderTracker,
  startRecording,
  stopRecording,
  type RenderedComponent,
} from '../helpers/renderTracker';
import { scaleProject } from '../helpers/scaleProject';

/**
 * Typing in the inspector re-renders the inspector, the board of the shot typed in and the save
 * indicator, and nothing else: not the script panel's scenes, not the other boards, not the
 * toolbar. At 5,000 shots every component more is time between a key and its paint (issue 11).
 * Counted in the production build (tests/helpers/renderTracker.ts).
 */
const project = scaleProject(400);

let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  errors = trackPageErrors(page);
  await installRenderTracker(page);
  await page.goto(inject('baseUrl'));
  await page.getByRole('heading', { name: 'Projects' }).waitFor();
  await storeProject(page, project);
  await page.goto(`${inject('baseUrl')}#/project/${project.id}`);
  await page.locator('.board').first().waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

const actionField = () =>
  page
    .locator('.inspector label.field')
    .filter({ has: page.locator('span', { hasText: /^Action$/ }) })
    .locator('textarea');

const inRegion = (renders: readonly RenderedComponent[], region: string) =>
  renders.filter((r) => r.region === region);

test('a keystroke in the Action field re-renders the inspector, its board and the save status only', async () => {
  const shot = 'shot-00003';
  await page.locator(`[data-shot-id="${shot}"]`).click();
  await actionField().click();
  await page.keyboard.press('End');
  // The first edit makes Undo available: that one may change the toolbar.
  await page.keyboard.type(' a');
  await expect.poll(() => page.locator('.save-status').textContent()).toBe('Saved');
  const sceneMeta = () => page.locator('.scene-item.current .scene-meta').textContent();
  const metaBefore = await sceneMeta();

  await startRecording(page);
  await page.keyboard.type('bcd', { delay: 50 });
  await expect.poll(() => page.locator('.save-status').textContent()).toBe('Saved');
  const renders = await stopRecording(page);
  const metaAfter = await sceneMeta();
  const shown = JSON.stringify(renders, null, 1);

  // The tracker saw the edit at all: the inspector and the board typed in rendered.
  const inspector = inRegion(renders, 'inspector');
  expect(inspector.length, shown).toBeGreaterThan(0);
  // …but not its Scene field (an option per scene of the project).
  expect(
    inspector.filter((r) => r.element === 'select'),
    shown,
  ).toEqual([]);
  const boards = new Set(inRegion(renders, 'boards-pane').flatMap((r) => r.shotId ?? []));
  expect([...boards], shown).toEqual([shot]);
  // Of the toolbar, only "Saving…"/"Saved".
  const toolbar = inRegion(renders, 'project-toolbar');
  expect(
    toolbar.filter((r) => !r.element.startsWith('span.save-status')),
    shown,
  ).toEqual([]);
  // The script panel: nothing, unless the scene's page estimate moved: then the panel itself and
  // that scene's row.
  const panel = inRegion(renders, 'scene-list');
  if (metaAfter === metaBefore) expect(panel, shown).toEqual([]);
  else {
    const rest = panel.filter((r) => !r.element.startsWith('aside.scene-list'));
    expect(new Set(rest.map((r) => r.sceneRow)).size, shown).toBe(1);
    expect(
      rest.every((r) => r.sceneRow !== null),
      shown,
    ).toBe(true);
  }
  expect(errors).toEqual([]);
});
