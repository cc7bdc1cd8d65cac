import { describe, expect, test } from 'vitest';
import type { CallRow } from '../../store/aiTables';
import { ProviderError, type ErrorKind } from '../providers/errors';
import type {
  Capability,
  DrawingRequest,
  ImageRequest,
  MediaResult,
  ProviderAdapter,
  TextRequest,
} from '../providers/types';
import { DEFAULT_BACKOFF } from './backoff';
import { CircuitBreaker } from './circuitBreaker';
import {
  AiRouter,
  AllProvidersFailedError,
  PartialAnswerError,
  type RouterProvider,
} from './router';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
const IMAGE: MediaResult = {
  bytes: PNG,
  mimeType: 'image/png',
  usage: { inputTokens: 0, outputTokens: 0, images: 1, characters: 0 },
};
const REQUEST: ImageRequest = {
  prompt: 'A kitchen',
  negativePrompt: '',
  aspectRatio: 16 / 9,
  seed: 1,
  references: [{ name: 'ANNA', bytes: PNG, mimeType: 'image/png' }],
  referenceNote: 'Image 1 is ANNA.',
  sketch: null,
};
const TEXT: TextRequest = { system: '', prompt: 'hi', maxOutputTokens: 10 };

type Step = 'ok' | ErrorKind | 'hang' | { kind: ErrorKind; retryAfterMs: number };

/** An image adapter that plays a script of outcomes, one per call (the last one repeats). */
function scripted(steps: readonly Step[], capabilities: Capability[] = ['image']) {
  const calls: ImageRequest[] = [];
  let active = 0;
  let maxActive = 0;
  const adapter: ProviderAdapter = {
    kind: 'openai',
    capabilities: new Set(capabilities),
    modelFor: () => 'model-x',
    async image(request, ctx) {
      calls.push(request);
      const step = steps[Math.min(calls.length - 1, steps.length - 1)] ?? 'ok';
      active++;
      maxActive = Math.max(maxActive, active);
      try {
        await new Promise((r) => setTimeout(r, 5));
        if (step === 'ok') return IMAGE;
        if (step === 'hang') return await new Promise<never>(() => undefined);
        if (typeof step === 'object')
          throw new ProviderError(step.kind, 'slow down', 429, step.retryAfterMs);
        if (ctx.signal.aborted) throw ctx.signal.reason;
        throw new ProviderError(step, `failed with ${step}`);
      } finally {
        active--;
      }
    },
    testConnection: () => Promise.resolve('ok'),
  };
  return { adapter, calls, maxActive: () => maxActive };
}

function provider(
  id: string,
  adapter: ProviderAdapter,
  more: Partial<RouterProvider> = {},
): RouterProvider {
  return {
    id,
    label: id.toUpperCase(),
    adapter,
    timeoutMs: 1000,
    maxConcurrent: 2,
    keyRequired: false,
    ...more,
  };
}

function harness(
  providers: RouterProvider[],
  more: { now?: () => number; keys?: Record<string, string | null | Error> } = {},
) {
  const log: Omit<CallRow, 'id'>[] = [];
  const sleeps: number[] = [];
  const router = new AiRouter({
    chain: () => Promise.resolve(providers),
    keyFor: (id) => {
      const key = more.keys?.[id] ?? null;
      return key instanceof Error ? Promise.reject(key) : Promise.resolve(key);
    },
    log: (row) => {
      log.push(row);
      return Promise.resolve();
    },
    costOf: (_kind, _model, usage) => usage.images * 0.04,
    random: () => 0.5,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    ...(more.now ? { now: more.now } : {}),
  });
  return { router, log, sleeps };
}

describe('router', () => {
  test('falls back to the next provider when the first keeps failing, and logs both', async () => {
    const first = scripted(['server']);
    const second = scripted(['ok']);
    const { router, log } = harness([provider('a', first.adapter), provider('b', second.adapter)]);
    const routed = await router.image(REQUEST, { batchId: 'batch-1' });
    expect(routed.provider.id).toBe('b');
    expect(first.calls).toHaveLength(DEFAULT_BACKOFF.maxAttempts);
    expect(log.map((r) => `${r.providerId}:${r.outcome}`)).toEqual([
      'a:server',
      'a:server',
      'a:server',
      'b:ok',
    ]);
    expect(log.every((r) => r.batchId === 'batch-1')).toBe(true);
    expect(routed.costUsd).toBeCloseTo(0.04);
  });

  test('a call for one chosen provider goes to it alone, with no fallback', async () => {
    const first = scripted(['ok']);
    const second = scripted(['server']);
    const { router, log } = harness([provider('a', first.adapter), provider('b', second.adapter)]);
    await expect(router.image(REQUEST, { only: 'b' })).rejects.toThrow(AllProvidersFailedError);
    expect(first.calls).toHaveLength(0);
    expect(log.every((r) => r.providerId === 'b')).toBe(true);
  });

  test('retries transient failures with growing, jittered waits', async () => {
    const flaky = scripted(['rateLimit', 'server', 'ok']);
    const { router, sleeps } = harness([provider('a', flaky.adapter)]);
    const routed = await router.image(REQUEST);
    expect(routed.provider.id).toBe('a');
    // random() = 0.5: half the ceiling plus a quarter → 0.75 × 500·2ⁿ
    expect(sleeps).toEqual([375, 750]);
  });

  test('waits as long as the provider asked, when it said', async () => {
    const limited = scripted([{ kind: 'rateLimit', retryAfterMs: 1200 }, 'ok']);
    const { router, sleeps } = harness([provider('a', limited.adapter)]);
    await router.image(REQUEST);
    expect(sleeps).toEqual([1200]);
  });

  test('a refused key or a spent quota is not retried', async () => {
    for (const kind of ['auth', 'quota'] as const) {
      const refused = scripted([kind]);
      const backup = scripted(['ok']);
      const { router, sleeps } = harness([
        provider('a', refused.adapter),
        provider('b', backup.adapter),
      ]);
      expect((await router.image(REQUEST)).provider.id).toBe('b');
      expect(refused.calls).toHaveLength(1);
      expect(sleeps).toEqual([]);
    }
  });

  test('a hanging provider times out and the next one answers', async () => {
    const hanging = scripted(['hang']);
    const backup = scripted(['ok']);
    const { router, log } = harness([
      provider('a', hanging.adapter, { timeoutMs: 30 }),
      provider('b', backup.adapter),
    ]);
    expect((await router.image(REQUEST)).provider.id).toBe('b');
    expect(log.filter((r) => r.providerId === 'a').map((r) => r.outcome)).toEqual([
      'timeout',
      'timeout',
      'timeout',
    ]);
  });

  test('cancelling stops the call and tries no other provider', async () => {
    const hanging = scripted(['hang']);
    const backup = scripted(['ok']);
    const { router } = harness([provider('a', hanging.adapter), provider('b', backup.adapter)]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    await expect(router.image(REQUEST, { signal: controller.signal })).rejects.toMatchObject({
      kind: 'cancelled',
    });
    expect(backup.calls).toHaveLength(0);
  });

  test('counts the paid calls under way, whatever way each ends', async () => {
    const hanging = scripted(['hang']);
    const { router } = harness([provider('a', hanging.adapter)]);
    expect(router.paidCallsInFlight).toBe(0);
    const controller = new AbortController();
    const call = router.image(REQUEST, { signal: controller.signal });
    await expect.poll(() => router.paidCallsInFlight).toBe(1);
    controller.abort();
    await expect(call).rejects.toMatchObject({ kind: 'cancelled' });
    expect(router.paidCallsInFlight).toBe(0);
    const answered = harness([provider('b', scripted(['ok']).adapter)]).router;
    await answered.image(REQUEST);
    expect(answered.paidCallsInFlight).toBe(0);
    // The offline sketch costs nothing and loses nothing: it is not counted.
    const sketch = scripted(['hang']);
    const local = harness([provider('s', { ...sketch.adapter, kind: 'sketch' })]).router;
    void local.image(REQUEST);
    await expect.poll(() => sketch.calls.length).toBe(1);
    expect(local.paidCallsInFlight).toBe(0);
  });

  test('no more calls run at once than the provider allows', async () => {
    const slow = scripted(['ok']);
    const { router } = harness([provider('a', slow.adapter, { maxConcurrent: 1 })]);
    await Promise.all([router.image(REQUEST), router.image(REQUEST), router.image(REQUEST)]);
    expect(slow.maxActive()).toBe(1);
  });

  test('a provider that keeps failing is skipped for a while, then tried again', async () => {
    let now = 1_000_000;
    const broken = scripted(['server', 'server', 'server', 'ok']);
    const backup = scripted(['ok']);
    const breaker = new CircuitBreaker(
      { failureThreshold: 3, cooldownMs: 30_000, longCooldownMs: 600_000 },
      () => now,
    );
    const log: Omit<CallRow, 'id'>[] = [];
    const router = new AiRouter({
      chain: () => Promise.resolve([provider('a', broken.adapter), provider('b', backup.adapter)]),
      keyFor: () => Promise.resolve(null),
      log: (row) => Promise.resolve(void log.push(row)),
      costOf: () => 0,
      sleep: () => Promise.resolve(),
      breaker,
      now: () => now,
    });
    await router.image(REQUEST);
    expect(broken.calls).toHaveLength(3);
    const second = await router.image(REQUEST);
    expect(broken.calls).toHaveLength(3);
    expect(second.attempts[0]).toMatchObject({ providerId: 'a', outcome: 'skipped' });
    now += 30_001;
    expect((await router.image(REQUEST)).provider.id).toBe('a');
    expect(broken.calls).toHaveLength(4);
  });

  test('reference images go only to providers that take them', async () => {
    const plain = scripted(['ok'], ['image']);
    const withRefs = scripted(['ok'], ['image', 'imageWithReferences']);
    await harness([provider('a', plain.adapter)]).router.image(REQUEST);
    await harness([provider('b', withRefs.adapter)]).router.image(REQUEST);
    expect(plain.calls[0]?.references).toEqual([]);
    expect(plain.calls[0]?.referenceNote).toBe('');
    expect(withRefs.calls[0]?.references).toHaveLength(1);
  });

  test('a provider that needs a key and has none is skipped and says so', async () => {
    const keyed = scripted(['ok']);
    const backup = scripted(['ok']);
    const { router, log } = harness([
      provider('a', keyed.adapter, { keyRequired: true }),
      provider('b', backup.adapter),
    ]);
    const routed = await router.image(REQUEST);
    expect(routed.provider.id).toBe('b');
    expect(keyed.calls).toHaveLength(0);
    expect(log[0]).toMatchObject({ providerId: 'a', outcome: 'auth' });
  });

  test('a locked vault is logged as locked and the chain goes on', async () => {
    const locked = Object.assign(new Error('locked'), { name: 'VaultLockedError' });
    const keyed = scripted(['ok']);
    const backup = scripted(['ok']);
    const { router, log } = harness(
      [provider('a', keyed.adapter, { keyRequired: true }), provider('b', backup.adapter)],
      { keys: { a: locked } },
    );
    expect((await router.image(REQUEST)).provider.id).toBe('b');
    expect(log[0]?.outcome).toBe('locked');
  });

  test('errors and the log never carry the key', async () => {
    const key = 'sk-secret-abcdefghijklmnop';
    const leaky: ProviderAdapter = {
      ...scripted(['ok']).adapter,
      image: () => Promise.reject(new ProviderError('auth', `Incorrect API key provided: ${key}`)),
    };
    const { router, log } = harness([provider('a', leaky)], { keys: { a: key } });
    const error = await router.image(REQUEST).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AllProvidersFailedError);
    expect(
      JSON.stringify([String(error), (error as AllProvidersFailedError).attempts, log]),
    ).not.toContain(key);
  });

  test('with no provider for a capability the error says to add one', async () => {
    const { router } = harness([]);
    await expect(router.text(TEXT)).rejects.toThrow(/Add one in Settings/);
  });
});

describe('a frame from a drawing', () => {
  const DRAWING_REQUEST: DrawingRequest = {
    prompt: 'finish it',
    negativePrompt: '',
    aspectRatio: 16 / 9,
    seed: 1,
    drawing: { bytes: PNG as Uint8Array<ArrayBuffer>, mimeType: 'image/png' },
    mask: null,
  };
  const finisher = (id: string, outcome: 'ok' | 'server') => {
    const calls: DrawingRequest[] = [];
    const adapter: ProviderAdapter = {
      kind: 'stability',
      capabilities: new Set<Capability>(['image', 'imageFromDrawing']),
      modelFor: () => 'sketch-model',
      imageFromDrawing(request) {
        calls.push(request);
        return outcome === 'ok'
          ? Promise.resolve(IMAGE)
          : Promise.reject(new ProviderError('server', 'down'));
      },
      testConnection: () => Promise.resolve('ok'),
    };
    return { provider: provider(id, adapter), calls };
  };

  test('goes only to providers that can work from one, in order, costed and logged', async () => {
    const textOnly = scripted(['ok']); // draws, but not from a drawing
    const broken = finisher('broken', 'server');
    const good = finisher('good', 'ok');
    const { router, log } = harness([
      provider('plain', textOnly.adapter),
      broken.provider,
      good.provider,
    ]);
    const routed = await router.imageFromDrawing(DRAWING_REQUEST);
    expect(routed.provider.id).toBe('good');
    expect(good.calls).toEqual([DRAWING_REQUEST]);
    expect(textOnly.calls).toHaveLength(0);
    expect(new Set(log.map((r) => r.providerId))).toEqual(new Set(['broken', 'good']));
    expect(routed.costUsd).toBeCloseTo(0.04);
  });

  test('with none able, it fails with no attempt (no sketch stands in for the drawing)', async () => {
    const { router, log } = harness([provider('plain', scripted(['ok']).adapter)]);
    await expect(router.imageFromDrawing(DRAWING_REQUEST)).rejects.toBeInstanceOf(
      AllProvidersFailedError,
    );
    expect(log).toEqual([]);
  });
});

describe('background removal', () => {
  const CUT_REQUEST = { image: { bytes: PNG as Uint8Array<ArrayBuffer>, mimeType: 'image/png' } };
  const cutter: ProviderAdapter = {
    kind: 'stability',
    capabilities: new Set<Capability>(['image', 'removeBackground']),
    modelFor: (task) => (task === 'removeBackground' ? 'remove-background' : 'core'),
    removeBackground: () => Promise.resolve(IMAGE),
    testConnection: () => Promise.resolve('ok'),
  };

  test('goes past image providers that cannot, and is logged as its own task and model', async () => {
    const plain = scripted(['ok']);
    const { router, log } = harness([provider('plain', plain.adapter), provider('cut', cutter)]);
    const routed = await router.removeBackground(CUT_REQUEST);
    expect(routed.provider.id).toBe('cut');
    expect(routed.model).toBe('remove-background');
    expect(plain.calls).toHaveLength(0);
    expect(log).toMatchObject([
      { providerId: 'cut', capability: 'removeBackground', model: 'remove-background' },
    ]);
    expect(routed.costUsd).toBeCloseTo(0.04);
  });

  test('with no provider that offers it, it fails without calling anyone', async () => {
    const { router, log } = harness([provider('plain', scripted(['ok']).adapter)]);
    await expect(router.removeBackground(CUT_REQUEST)).rejects.toBeInstanceOf(
      AllProvidersFailedError,
    );
    expect(log).toEqual([]);
  });
});

/** A text adapter that streams `pieces` (one every `everyMs`), then fails with `fail` if given. */
function streamer(
  script: readonly { pieces: readonly string[]; fail?: ErrorKind | 'hang' }[],
  everyMs = 2,
) {
  const calls: TextRequest[] = [];
  const adapter: ProviderAdapter = {
    kind: 'anthropic',
    capabilities: new Set(['text']),
    modelFor: () => 'model-t',
    async text(request, ctx) {
      calls.push(request);
      const step = script[Math.min(calls.length - 1, script.length - 1)]!;
      let text = '';
      for (const piece of step.pieces) {
        await new Promise((r) => setTimeout(r, everyMs));
        if (ctx.signal.aborted) throw ctx.signal.reason;
        text += piece;
        ctx.onText?.(text);
      }
      if (step.fail === 'hang') return new Promise<never>(() => undefined);
      if (step.fail) throw new ProviderError(step.fail, `failed with ${step.fail}`);
      return {
        text,
        usage: { inputTokens: 3, outputTokens: text.length, images: 0, characters: 0 },
      };
    },
    testConnection: () => Promise.resolve('ok'),
  };
  return { adapter, calls };
}

describe('router: streamed text', () => {
  test('passes the text so far to the caller, piece by piece', async () => {
    const a = streamer([{ pieces: ['Once ', 'upon ', 'a time.'] }]);
    const { router } = harness([provider('a', a.adapter)]);
    const partials: string[] = [];
    const routed = await router.text(TEXT, { onText: (p) => partials.push(p) });
    expect(partials).toEqual(['Once ', 'Once upon ', 'Once upon a time.']);
    expect(routed.result.text).toBe('Once upon a time.');
  });

  test('a failure before any text arrived is retried as usual', async () => {
    const a = streamer([{ pieces: [], fail: 'server' }, { pieces: ['Hello.'] }]);
    const { router, log } = harness([provider('a', a.adapter)]);
    const partials: string[] = [];
    const routed = await router.text(TEXT, { onText: (p) => partials.push(p) });
    expect(a.calls).toHaveLength(2);
    expect(routed.result.text).toBe('Hello.');
    expect(log.map((r) => r.outcome)).toEqual(['server', 'ok']);
  });

  test('a failure after part of the answer arrived is not sent again, nor to the next provider', async () => {
    const a = streamer([{ pieces: ['Once ', 'upon '], fail: 'server' }, { pieces: ['again'] }]);
    const b = streamer([{ pieces: ['Other provider.'] }]);
    const { router, log } = harness([provider('a', a.adapter), provider('b', b.adapter)]);
    const partials: string[] = [];
    const error = await router
      .text(TEXT, { onText: (p) => partials.push(p) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartialAnswerError);
    const partial = error as PartialAnswerError;
    expect(partial.kind).toBe('server');
    expect(partial.partial).toBe('Once upon ');
    expect(partial.message).toMatch(/did not send the request again on its own/);
    expect(a.calls).toHaveLength(1);
    expect(b.calls).toHaveLength(0);
    expect(partials).toEqual(['Once ', 'Once upon ']);
    expect(log.map((r) => `${r.providerId}:${r.outcome}`)).toEqual(['a:server']);
    // The provider wrote (and bills) part of an answer: its estimated tokens are logged.
    expect(log[0]).toMatchObject({ inputTokens: 1, outputTokens: 3 });
  });

  test('a stream that keeps coming outlasts the timeout; one that stops is timed out', async () => {
    const pieces = Array.from({ length: 8 }, (_, i) => `${i} `);
    const steady = streamer([{ pieces }], 30);
    const { router } = harness([provider('a', steady.adapter, { timeoutMs: 80 })]);
    const routed = await router.text(TEXT, { onText: () => undefined });
    expect(routed.result.text).toBe(pieces.join(''));

    const stalls = streamer([{ pieces: ['a', 'b'], fail: 'hang' }], 30);
    const second = harness([provider('a', stalls.adapter, { timeoutMs: 80 })]);
    const error = await second.router
      .text(TEXT, { onText: () => undefined })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartialAnswerError);
    expect((error as PartialAnswerError).kind).toBe('timeout');
    expect((error as PartialAnswerError).message).toMatch(/nothing new for 0 s/);
    expect(stalls.calls).toHaveLength(1);
  });
});
