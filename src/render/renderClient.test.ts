import * as Comlink from 'comlink';
import { afterEach, describe, expect, test } from 'vitest';
import { fps, ms } from '../model/units';
import { RenderCancelledError, startRender, type RenderWorkerHandle } from './renderClient';
import { buildRenderPlan } from './renderPlan';
import type {
  ProgressListener,
  RenderJob,
  RenderRequest,
  RenderResult,
  RenderWorkerApi,
} from './renderTypes';

const JOB: RenderRequest = {
  plan: buildRenderPlan({
    shots: [{ id: 'a', durationMs: ms(1000), frameKey: null }],
    frameRate: fps(24),
    width: 64,
    height: 36,
  }),
  frames: {},
  output: { format: 'mp4', codec: 'avc', bitrate: 1_000_000, engine: 'auto' },
  audio: null,
};

const WITH_AUDIO: RenderRequest = {
  ...JOB,
  audio: {
    plan: { durationMs: 1000, sources: [] },
    sources: {},
  },
};

const RESULT: RenderResult = {
  bytes: new ArrayBuffer(8),
  mimeType: 'video/mp4',
  durationMs: 1000,
  codecString: 'avc1.640028',
  audioCodec: null,
  sampleCount: 1,
  engine: 'webcodecs',
  warnings: [],
};

const sleep = (delayMs: number) => new Promise((resolve) => setTimeout(resolve, delayMs));

/**
 * A stand-in for `new Worker(...)`: Comlink talks to `api` over a real MessageChannel, and the
 * test can fire worker `error` events and see whether the worker was terminated.
 */
class FakeWorker extends EventTarget {
  terminated = false;
  readonly #port: MessagePort;

  constructor(api: RenderWorkerApi) {
    super();
    const channel = new MessageChannel();
    Comlink.expose(api, channel.port2);
    this.#port = channel.port1;
  }

  postMessage(message: unknown, transfer: Transferable[] = []): void {
    if (!this.terminated) this.#port.postMessage(message, transfer);
  }

  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null) {
    if (type === 'message') this.#port.addEventListener(type, listener as EventListener);
    else super.addEventListener(type, listener);
    this.#port.start();
  }

  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null) {
    if (type === 'message') this.#port.removeEventListener(type, listener as EventListener);
    else super.removeEventListener(type, listener);
  }

  terminate(): void {
    this.terminated = true;
    this.#port.close();
  }
}

const workers: FakeWorker[] = [];
afterEach(() => {
  for (const worker of workers.splice(0)) worker.terminate();
});

function fakeWorker(
  renderAnimatic: RenderWorkerApi['renderAnimatic'],
  offlineAudioContext = false,
) {
  const worker = new FakeWorker({
    capabilities: async () => ({ offlineAudioContext }),
    renderAnimatic,
  });
  workers.push(worker);
  return { worker, createWorker: () => worker as unknown as RenderWorkerHandle };
}

describe('startRender', () => {
  test('resolves with the result, forwards progress and terminates the worker', async () => {
    const { worker, createWorker } = fakeWorker(async (_job, onProgress: ProgressListener) => {
      onProgress({ framesDone: 24, framesTotal: 24, etaMs: 0 });
      await sleep(10);
      return RESULT;
    });
    const seen: number[] = [];
    const handle = startRender(JOB, { createWorker, onProgress: (p) => seen.push(p.framesDone) });
    await expect(handle.promise).resolves.toMatchObject({
      mimeType: 'video/mp4',
      durationMs: 1000,
    });
    expect(seen).toEqual([24]);
    expect(worker.terminated).toBe(true);
  });

  test('cancel rejects with RenderCancelledError and terminates the worker', async () => {
    const { worker, createWorker } = fakeWorker(() => new Promise<RenderResult>(() => undefined));
    const handle = startRender(JOB, { createWorker });
    handle.cancel();
    await expect(handle.promise).rejects.toBeInstanceOf(RenderCancelledError);
    expect(worker.terminated).toBe(true);
  });

  test('a worker that reports nothing is stopped by the watchdog with a clear error', async () => {
    const { worker, createWorker } = fakeWorker(() => new Promise<RenderResult>(() => undefined));
    const handle = startRender(JOB, { createWorker, watchdogTimeoutMs: 40 });
    await expect(handle.promise).rejects.toThrow(/stopped responding/);
    expect(worker.terminated).toBe(true);
  });

  test('steady progress keeps the watchdog from firing on a long render', async () => {
    const { createWorker } = fakeWorker(async (_job, onProgress: ProgressListener) => {
      for (let i = 1; i <= 8; i++) {
        await sleep(15);
        onProgress({ framesDone: i, framesTotal: 8, etaMs: null });
      }
      return RESULT;
    });
    const handle = startRender(JOB, { createWorker, watchdogTimeoutMs: 60 });
    await expect(handle.promise).resolves.toBeDefined();
  });

  test('a crashed worker rejects with its message instead of hanging', async () => {
    const { worker, createWorker } = fakeWorker(() => new Promise<RenderResult>(() => undefined));
    const handle = startRender(JOB, { createWorker });
    worker.dispatchEvent(
      Object.assign(new Event('error', { cancelable: true }), { message: 'OOM' }),
    );
    await expect(handle.promise).rejects.toThrow('The render worker stopped: OOM');
    expect(worker.terminated).toBe(true);
  });

  test('an error thrown in the worker reaches the caller with its message', async () => {
    const { worker, createWorker } = fakeWorker(async () => {
      throw new Error('This browser cannot encode H.264 video at 1920×1080');
    });
    const handle = startRender(JOB, { createWorker });
    await expect(handle.promise).rejects.toThrow('cannot encode H.264 video at 1920×1080');
    expect(worker.terminated).toBe(true);
  });

  test('a worker without OfflineAudioContext gets the mix as PCM made on the page', async () => {
    let received: RenderJob | null = null;
    const { createWorker } = fakeWorker(async (job) => {
      received = job;
      return RESULT;
    });
    const stages: (string | undefined)[] = [];
    const handle = startRender(WITH_AUDIO, {
      createWorker,
      onProgress: (p) => stages.push(p.stage),
      mixOnPage: async () => ({
        mixed: { sampleRate: 48_000, channels: [new Float32Array(4), new Float32Array(4)] },
        warnings: ['one file left out'],
      }),
    });
    await handle.promise;
    expect(stages).toEqual(['mixing']);
    expect(received!.audio).toMatchObject({ kind: 'pcm', mixed: { sampleRate: 48_000 } });
    expect(received!.warnings).toEqual(['one file left out']);
  });

  test('a worker that can mix gets the mix plan and the sources', async () => {
    let received: RenderJob | null = null;
    const { createWorker } = fakeWorker(async (job) => {
      received = job;
      return RESULT;
    }, true);
    await startRender(WITH_AUDIO, {
      createWorker,
      mixOnPage: () => Promise.reject(new Error('should not mix on the page')),
    }).promise;
    expect(received!.audio?.kind).toBe('mix');
  });

  test('a failed mix on the page fails the render with its message', async () => {
    const { worker, createWorker } = fakeWorker(async () => RESULT);
    const handle = startRender(WITH_AUDIO, {
      createWorker,
      mixOnPage: () => Promise.reject(new Error('decoder exploded')),
    });
    await expect(handle.promise).rejects.toThrow('decoder exploded');
    expect(worker.terminated).toBe(true);
  });
});
