import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createSketchClient, SKETCH_WATCHDOG_MS, type SketchWorkerHandle } from './sketchClient';
import type { SketchInput } from './sketchInput';
import { sketchInput } from './testKit';

interface FakeWorker extends SketchWorkerHandle {
  terminated: boolean;
  crash(error: Error): void;
  /** Calls received, with their resolvers so the test decides when each finishes. */
  readonly calls: {
    input: SketchInput;
    resolve: (bytes: ArrayBuffer) => void;
    reject: (e: Error) => void;
  }[];
}

function fakeWorker(): FakeWorker {
  let onCrash: (error: Error) => void = () => undefined;
  const worker: FakeWorker = {
    terminated: false,
    calls: [],
    api: {
      sketch: (input) =>
        new Promise<ArrayBuffer>((resolve, reject) => {
          worker.calls.push({ input, resolve, reject });
        }),
    },
    terminate() {
      worker.terminated = true;
    },
    onCrash(listener) {
      onCrash = listener;
    },
    crash: (error) => onCrash(error),
  };
  return worker;
}

function harness() {
  const workers: FakeWorker[] = [];
  const client = createSketchClient({
    spawn: () => {
      const worker = fakeWorker();
      workers.push(worker);
      return worker;
    },
  });
  return { client, workers };
}

const png = (bytes: number[]): ArrayBuffer => new Uint8Array(bytes).buffer;

describe('sketch client', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test('starts no worker until the first sketch, then one for all of them', async () => {
    const { client, workers } = harness();
    expect(workers).toHaveLength(0);
    const a = client.sketchFrame(sketchInput({ shotNumber: '1' }), 320, 180);
    const b = client.sketchFrame(sketchInput({ shotNumber: '2' }), 320, 180);
    expect(workers).toHaveLength(1);
    workers[0]?.calls[0]?.resolve(png([1, 2, 3]));
    workers[0]?.calls[1]?.resolve(png([4]));
    await expect(a).resolves.toEqual(new Uint8Array([1, 2, 3]));
    await expect(b).resolves.toEqual(new Uint8Array([4]));
  });

  test('a sketch that hangs is stopped by the watchdog, and the next gets a fresh worker', async () => {
    const { client, workers } = harness();
    const hung = client.sketchFrame(sketchInput({ shotNumber: '14B' }), 320, 180);
    const bystander = client.sketchFrame(sketchInput({ shotNumber: '15' }), 320, 180);
    const hungError = expect(hung).rejects.toThrow(
      'Sketching frame 14B took too long and was stopped',
    );
    const bystanderError = expect(bystander).rejects.toThrow(
      /frame 15 was stopped because frame 14B hung/,
    );
    await vi.advanceTimersByTimeAsync(SKETCH_WATCHDOG_MS);
    await hungError;
    await bystanderError;
    expect(workers[0]?.terminated).toBe(true);

    const next = client.sketchFrame(sketchInput({ shotNumber: '16' }), 320, 180);
    expect(workers).toHaveLength(2);
    workers[1]?.calls[0]?.resolve(png([9]));
    await expect(next).resolves.toEqual(new Uint8Array([9]));
  });

  test('a sketch that finishes in time is not stopped later', async () => {
    const { client, workers } = harness();
    const done = client.sketchFrame(sketchInput(), 320, 180);
    workers[0]?.calls[0]?.resolve(png([7]));
    await expect(done).resolves.toEqual(new Uint8Array([7]));
    await vi.advanceTimersByTimeAsync(SKETCH_WATCHDOG_MS * 2);
    expect(workers[0]?.terminated).toBe(false);
  });

  test('an error inside the worker reaches the caller and keeps the worker', async () => {
    const { client, workers } = harness();
    const failing = client.sketchFrame(sketchInput(), 0, 0);
    workers[0]?.calls[0]?.reject(new RangeError('Sketch size must be whole pixels'));
    await expect(failing).rejects.toThrow(RangeError);
    expect(workers[0]?.terminated).toBe(false);
  });

  test('a crashed worker fails its sketches at once instead of waiting for the watchdog', async () => {
    const { client, workers } = harness();
    const pending = client.sketchFrame(sketchInput(), 320, 180);
    workers[0]?.crash(new Error('The sketch worker failed: SyntaxError'));
    await expect(pending).rejects.toThrow('The sketch worker failed: SyntaxError');
    client.sketchFrame(sketchInput(), 320, 180).catch(() => undefined);
    expect(workers).toHaveLength(2);
  });

  test('dispose stops the worker and cancels what it was doing', async () => {
    const { client, workers } = harness();
    const pending = client.sketchFrame(sketchInput({ shotNumber: '3' }), 320, 180);
    client.dispose();
    await expect(pending).rejects.toThrow('Sketching frame 3 was cancelled');
    expect(workers[0]?.terminated).toBe(true);
  });
});
