import { mkdirSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { createCharacter } from '../../src/model/character';
import type { AssetHash, CharacterId, SceneId, ShotId } from '../../src/model/ids';
import { createProjectMeta } from '../../src/model/project';
import { createScene } from '../../src/model/scene';
import { createShot } from '../../src/model/shot';
import { ms } from '../../src/model/units';
import { startFakeProvider, type FakeProviderServer } from '../fake-provider/server';
import { launchPersistent, trackPageErrors } from '../helpers/browser';
import { sha256Hex, solidPng } from '../helpers/noisePng';

/**
 * Suggestions end to end against the fake OpenAI on 127.0.0.1 (text, images and pictures read
 * by the text model): a scene's review as a diff — one suggestion applied and undone, another
 * skipped, one applied and undone with Ctrl+Z after the dialog closed — and a generated frame
 * checked against its shot and cast, then regenerated with the check's notes as a new take.
 */

const ARTIFACTS = 'tests/.artifacts/suggestions';
const KEY = 'sk-suggest-e2e-1b7d9f3a5c';
const ANNA = 'c-anna' as CharacterId;
/** Shot 1B's frame: generated at 1536×1024 earlier, too large to send as it is. */
const BIG_FRAME = solidPng(1536, 1024, [40, 90, 160]);
const BIG_HASH = sha256Hex(BIG_FRAME) as AssetHash;

function projectFile(): Buffer {
  const scene = createScene({
    id: 'scene-1' as SceneId,
    number: '1',
    heading: 'INT. HOSPITAL CORRIDOR - NIGHT',
  });
  const shot = (id: string, number: string, init: Parameters<typeof createShot>[0] | object) =>
    createShot({ id: id as ShotId, sceneId: scene.id, number, characterIds: [ANNA], ...init });
  return Buffer.from(
    JSON.stringify({
      format: 'frameline.project',
      version: 1,
      exportedAt: new Date().toISOString(),
      project: {
        meta: createProjectMeta('Night Shift'),
        scenes: [scene],
        shots: [
          shot('shot-1', '1', {
            shotType: 'WS',
            durationMs: ms(3000),
            action: 'Anna pushes a medicine cart down the empty corridor.',
          }),
          shot('shot-2', '1A', { shotType: 'MS', action: 'She stops at room four.' }),
          shot('shot-3', '1B', {
            shotType: 'MS',
            action: 'She looks back down the corridor.',
            frameHash: BIG_HASH,
            frameSource: 'ai',
            takes: [
              {
                id: 'take-big',
                hash: BIG_HASH,
                providerKind: 'openai',
                providerLabel: 'OpenAI',
                model: 'gpt-image-1',
                prompt: 'Anna looks back.',
                createdAt: Date.now(),
              },
            ],
          }),
        ],
        characters: [
          createCharacter({
            id: ANNA,
            name: 'ANNA',
            look: 'forties, grey braid',
            wardrobe: 'blue scrubs, white clogs',
          }),
        ],
      },
      assets: [{ hash: BIG_HASH, mimeType: 'image/png', data: BIG_FRAME.toString('base64') }],
    }),
  );
}

let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
let errors: string[];
let fake: FakeProviderServer;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  fake = await startFakeProvider();
  ({ context, close } = await launchPersistent());
  page = await context.newPage();
  errors = trackPageErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(inject('baseUrl'));
  await page
    .getByLabel('Project file')
    .setInputFiles({ name: 'night.json', mimeType: 'application/json', buffer: projectFile() });
  await board('1B').waitFor();
});

afterAll(async () => {
  await close();
  await fake.close();
});

const board = (n: string) => page.getByRole('button', { name: `Shot ${n}`, exact: true });
const inspector = () => page.getByRole('complementary', { name: 'Shot inspector' });
const dialog = () => page.getByRole('dialog', { name: 'Suggestions for scene 1' });
const suggestion = (name: string) => dialog().getByRole('listitem', { name, exact: true });
const check = () => inspector().getByRole('group', { name: 'Check frame' });

async function dismissToasts() {
  for (const dismiss of await page
    .locator('.toasts')
    .getByRole('button', { name: 'Dismiss' })
    .all())
    await dismiss.click({ timeout: 1000 }).catch(() => undefined);
}

/** Light and dark, at 1024 and 1440 wide. */
async function shoot(name: string, focus: Locator | null = null) {
  await dismissToasts();
  for (const width of [1024, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    if (focus) await focus.scrollIntoViewIfNeeded();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({
        path: `${ARTIFACTS}/${name}-${width}-${scheme}.png`,
        animations: 'disabled',
      });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function openSceneMenu() {
  await page.getByRole('button', { name: 'Scene 1 actions' }).first().click();
  return page.getByRole('menu', { name: 'Scene 1' });
}

async function addOpenAi() {
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const providers = settings.getByRole('region', { name: 'AI providers' });
  await providers.getByRole('button', { name: 'Add provider' }).click();
  await providers.getByLabel('Provider type').selectOption('openai');
  await providers.getByLabel('Display name').fill('Fake OpenAI');
  await providers.getByLabel('Base URL').fill(fake.baseUrl('openai', 'ok', 'v1'));
  await providers.getByLabel('API key').fill(KEY);
  await settings.getByRole('button', { name: 'Save provider' }).click();
  await expect.poll(() => settings.locator('.ai-provider').count()).toBe(1);
  await settings.getByRole('button', { name: 'Done' }).last().click();
}

const shotType = () => inspector().getByLabel('Shot type').inputValue();

test('without a text model the menu says what to set up', async () => {
  const menu = await openSceneMenu();
  await menu.getByRole('menuitem', { name: 'Suggest changes… (set up a text model)' }).click();
  await page.getByRole('dialog', { name: 'Settings' }).waitFor();
  await page.keyboard.press('Escape');
  await addOpenAi();
});

test('a scene review as a diff: apply one and undo it, skip another', async () => {
  fake.reset();
  const menu = await openSceneMenu();
  await menu.getByRole('menuitem', { name: 'Suggest changes…', exact: true }).click();
  await expect
    .poll(() => dialog().textContent())
    .toMatch(/One call to Fake OpenAI · gpt-4\.1-mini, about \$0\.00\d/);
  expect(fake.requests()).toHaveLength(0);
  await dialog().getByRole('button', { name: 'Ask for suggestions' }).click();
  await suggestion('Change: Shot 1').waitFor();
  const sent = fake.requests().filter((r) => r.path === '/v1/responses');
  expect(sent).toHaveLength(1);
  expect(sent[0]!.body).toContain('She stops at room four.');
  expect(await suggestion('Change: Shot 1').textContent()).toMatch(
    /Shot typeWide shot → Medium shotDuration3 s → 2 s/,
  );
  await suggestion('Leave out: Shot 1B').waitFor();
  await suggestion('New shot: After shot 1').waitFor();
  await shoot('review');

  await suggestion('Change: Shot 1').getByRole('button', { name: 'Apply' }).click();
  await expect.poll(() => suggestion('Change: Shot 1').textContent()).toMatch(/Applied/);
  await suggestion('Leave out: Shot 1B').getByRole('button', { name: 'Skip' }).click();
  await expect.poll(() => suggestion('Leave out: Shot 1B').textContent()).toMatch(/Skipped/);
  await shoot('applied');
  await suggestion('Change: Shot 1').getByRole('button', { name: 'Undo' }).click();
  await suggestion('Change: Shot 1').getByRole('button', { name: 'Apply' }).waitFor();

  await suggestion('New shot: After shot 1').getByRole('button', { name: 'Apply' }).click();
  await dialog().getByRole('button', { name: 'Close' }).click();
  await board('1.1').waitFor();
  await expect(board('1B').getAttribute('class')).resolves.not.toMatch(/omitted/);
  await board('1').click();
  expect(await shotType()).toBe('WS');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect.poll(() => board('1.1').count()).toBe(0);
});

test('a suggestion for a shot edited in another tab meanwhile is marked, applied only when asked', async () => {
  const menu = await openSceneMenu();
  await menu.getByRole('menuitem', { name: 'Suggest changes…', exact: true }).click();
  await dialog().getByRole('button', { name: 'Ask for suggestions' }).click();
  const item = suggestion('Change: Shot 1A');
  await item.getByRole('button', { name: 'Apply', exact: true }).waitFor();
  const other = await context.newPage();
  try {
    await other.goto(page.url());
    await other.getByRole('button', { name: 'Shot 1A', exact: true }).click();
    await other
      .getByRole('complementary', { name: 'Shot inspector' })
      .getByLabel('Camera move')
      .selectOption('pan');
    await expect
      .poll(() => item.textContent(), { timeout: 10_000 })
      .toMatch(/Changed since the review/);
    expect(await item.textContent()).toMatch(/CameraStatic → Dolly \(now Pan\)/);
    expect(await item.getByRole('button', { name: 'Apply', exact: true }).count()).toBe(0);
    await shoot('stale', item);
    await item.getByRole('button', { name: 'Apply anyway' }).click();
    await expect.poll(() => item.textContent()).toMatch(/Applied/);
    await dialog().getByRole('button', { name: 'Close' }).click();
    await board('1A').click();
    expect(await inspector().getByLabel('Camera move').inputValue()).toBe('dolly');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => inspector().getByLabel('Camera move').inputValue()).toBe('pan');
  } finally {
    await other.close();
  }
});

test('a generated frame checked against its shot, then regenerated with the notes', async () => {
  await board('1A').click();
  await inspector().getByRole('button', { name: 'Generate frame' }).click();
  const takes = inspector().getByRole('group', { name: 'Takes' });
  await takes.getByRole('button', { name: /^Take 1: Fake OpenAI/ }).waitFor({ timeout: 30_000 });
  await expect.poll(() => check().textContent()).toMatch(/Fake OpenAI · gpt-4\.1-mini, about \$/);
  fake.reset();
  await check().getByRole('button', { name: 'Check frame' }).click();
  const result = check().getByLabel('Frame check');
  await expect.poll(() => result.textContent(), { timeout: 20_000 }).toMatch(/3\/5/);
  expect(await result.textContent()).toMatch(/ANNA's wardrobe differs from the character sheet/);
  const [sent] = fake.requests();
  expect(sent?.path).toBe('/v1/responses');
  expect(sent?.body).toContain('"type":"input_image","image_url":"data:image/png;base64,');
  expect(sent?.body).toContain('wardrobe: blue scrubs, white clogs');
  await shoot('checked', result);

  fake.reset();
  await result.getByRole('button', { name: 'Regenerate with these notes' }).click();
  await takes.getByRole('button', { name: /^Take 2: Fake OpenAI/ }).waitFor({ timeout: 30_000 });
  await takes.getByRole('button', { name: /^Take 1: Fake OpenAI/ }).waitFor();
  const image = fake.requests().find((r) => r.path.startsWith('/v1/images'));
  expect(image?.body).toContain('Corrections to the previous take: Dress ANNA exactly');
  await expect.poll(() => check().textContent()).toMatch(/New take by Fake OpenAI/);
  await shoot('regenerated', result);
  expect(errors).toEqual([]);
});

test('a large frame is scaled down before it is sent to be checked', async () => {
  await board('1B').click();
  fake.reset();
  await check().getByRole('button', { name: 'Check frame' }).click();
  await expect
    .poll(() => check().getByLabel('Frame check').textContent(), { timeout: 20_000 })
    .toMatch(/3\/5/);
  const body = JSON.parse(fake.requests()[0]!.body) as {
    input: { content: { type: string; image_url?: string }[] }[];
  };
  const url = body.input[0]!.content.find((c) => c.type === 'input_image')!.image_url!;
  expect(url).toMatch(/^data:image\/jpeg;base64,/);
  const jpeg = Buffer.from(url.split(',')[1]!, 'base64');
  // The JPEG's SOF0 marker holds its height and width: 1024 on the long side.
  const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
  expect([jpeg.readUInt16BE(sof + 7), jpeg.readUInt16BE(sof + 5)]).toEqual([1024, 683]);
  expect(jpeg.length).toBeLessThan(BIG_FRAME.length);
  expect(errors).toEqual([]);
});
