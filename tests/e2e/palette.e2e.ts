import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { SceneId, ShotId } from '../../src/model/ids';
import { createProjectMeta } from '../../src/model/project';
import { createScene } from '../../src/model/scene';
import { createShot, type Shot } from '../../src/model/shot';
import { launchPersistent, trackPageErrors } from '../helpers/browser';
import { shootThemes } from '../helpers/screens';

/**
 * The command palette (Ctrl+K): a line of dialogue typed in one project finds its shot in
 * another, and Enter opens that project with the shot selected and on screen; an edit made a
 * moment ago is found; commands run from it. Screenshots light and dark, 1024 and 1440 wide.
 */

const ARTIFACTS = 'tests/.artifacts';
const LINE = 'The lighthouse keeper never sleeps on a Tuesday';

/** A project file of `scenes` × `perScene` shots; `special` puts a line on one of them. */
function projectFile(
  title: string,
  scenes: number,
  perScene: number,
  special?: { scene: number; shot: number; line: string },
): Buffer {
  const sceneRecords = Array.from({ length: scenes }, (_, s) =>
    createScene({
      id: `scene-${s + 1}` as SceneId,
      number: String(s + 1),
      heading: `INT. ROOM ${s + 1} - DAY`,
    }),
  );
  const shots: Shot[] = sceneRecords.flatMap((scene, s) =>
    Array.from({ length: perScene }, (_, i) =>
      createShot({
        id: `shot-${s + 1}-${i + 1}` as ShotId,
        sceneId: scene.id,
        number: `${s + 1}${i === 0 ? '' : String.fromCharCode(64 + i)}`,
        action: `Someone waits in room ${s + 1}.`,
        dialogue: [
          {
            speaker: 'MARA',
            line:
              special?.scene === s + 1 && special.shot === i + 1
                ? special.line
                : `Line ${i + 1} of scene ${s + 1}, nothing much.`,
            parenthetical: '',
          },
        ],
      }),
    ),
  );
  return Buffer.from(
    JSON.stringify({
      format: 'frameline.project',
      version: 1,
      exportedAt: new Date().toISOString(),
      project: { meta: createProjectMeta(title), scenes: sceneRecords, shots, characters: [] },
      assets: [],
    }),
  );
}

let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
let errors: string[];
let harbourHash = '';

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

const palette = () => page.getByRole('dialog', { name: 'Command palette' });
const field = () => palette().getByRole('combobox');
const options = () => palette().getByRole('option');
const hash = () => page.evaluate(() => window.location.hash);

async function importProject(name: string, buffer: Buffer) {
  const before = await hash();
  await page
    .getByLabel('Project file')
    .setInputFiles({ name, mimeType: 'application/json', buffer });
  await expect.poll(hash, { timeout: 15_000 }).not.toBe(before);
  await page.locator('.board').first().waitFor({ timeout: 15_000 });
}

test('two projects are imported; the shot with the line is far down the second', async () => {
  // Shot 4F (scene 4, seventh shot) of 6 × 8: well below the first screen of boards.
  await importProject(
    'harbour.json',
    projectFile('Harbour Lights', 6, 8, { scene: 4, shot: 7, line: LINE }),
  );
  harbourHash = await hash();
  await importProject('brick.json', projectFile('Brick and Steel', 2, 3));
  expect(await hash()).not.toBe(harbourHash);
});

test('Ctrl+K opens the palette; a line of dialogue from the other project finds its shot first', async () => {
  await page.locator('.board').first().click();
  await page.keyboard.press('Control+k');
  await field().waitFor();
  expect(await field().evaluate((input) => input === document.activeElement)).toBe(true);
  await field().fill('lighthouse keeper never sleeps');
  await expect
    .poll(() => options().first().textContent(), { timeout: 15_000 })
    .toContain('Shot 4F');
  const first = options().first();
  expect(await first.textContent()).toContain('Harbour Lights');
  expect(await first.textContent()).toContain(LINE);
  expect(await first.getAttribute('aria-selected')).toBe('true');
  expect(await field().getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
  await expect.poll(() => palette().getByRole('status').textContent()).toMatch(/^\d+ results?/);
  expect(await palette().getByRole('group', { name: 'Shots' }).count()).toBe(1);
  await shootThemes(page, ARTIFACTS, 'palette-line');
});

test('Enter opens the other project with that shot selected and scrolled into view', async () => {
  await page.keyboard.press('Enter');
  await expect.poll(() => palette().count()).toBe(0);
  await expect.poll(hash).toBe(harbourHash);
  const board = page.getByRole('button', { name: 'Shot 4F', exact: true });
  await expect
    .poll(() => board.evaluate((element) => element === document.activeElement), {
      timeout: 15_000,
    })
    .toBe(true);
  const inView = await board.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });
  expect(inView).toBe(true);
  const inspector = page.getByRole('complementary', { name: 'Shot inspector' });
  expect(await inspector.textContent()).toContain('4F');
});

test('an edit made a moment ago is found, and arrows pick among results', async () => {
  const notes = page.getByRole('complementary', { name: 'Shot inspector' }).getByLabel('Notes');
  await notes.fill('A purple umbrella drifts past the window');
  await notes.press('Tab');
  await page.keyboard.press('Control+k');
  await field().fill('purple umbrella');
  await expect
    .poll(() => options().first().textContent(), { timeout: 15_000 })
    .toContain('Shot 4F');
  await field().fill('line');
  await expect.poll(() => options().count(), { timeout: 15_000 }).toBeGreaterThan(2);
  const second = await options().nth(1).getAttribute('id');
  await page.keyboard.press('ArrowDown');
  expect(await field().getAttribute('aria-activedescendant')).toBe(second);
  await page.keyboard.press('Escape');
  await expect.poll(() => palette().count()).toBe(0);
});

test('commands run from the palette: "rend" then Enter opens the render dialog', async () => {
  await page.keyboard.press('Control+k');
  await field().fill('rend');
  const commands = palette().getByRole('group', { name: 'Commands' });
  await expect.poll(() => commands.getByRole('option').first().textContent()).toContain('Render');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: /render/i }).waitFor();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+k');
  await shootThemes(page, ARTIFACTS, 'palette-commands');
  await page.keyboard.press('Escape');
  await expect.poll(() => palette().count()).toBe(0);
  // The shortcut sheet (?) names the palette's key.
  await page.locator('.board').first().focus();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await sheet.waitFor();
  expect(await sheet.textContent()).toContain('Command palette');
  await page.keyboard.press('Escape');
  expect(errors).toEqual([]);
});
