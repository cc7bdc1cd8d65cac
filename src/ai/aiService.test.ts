import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startFakeProvider, type FakeProviderServer } from '../../tests/fake-provider/server';
import { newProviderConfig, type ProviderConfig } from './settings/providerConfig';
import { openAiHarness, type AiHarness } from './testKit';
import { KeyVault } from '../store/keyVault';

const KEY = 'sk-service-test-8c1f02d9aa77e3b5';

let fake: FakeProviderServer;
let h: AiHarness;

beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(async () => {
  h = await openAiHarness();
});
afterEach(async () => {
  await h.close();
});

function compatible(scenario: string, label: string): ProviderConfig {
  return {
    ...newProviderConfig('openaiCompatible'),
    label,
    baseUrl: fake.baseUrl('openai', scenario, 'v1'),
    model: 'fake-model',
  };
}

/** The key as stored, read by a vault of its own over the same tables (the service shows none). */
const storedKey = (id: string) => new KeyVault(h.ai.db).get(id);

/** Whether `needle` is a string anywhere among the object's fields (not inside the database). */
function holds(root: unknown, needle: string, seen = new Set<unknown>(), depth = 0): boolean {
  if (typeof root === 'string') return root.includes(needle);
  if (root === null || typeof root !== 'object' || seen.has(root) || depth > 6) return false;
  seen.add(root);
  if (root === h.ai.db) return false;
  const values = root instanceof Map ? [...root.keys(), ...root.values()] : Object.values(root);
  return values.some((value) => holds(value, needle, seen, depth + 1));
}

/**
 * Every function reachable from `root` through its fields (not inside the database), with the
 * field name it was found under: what code holding the service can call.
 */
function reachableFunctions(root: unknown): Map<string, unknown> {
  const found = new Map<string, unknown>();
  const seen = new Set<unknown>();
  const visit = (value: unknown, path: string, depth: number) => {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return;
    if (seen.has(value) || depth > 6 || value === h.ai.db) return;
    seen.add(value);
    if (typeof value === 'function') found.set(path, value);
    if (typeof value !== 'object') return;
    for (const name of Object.getOwnPropertyNames(value)) {
      visit((value as Record<string, unknown>)[name], `${path}.${name}`, depth + 1);
    }
  };
  visit(root, 'ai', 0);
  return found;
}

describe('AI service', () => {
  test('what the app holds of the vault cannot read a key: only the AI layer decrypts, per call', async () => {
    const config = compatible('ok', 'Local');
    await h.ai.saveProvider(config, { set: KEY });
    expect('get' in h.ai.vault).toBe(false);
    const reachable = [h.ai, ...Object.values(h.ai), ...Object.values(h.ai.vault)];
    expect(reachable.some((value) => value instanceof KeyVault)).toBe(false);
    // The key reaches the provider when a call needs it, and is not kept anywhere after.
    await h.ai.testConnection(config, null);
    await h.ai.router.text({ system: '', prompt: 'Hello', maxOutputTokens: 10 });
    expect(fake.requests().at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(holds(h.ai, KEY)).toBe(false);
  });

  test('no field of the service, the router’s included, leads to the function that reads keys', async () => {
    const config = compatible('ok', 'Local');
    await h.ai.saveProvider(config, { set: KEY });
    const readers: string[] = [];
    for (const [path, fn] of reachableFunctions(h.ai)) {
      // Only functions of one argument named like a key reader are tried; none may answer.
      if (!/key/i.test(path) || (fn as (...args: unknown[]) => unknown).length !== 1) continue;
      const answer = await Promise.resolve((fn as (id: string) => unknown)(config.id)).catch(
        () => null,
      );
      if (answer === KEY) readers.push(path);
    }
    expect(readers).toEqual([]);
  });

  test('a saved provider keeps its key in the vault only, and test connection uses it', async () => {
    const config = compatible('ok', 'Local');
    await h.ai.saveProvider(config, { set: KEY });
    expect(JSON.stringify(await h.ai.settingsStore.get('providers'))).not.toContain(KEY);
    expect(await storedKey(config.id)).toBe(KEY);
    const result = await h.ai.testConnection(config, null);
    expect(result).toMatchObject({ ok: true });
    expect(result.message).toMatch(/including fake-model/);
    expect(fake.requests().at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  test('test connection says a refused key in plain words, without the key', async () => {
    const result = await h.ai.testConnection(compatible('401', 'Bad'), KEY);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^The API key was refused/);
    expect(result.message).not.toContain(KEY);
  });

  test('test connection tells "unreachable" and "no credit" apart', async () => {
    const down = { ...compatible('ok', 'Down'), baseUrl: 'http://127.0.0.1:9/v1' };
    expect((await h.ai.testConnection(down, KEY)).message).toMatch(/could not be reached/);
    expect((await h.ai.testConnection(compatible('nocredit', 'Broke'), KEY)).message).toMatch(
      /no credit/,
    );
  });

  test('a provider that needs a key cannot be tested without one', async () => {
    const openai = { ...newProviderConfig('openai'), baseUrl: fake.baseUrl('openai', 'ok', 'v1') };
    expect(await h.ai.testConnection(openai, null)).toEqual({
      ok: false,
      message: 'Enter the API key first.',
    });
  });

  test('removing a provider deletes its key', async () => {
    const config = compatible('ok', 'Local');
    await h.ai.saveProvider(config, { set: KEY });
    await h.ai.removeProvider(config.id);
    expect(await storedKey(config.id)).toBeNull();
    expect((await h.ai.settings()).providers).toEqual([]);
  });

  test('image chains follow the user’s order and always end with the offline sketch', async () => {
    const first = compatible('ok', 'First');
    const second = compatible('ok', 'Second');
    await h.ai.saveProvider(first, 'keep');
    await h.ai.saveProvider(second, 'keep');
    expect((await h.ai.chain('image')).map((p) => p.label)).toEqual([
      'First',
      'Second',
      'Offline sketch',
    ]);
    await h.ai.setOrder('image', [second.id, first.id]);
    expect((await h.ai.chain('image')).map((p) => p.label)).toEqual([
      'Second',
      'First',
      'Offline sketch',
    ]);
    expect((await h.ai.chain('text')).map((p) => p.label)).toEqual(['First', 'Second']);
    expect((await h.ai.chain('speech')).map((p) => p.label)).toEqual([]);
  });

  test('settings that fail validation are refused before anything is stored', async () => {
    const bad = { ...compatible('ok', 'Bad'), baseUrl: 'http://user:secret@127.0.0.1/v1' };
    await expect(h.ai.saveProvider(bad, { set: KEY })).rejects.toThrow(/not in the Base URL/);
    expect(await storedKey(bad.id)).toBeNull();
  });
});
