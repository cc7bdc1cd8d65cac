import * as Comlink from 'comlink';
import { afterEach, describe, expect, test } from 'vitest';
import { execInFreshWorker, type ExecWorkerHandle, type FfmpegWorkerApi } from './execClient';
import type { ExecTask } from './execTask';

class FakeWorker extends EventTarget {
  terminated = false;
  readonly #port: MessagePort;
  constructor(api: FfmpegWorkerApi) {
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
afterEach(() => workers.splice(0).forEach((w) => w.terminate()));

function fake(run: FfmpegWorkerApi['run']) {
  const worker = new FakeWorker({ run });
  workers.push(worker);
  return { worker, create: () => worker as unknown as ExecWorkerHandle };
}

/** A new task each time: running one transfers (detaches) its image buffers. */
const task = (): ExecTask => ({
  core: { coreURL: 'core.js', module: {} as WebAssembly.Module },
  args: ['-i', '/frames', 'out.mp4'],
  streams: {
    '/frames': { kind: 'images', images: [{ bytes: new Uint8Array([1, 2]), repeat: 3 }] },
  },
  outputs: ['out.mp4'],
});

describe('one ffmpeg task, one fresh worker', () => {
  test('returns the outputs, relays frame progress and terminates the worker', async () => {
    const { worker, create } = fake(async (received, onFrames) => {
      await onFrames(3);
      return { 'out.mp4': new Uint8Array(received.args.length) };
    });
    const seen: number[] = [];
    const outputs = await execInFreshWorker(task(), { onFrames: (n) => seen.push(n) }, create);
    expect(outputs['out.mp4']?.length).toBe(3);
    expect(seen).toEqual([3]);
    expect(worker.terminated).toBe(true);
  });

  test('an ffmpeg failure rejects with its message and the worker is still terminated', async () => {
    const { worker, create } = fake(async () => {
      throw new Error('ffmpeg.wasm failed (exit 1): Unknown encoder');
    });
    await expect(execInFreshWorker(task(), {}, create)).rejects.toThrow(/Unknown encoder/);
    expect(worker.terminated).toBe(true);
  });

  test('a worker that dies (a crashed core, out of memory) rejects instead of hanging', async () => {
    const { worker, create } = fake(() => new Promise(() => undefined));
    const pending = execInFreshWorker(task(), {}, create);
    worker.dispatchEvent(
      Object.assign(new Event('error', { cancelable: true }), { message: 'OOM' }),
    );
    await expect(pending).rejects.toThrow('The ffmpeg.wasm worker stopped: OOM');
    expect(worker.terminated).toBe(true);
  });
});
