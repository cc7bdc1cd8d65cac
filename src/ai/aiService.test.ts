import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startFakeProvider, type FakeProviderServer } from '../../tests/fake-provider/server';
import { newProviderConfig, type ProviderConfig } from './settings/providerConfig';
import { openAiHarness, type AiHarness } from './testKit';

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

describe('AI service', () => {
  test('a saved provider keeps its key in the vault only, and test connection uses it', async () => {
    const config = compatible('ok', 'Local');
    await h.ai.saveProvider(config, { set: KEY });
    expect(JSON.stringify(await h.ai.settingsStore.get('providers'))).not.toContain(KEY);
    expect(await h.ai.vault.get(config.id)).toBe(KEY);
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
    expect(await h.ai.vault.get(config.id)).toBeNull();
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
    expect(await h.ai.vault.get(bad.id)).toBeNull();
  });
});
