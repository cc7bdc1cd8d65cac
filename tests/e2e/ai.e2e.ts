import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { startFakeProvider, type FakeProviderServer } from '../fake-provider/server';
import { launchPersistent, trackPageErrors, chooseExport } from '../helpers/browser';

/**
 * AI providers as a user meets them, in Chromium against the production build, with every
 * provider played by the fake server on 127.0.0.1: two providers, the first one broken, frames
 * generated for a scene come from the second; the log shows both; and the keys typed into
 * Settings appear nowhere in plain text — not in IndexedDB, the exported project or the console.
 */

const SCRIPT = `Title: Night Shift

INT. KITCHEN - NIGHT

ANNA (40s), a tired night nurse in blue scrubs, waits by the window. Rain.

ANNA
He is not coming.

BEN (O.S.)
I'm right here.

EXT. ROOF - NIGHT

Ben lights a cigarette.
`;

/** Distinctive, so a match anywhere is the key and nothing else. */
const FLAKY_KEY = 'sk-e2e-flaky-7Qm2Zr9XwK4pLt8V';
const STEADY_KEY = 'sk-e2e-steady-3Hn6Yc1BvJ5sGd0F';
const KITCHEN = 'INT. KITCHEN - NIGHT';

let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
let errors: string[];
let fake: FakeProviderServer;
const consoleLines: string[] = [];

interface ExportedShot {
  sceneId: string;
  frameSource: string | null;
  takes: { providerLabel: string; model: string; hash: string }[];
}
interface ExportedProject {
  project: { scenes: { id: string; heading: string }[]; shots: ExportedShot[] };
}

beforeAll(async () => {
  fake = await startFakeProvider();
  ({ context, close } = await launchPersistent());
  page = await context.newPage();
  errors = trackPageErrors(page);
  page.on('console', (message) => {
    consoleLines.push(`${message.type()} ${message.text()} ${message.location().url}`);
  });
  await page.goto(inject('baseUrl'));
});

afterAll(async () => {
  await close();
  await fake.close();
});

async function exportProject(): Promise<{ text: string; json: ExportedProject }> {
  const download = page.waitForEvent('download');
  await chooseExport(page, 'Project file (.json)');
  const text = readFileSync(await (await download).path(), 'utf8');
  return { text, json: JSON.parse(text) as ExportedProject };
}

async function addProvider(name: string, baseUrl: string, key: string) {
  const settings = page.getByRole('region', { name: 'AI providers' });
  await settings.getByRole('button', { name: 'Add provider' }).click();
  await settings.getByLabel('Provider type').selectOption('openaiCompatible');
  await settings.getByLabel('Display name').fill(name);
  await settings.getByLabel('Base URL').fill(baseUrl);
  await settings.getByLabel('API key').fill(key);
  await settings.getByLabel('Model', { exact: true }).fill('fake-model');
}

async function testConnection(): Promise<string> {
  const status = page.getByRole('region', { name: 'AI providers' }).locator('.ai-test');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect.poll(() => status.textContent(), { timeout: 20_000 }).not.toMatch(/^(Testing…)?$/);
  return (await status.textContent()) ?? '';
}

test('two providers, the first failing: every shot of the scene gets its frame from the second', async () => {
  await page.getByRole('button', { name: 'Paste script' }).click();
  await page.getByLabel('Screenplay text').fill(SCRIPT);
  await page.getByRole('button', { name: 'Import pasted script' }).click();
  await page.getByRole('navigation', { name: 'Scenes' }).waitFor();
  const kitchen = page.getByRole('region', { name: KITCHEN });
  await expect
    .poll(() => kitchen.locator('.board img').count(), { timeout: 30_000 })
    .toBeGreaterThan(0);
  const kitchenShots = await kitchen.getByRole('button', { name: /^Shot / }).count();

  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('region', { name: 'AI providers' }).waitFor();

  // A server that answers without CORS headers is named as such, not as "unreachable".
  await addProvider('Flaky', fake.baseUrl('openai', 'nocors', 'v1'), FLAKY_KEY);
  expect(await testConnection()).toMatch(/does not allow calls from a web page \(CORS\)/);
  await dialog.getByLabel('Base URL').fill(fake.baseUrl('openai', '500', 'v1'));
  expect(await testConnection()).toMatch(/problem on its side/);
  await dialog.getByRole('button', { name: 'Save provider' }).click();

  await addProvider('Steady', fake.baseUrl('openai', 'ok', 'v1'), STEADY_KEY);
  expect(await testConnection()).toMatch(/^Connected/);
  await dialog.getByRole('button', { name: 'Save provider' }).click();
  await expect.poll(() => dialog.locator('.ai-provider').count()).toBe(2);
  await expect.poll(() => dialog.textContent()).toContain('key •••• Lt8V');
  expect(await dialog.textContent()).not.toContain(FLAKY_KEY);
  await dialog.getByRole('button', { name: 'Done' }).last().click();

  await kitchen.getByRole('button', { name: 'Generate all frames' }).click();
  const queue = page.getByRole('complementary', { name: 'Frame generation' });
  await expect
    .poll(() => queue.textContent(), { timeout: 45_000, interval: 250 })
    .toMatch(
      new RegExp(
        `${kitchenShots} of ${kitchenShots} frames.*finished|finished.*${kitchenShots} of ${kitchenShots} frames`,
      ),
    );

  const { json } = await exportProject();
  const sceneId = json.project.scenes.find((s) => s.heading === KITCHEN)?.id;
  const inScene = json.project.shots.filter((s) => s.sceneId === sceneId);
  const elsewhere = json.project.shots.filter((s) => s.sceneId !== sceneId);
  expect(inScene).toHaveLength(kitchenShots);
  for (const shot of inScene) {
    expect(shot.frameSource).toBe('ai');
    expect(shot.takes.map((t) => t.providerLabel)).toEqual(['Steady']);
  }
  expect(elsewhere.every((s) => s.frameSource === 'sketch' && s.takes.length === 0)).toBe(true);

  // The inspector shows the take as the current one.
  await kitchen
    .getByRole('button', { name: /^Shot / })
    .first()
    .click();
  await expect
    .poll(() => page.getByRole('button', { name: /^Take 1: Steady/ }).getAttribute('aria-pressed'))
    .toBe('true');

  // The usage dashboard shows both providers: the first only failing, the second answering.
  await page.getByRole('button', { name: 'Usage' }).click();
  const usage = page.getByRole('dialog', { name: 'Usage' });
  const flakyRow = usage.getByRole('row', { name: /Flaky/ });
  const steadyRow = usage.getByRole('row', { name: /Steady/ });
  await flakyRow.waitFor();
  const cells = async (row: typeof flakyRow) =>
    (await row.getByRole('cell').allTextContents()).map((t) => t.trim());
  const [flakyCalls, flakyFailed] = await cells(flakyRow);
  const [steadyCalls, steadyFailed] = await cells(steadyRow);
  expect(Number(flakyCalls)).toBeGreaterThanOrEqual(1);
  expect(flakyFailed).toBe(flakyCalls);
  expect(Number(steadyCalls)).toBe(kitchenShots);
  expect(steadyFailed).toBe('0');
  await usage.getByRole('button', { name: 'Done' }).click();

  // Nothing is lost across a reload: the takes and the choice of frame are stored.
  await page.reload();
  await page.getByRole('navigation', { name: 'Scenes' }).waitFor();
  const after = (await exportProject()).json.project.shots.filter((s) => s.sceneId === sceneId);
  expect(after.map((s) => [s.frameSource, s.takes.length])).toEqual(inScene.map(() => ['ai', 1]));
  expect(errors).toEqual([]);
});

test('the keys appear nowhere in plain text: IndexedDB, the exported project, the console', async () => {
  const stored = await page.evaluate(async () => {
    const latin1 = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join('');
    const serialise = async (value: unknown, depth = 0): Promise<string> => {
      if (depth > 12) return '';
      if (value instanceof Blob) return latin1(new Uint8Array(await value.arrayBuffer()));
      if (value instanceof ArrayBuffer) return latin1(new Uint8Array(value));
      if (ArrayBuffer.isView(value))
        return latin1(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      if (value instanceof CryptoKey) return `[CryptoKey extractable=${value.extractable}]`;
      if (Array.isArray(value))
        return (await Promise.all(value.map((v) => serialise(v, depth + 1)))).join(',');
      if (value && typeof value === 'object') {
        const parts = await Promise.all(
          Object.entries(value).map(async ([k, v]) => `${k}:${await serialise(v, depth + 1)}`),
        );
        return `{${parts.join(',')}}`;
      }
      return String(value);
    };
    const out: string[] = [];
    const stores: string[] = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const name of Array.from(db.objectStoreNames)) {
        const records = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        stores.push(`${info.name}/${name}:${records.length}`);
        for (const record of records) out.push(await serialise(record));
      }
      db.close();
    }
    const web = [JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })];
    return { text: [...out, ...web].join('\n'), stores };
  });
  // The scan saw the sealed keys themselves (so it looked where they are).
  expect(stored.stores).toContain('frameline/aiKeys:2');
  expect(stored.text).toContain('[CryptoKey extractable=false]');

  const { text: exported } = await exportProject();
  const consoleText = consoleLines.join('\n');
  for (const key of [FLAKY_KEY, STEADY_KEY]) {
    expect(stored.text).not.toContain(key);
    expect(exported).not.toContain(key);
    expect(consoleText).not.toContain(key);
  }
  // The fake server did receive them, in the Authorization header only.
  const sent = fake.requests().filter((r) => r.headers.authorization === `Bearer ${STEADY_KEY}`);
  expect(sent.length).toBeGreaterThan(0);
  expect(fake.requests().some((r) => r.query.includes('sk-e2e') || r.path.includes('sk-e2e'))).toBe(
    false,
  );
});
