import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createGeminiAdapter } from '../../src/ai/providers/gemini';
import { createOpenAiAdapter } from '../../src/ai/providers/openai';
import type { AdapterOptions } from '../../src/ai/providers/options';
import type { CallContext, TextRequest } from '../../src/ai/providers/types';
import { screenplayToSnapshot } from '../../src/export/screenplayImport';
import { askStructured, parseStructured } from '../../src/workflows/pipeline/structured';
import { bibleSchema, outlineSchema } from '../../src/workflows/idea/outputs';
import { startFakeProvider, type FakeProviderServer } from '../fake-provider/server';

/**
 * The fake provider plays the parts an end-to-end run needs: structured answers (and a
 * malformed one on request), a screenplay, scripted failures, and a call log that shows whether
 * anything was asked twice.
 */

const options = (baseUrl: string): AdapterOptions => ({
  baseUrl,
  model: '',
  textModel: '',
  voice: '',
  workflow: '',
});
const ctx = (more: Partial<CallContext> = {}): CallContext => ({
  signal: new AbortController().signal,
  apiKey: 'sk-fake-key-123456',
  ...more,
});
/** The instructions are the idea pipeline's own, in short: the fake answers by what they ask. */
const OUTLINE: TextRequest = {
  system: 'Answer with JSON only: {"title": "...", "beats": [{"title": "...", "summary": "..."}]}.',
  prompt: 'Idea: A lighthouse keeper waits out a storm.\nShe hears a ship.',
  maxOutputTokens: 500,
};
const BIBLE: TextRequest = {
  system: 'Answer with JSON only: [{"name": "...", "look": "...", "wardrobe": "..."}].',
  prompt: 'Characters: MARA, TOMAS\n\nScript: …',
  maxOutputTokens: 500,
};
const SCRIPT: TextRequest = {
  system: 'Write the screenplay in Fountain.',
  prompt: 'Idea: A lighthouse keeper.',
  maxOutputTokens: 500,
};

let fake: FakeProviderServer;
beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const openai = (scenario = 'ok') =>
  createOpenAiAdapter(options(fake.baseUrl('openai', scenario, 'v1')));

describe('fake provider: what it answers', () => {
  test('outline and bible requests get JSON in the schema, the script request a screenplay', async () => {
    const adapter = openai();
    const outline = await adapter.text!(OUTLINE, ctx({ onText: () => undefined }));
    expect(parseStructured(outlineSchema, outline.text).beats.length).toBeGreaterThanOrEqual(3);
    const bible = await adapter.text!(BIBLE, ctx());
    expect(parseStructured(bibleSchema, bible.text).map((e) => e.name)).toEqual(['MARA', 'TOMAS']);
    const script = await adapter.text!(SCRIPT, ctx({ onText: () => undefined }));
    const read = screenplayToSnapshot(script.text, 'fake.fountain');
    expect(read.ok).toBe(true);
    if (read.ok) {
      expect(read.snapshot.scenes.length).toBe(2);
      expect(read.snapshot.characters.map((c) => c.name).sort()).toEqual(['MARA', 'TOMAS']);
    }
  });

  test('a malformed answer once: the structured retry gets a good one the second time', async () => {
    fake.malformed('outline', 1);
    const adapter = openai();
    const answers: string[] = [];
    const outline = await askStructured(outlineSchema, async (correction) => {
      const request = correction
        ? { ...OUTLINE, prompt: `${OUTLINE.prompt}\n\n${correction}` }
        : OUTLINE;
      const { text } = await adapter.text!(request, ctx({ onText: () => undefined }));
      answers.push(text);
      return text;
    });
    expect(answers).toHaveLength(2);
    expect(() => JSON.parse(answers[0]!) as unknown).toThrow();
    expect(outline.beats.length).toBeGreaterThanOrEqual(3);
  });
});

describe('fake provider: call log and scripted failures', () => {
  test('lists every request with its kind and body hash; the same request twice shows', async () => {
    const adapter = openai();
    await adapter.text!(OUTLINE, ctx());
    await adapter.text!(OUTLINE, ctx({ onText: () => undefined }));
    await adapter.text!(OUTLINE, ctx());
    await adapter.testConnection(ctx());
    const calls = fake.calls();
    expect(calls.map((c) => [c.seq, c.method, c.path, c.kind, c.status])).toEqual([
      [1, 'POST', '/v1/responses', 'text', 200],
      [2, 'POST', '/v1/responses', 'text', 200],
      [3, 'POST', '/v1/responses', 'text', 200],
      [4, 'GET', '/v1/models', 'other', 200],
    ]);
    expect(calls[0]?.bodySha256).toMatch(/^[0-9a-f]{64}$/);
    expect(calls[2]?.bodySha256).toBe(calls[0]?.bodySha256);
    expect(calls[1]?.bodySha256).not.toBe(calls[0]?.bodySha256); // it asked to stream
    // Over HTTP too, for end-to-end tests.
    const overHttp = (await (await fetch(`${fake.url}__control/calls`)).json()) as unknown[];
    expect(overHttp).toHaveLength(4);
  });

  test('fails the nth request of a kind with the status asked, and only that many', async () => {
    const adapter = createGeminiAdapter(options(fake.baseUrl('gemini', 'ok', 'v1beta')));
    fake.fail({ kind: 'text', nth: 2, status: 429, times: 1 });
    const image = {
      prompt: 'x',
      negativePrompt: '',
      aspectRatio: 1,
      seed: 1,
      references: [],
      referenceNote: '',
      sketch: null,
    };
    await adapter.text!(OUTLINE, ctx());
    await adapter.image!(image, ctx()); // another kind: not counted
    const error = await adapter.text!(OUTLINE, ctx()).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'rateLimit', retryAfterMs: 1000 });
    await adapter.text!(OUTLINE, ctx());
    expect(fake.calls().map((c) => `${c.kind}:${c.status}:${c.scripted ?? ''}`)).toEqual([
      'text:200:',
      'image:200:',
      'text:429:status',
      'text:200:',
    ]);
  });

  test('a scripted cut stops a streamed answer half way; a whole answer gets a 500 instead', async () => {
    const adapter = openai();
    fake.fail({ kind: 'text', nth: 1, cut: true, times: 2 });
    const partials: string[] = [];
    const cut = await adapter.text!(SCRIPT, ctx({ onText: (p) => partials.push(p) })).catch(
      (e: unknown) => e,
    );
    expect(cut).toMatchObject({ kind: 'network', message: expect.stringMatching(/half way/) });
    expect(partials.length).toBeGreaterThan(0);
    const whole = await adapter.text!(SCRIPT, ctx()).catch((e: unknown) => e);
    expect(whole).toMatchObject({ kind: 'server' });
    const calls = fake.calls();
    expect(calls.map((c) => [c.status, c.finished, c.scripted])).toEqual([
      [200, false, 'cut'],
      [500, true, 'status'],
    ]);
  });

  test('reset over HTTP forgets the log, the rules and the answers', async () => {
    fake.fail({ kind: 'any', nth: 1 });
    fake.setTextAnswer('fixed');
    await openai().text!(OUTLINE, ctx()).catch(() => undefined);
    await fetch(`${fake.url}__control/reset`, { method: 'POST' });
    expect(fake.calls()).toEqual([]);
    const answer = await openai().text!(OUTLINE, ctx());
    expect(answer.text).not.toBe('fixed');
  });
});
