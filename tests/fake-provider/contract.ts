import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { ProviderError, type ErrorKind } from '../../src/ai/providers/errors';
import { bytesToBase64, sniffImageType } from '../../src/ai/providers/media';
import type {
  CallContext,
  ImageRequest,
  ProviderAdapter,
  ReferenceImage,
} from '../../src/ai/providers/types';
import { fakePng } from './png';
import { videoToEnd } from './videoContract';
import { startFakeProvider, type FakeProviderServer } from './server';

/**
 * The one suite every provider adapter passes against the fake server (STYLE §10): what it
 * declares it can do, it does; results are bytes; the key travels only in its header and never
 * shows in an error; each kind of failure is reported as the right ProviderError kind.
 */
export interface ContractSetup {
  readonly name: string;
  /** The fake's vendor prefix and the API root under it (`v1`, `v1beta`, or empty). */
  readonly vendor: string;
  readonly apiRoot: string;
  /** The key the adapter is given; null for providers without keys. */
  readonly key: string | null;
  /** The header the key must travel in. */
  readonly keyHeader: string | null;
  readonly create: (baseUrl: string) => ProviderAdapter;
  /** Headers this API requires beyond the key and content type. */
  readonly requiredHeaders?: Readonly<Record<string, string>>;
}

export const CONTRACT_KEY = 'sk-contract-test-5f2a9c71e3b04d68';

/** Request headers a minimal client sends; anything else an adapter adds must be in requiredHeaders. */
const PLAIN_HEADERS = new Set([
  'host',
  'connection',
  'content-type',
  'content-length',
  'accept',
  'accept-encoding',
  'accept-language',
  'user-agent',
  'sec-fetch-mode',
  'transfer-encoding',
]);

const REFERENCE: ReferenceImage = {
  name: 'ANNA',
  bytes: new Uint8Array(fakePng('reference sheet of ANNA', 8, 8)),
  mimeType: 'image/png',
};

function imageRequest(references: readonly ReferenceImage[] = []): ImageRequest {
  return {
    prompt: 'Storyboard frame, wide shot of a kitchen at night',
    negativePrompt: 'text, watermark',
    aspectRatio: 16 / 9,
    seed: 1234,
    references,
    referenceNote: references.length ? 'Image 1 is the character sheet of ANNA.' : '',
    sketch: null,
  };
}

function context(key: string | null, signal = new AbortController().signal): CallContext {
  return { signal, apiKey: key };
}

/** Calls the adapter's main capability (image, else text, else speech, else a video job). */
function callMain(adapter: ProviderAdapter, ctx: CallContext): Promise<unknown> {
  if (adapter.image) return adapter.image(imageRequest(), ctx);
  if (adapter.text)
    return adapter.text({ system: 'Be brief.', prompt: 'Say hello.', maxOutputTokens: 50 }, ctx);
  if (adapter.speech) return adapter.speech({ text: 'Hello there.', voice: '' }, ctx);
  if (adapter.video) return videoToEnd(adapter.video, ctx);
  throw new Error('adapter has no capability');
}

async function failureOf(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ProviderError);
    return error as ProviderError;
  }
  throw new Error('expected the call to fail');
}

export function runProviderContract(setup: ContractSetup): void {
  describe(`${setup.name} adapter contract`, () => {
    let fake: FakeProviderServer;
    const adapterFor = (scenario = 'ok') =>
      setup.create(fake.baseUrl(setup.vendor, scenario, setup.apiRoot));

    beforeAll(async () => {
      fake = await startFakeProvider();
    });
    afterAll(async () => {
      await fake.close();
    });
    beforeEach(() => fake.reset());

    test('declares only what it implements', () => {
      const adapter = adapterFor();
      expect(adapter.capabilities.size).toBeGreaterThan(0);
      expect(adapter.capabilities.has('text')).toBe(typeof adapter.text === 'function');
      expect(adapter.capabilities.has('image')).toBe(typeof adapter.image === 'function');
      expect(adapter.capabilities.has('speech')).toBe(typeof adapter.speech === 'function');
      expect(adapter.capabilities.has('imageToVideo')).toBe(adapter.video !== undefined);
      if (adapter.capabilities.has('imageWithReferences'))
        expect(adapter.capabilities.has('image')).toBe(true);
    });

    test('test connection makes a real call and says what it found', async () => {
      const message = await adapterFor().testConnection(context(setup.key));
      expect(message).toMatch(/connected/i);
      expect(fake.requests()).toHaveLength(1);
    });

    test('each capability returns usable results, images as bytes', async () => {
      const adapter = adapterFor();
      if (adapter.image) {
        const result = await adapter.image(imageRequest(), context(setup.key));
        expect(sniffImageType(result.bytes)).toBe(result.mimeType);
        expect(result.usage.images).toBe(1);
      }
      if (adapter.text) {
        const result = await adapter.text(
          { system: 'Be brief.', prompt: 'Say hello.', maxOutputTokens: 50 },
          context(setup.key),
        );
        expect(result.text.length).toBeGreaterThan(0);
        expect(result.usage.inputTokens + result.usage.outputTokens).toBeGreaterThan(0);
      }
      if (adapter.speech) {
        const result = await adapter.speech(
          { text: 'Hello there.', voice: '' },
          context(setup.key),
        );
        expect(result.bytes.length).toBeGreaterThan(0);
        expect(result.mimeType).toMatch(/^audio\//);
        expect(result.usage.characters).toBe('Hello there.'.length);
      }
    });

    test('reference images reach the provider when it accepts them', async () => {
      const adapter = adapterFor();
      if (!adapter.capabilities.has('imageWithReferences') || !adapter.image) return;
      await adapter.image(imageRequest([REFERENCE]), context(setup.key));
      const bodies = fake.requests().map((r) => r.body);
      const asBase64 = bytesToBase64(REFERENCE.bytes);
      const asLatin1 = Buffer.from(REFERENCE.bytes).toString('latin1');
      expect(bodies.some((body) => body.includes(asBase64) || body.includes(asLatin1))).toBe(true);
    });

    test('the key travels only in its header, with minimal headers and never in a URL', async () => {
      const adapter = adapterFor();
      await adapter.testConnection(context(setup.key));
      await callMain(adapter, context(setup.key));
      const expected = new Set([
        ...Object.keys(setup.requiredHeaders ?? {}),
        ...(setup.keyHeader ? [setup.keyHeader] : []),
      ]);
      for (const request of fake.requests()) {
        if (setup.key) {
          expect(request.query).not.toContain(setup.key);
          expect(request.path).not.toContain(setup.key);
          expect(request.body).not.toContain(setup.key);
        }
        const extra = Object.keys(request.headers).filter(
          (name) => !PLAIN_HEADERS.has(name) && !expected.has(name),
        );
        expect(extra).toEqual([]);
        for (const [name, value] of Object.entries(setup.requiredHeaders ?? {}))
          expect(request.headers[name]).toBe(value);
      }
      if (setup.keyHeader && setup.key) {
        const sent = fake.requests()[0]?.headers[setup.keyHeader];
        expect(String(sent)).toContain(setup.key);
      }
    });

    const failures: readonly [string, ErrorKind][] = [
      ['500', 'server'],
      ['429', 'rateLimit'],
      ['daily', 'quota'],
      ['nocredit', 'quota'],
      ['garbage', 'badResponse'],
    ];
    for (const [scenario, kind] of failures) {
      test(`a ${scenario} answer is reported as ${kind}`, async () => {
        const error = await failureOf(callMain(adapterFor(scenario), context(setup.key)));
        expect(error.kind).toBe(kind);
      });
    }

    test('a rate limit says how long to wait when the provider says so', async () => {
      const error = await failureOf(callMain(adapterFor('429'), context(setup.key)));
      expect(error.retryAfterMs).toBe(1000);
    });

    test('a refused key is auth, and the error never repeats the key', async () => {
      const error = await failureOf(callMain(adapterFor('401'), context(setup.key)));
      expect(error.kind).toBe('auth');
      if (setup.key) expect(`${error.message} ${error.stack ?? ''}`).not.toContain(setup.key);
    });

    test('a hanging provider is stopped by the signal, with the signal’s reason', async () => {
      const controller = new AbortController();
      const started = Date.now();
      setTimeout(() => controller.abort(new ProviderError('timeout', 'No answer in time.')), 100);
      const error = await failureOf(
        callMain(adapterFor('hang'), context(setup.key, controller.signal)),
      );
      expect(error.kind).toBe('timeout');
      expect(Date.now() - started).toBeLessThan(2000);
    });

    runStreamingContract(setup, () => fake, adapterFor);

    test('an address where nothing listens is a network error', async () => {
      const adapter = setup.create(`http://127.0.0.1:9/${setup.vendor}/${setup.apiRoot}`);
      const error = await failureOf(callMain(adapter, context(setup.key)));
      expect(error.kind).toBe('network');
    });
  });
}

/** A text long enough to arrive in many pieces (the fake streams 12 characters at a time). */
const LONG_ANSWER =
  'INT. LIGHTHOUSE - NIGHT\n\nRain on the glass. MARA winds the great lamp by hand, ' +
  'counting the turns under her breath — «une, deux, trois» — until the beam finds the sea.';

const STREAM_REQUEST = { system: 'Be brief.', prompt: 'Write a scene.', maxOutputTokens: 500 };

/**
 * Streaming text (for adapters that write text): pieces arrive in order, each the text so far,
 * and end as the whole answer with its token counts; a stream cut half way or ended by an error
 * event is an error in words, never a short answer; a cancel mid-stream ends the request.
 */
function runStreamingContract(
  setup: ContractSetup,
  fake: () => FakeProviderServer,
  adapterFor: (scenario?: string) => ProviderAdapter,
): void {
  const streaming = (adapter: ProviderAdapter, partials: string[], signal?: AbortSignal) =>
    adapter.text!(STREAM_REQUEST, {
      ...context(setup.key, signal),
      onText: (partial) => partials.push(partial),
    });

  test('streamed text arrives in order and adds up to the whole answer', async () => {
    const adapter = adapterFor();
    if (!adapter.text) return;
    fake().setTextAnswer(LONG_ANSWER);
    const partials: string[] = [];
    const result = await streaming(adapter, partials);
    expect(result.text).toBe(LONG_ANSWER);
    expect(partials.length).toBeGreaterThanOrEqual(Math.floor(LONG_ANSWER.length / 12));
    partials.forEach((partial, i) => {
      expect(LONG_ANSWER.startsWith(partial)).toBe(true);
      if (i > 0) expect(partial.length).toBeGreaterThan(partials[i - 1]!.length);
    });
    expect(partials.at(-1)).toBe(LONG_ANSWER);
    // Usage comes from the stream's last events.
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.usage.outputTokens).toBeGreaterThan(1);
    const calls = fake()
      .calls()
      .filter((c) => c.kind === 'text');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.finished).toBe(true);
  });

  test('without onText the answer comes whole, not streamed', async () => {
    const adapter = adapterFor();
    if (!adapter.text) return;
    fake().setTextAnswer(LONG_ANSWER);
    const result = await adapter.text(STREAM_REQUEST, context(setup.key));
    expect(result.text).toBe(LONG_ANSWER);
    const sent = fake().requests().at(-1)!;
    expect(sent.path).not.toMatch(/stream/i);
    expect(sent.body).not.toContain('"stream":true');
  });

  test('a stream cut half way is an error in words, not a short answer', async () => {
    const adapter = adapterFor('cut');
    if (!adapter.text) return;
    fake().setTextAnswer(LONG_ANSWER);
    const partials: string[] = [];
    const error = await failureOf(streaming(adapter, partials));
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/stopped half way.*before the provider said it was finished/);
    expect(partials.length).toBeGreaterThan(0);
    expect(partials.at(-1)!.length).toBeLessThan(LONG_ANSWER.length);
  });

  test('an error event in the middle of a stream is reported as the provider’s failure', async () => {
    const adapter = adapterFor('streamerror');
    if (!adapter.text) return;
    fake().setTextAnswer(LONG_ANSWER);
    const partials: string[] = [];
    const error = await failureOf(streaming(adapter, partials));
    expect(error.kind).toBe('server');
    expect(error.message).toMatch(/stopped the answer half way: .*overloaded/i);
    expect(partials.length).toBeGreaterThan(0);
  });

  test('a streaming request refused before any text is reported like a whole one', async () => {
    const adapter = adapterFor('429');
    if (!adapter.text) return;
    const partials: string[] = [];
    const error = await failureOf(streaming(adapter, partials));
    expect(error.kind).toBe('rateLimit');
    expect(error.retryAfterMs).toBe(1000);
    expect(partials).toEqual([]);
  });

  test('cancelling mid-stream stops the request at once', async () => {
    const adapter = adapterFor('stall');
    if (!adapter.text) return;
    fake().setTextAnswer(LONG_ANSWER);
    const controller = new AbortController();
    const partials: string[] = [];
    const pending = adapter.text(STREAM_REQUEST, {
      ...context(setup.key, controller.signal),
      onText: (partial) => {
        partials.push(partial);
        if (partials.length === 2) controller.abort();
      },
    });
    const error = await failureOf(pending);
    expect(error.kind).toBe('cancelled');
    expect(partials).toHaveLength(2);
    // The fake sees the client go away: the answer it was sending never finished.
    await expect
      .poll(
        () =>
          fake()
            .calls()
            .find((c) => c.kind === 'text')?.status ?? null,
      )
      .toBe(200);
    expect(
      fake()
        .calls()
        .find((c) => c.kind === 'text')?.finished,
    ).toBe(false);
  });
}
