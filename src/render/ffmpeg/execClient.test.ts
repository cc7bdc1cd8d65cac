import { afterEach, describe, expect, test } from 'vitest';
import { collectGarbage } from '../../../tests/helpers/collectGarbage';
import { FakeWorker } from '../../../tests/helpers/fakeWorker';
import { execInFreshWorker, type ExecWorkerHandle, type FfmpegWorkerApi } from './execClient';
import type { ExecTask } from './execTask';

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
    worker.crash('OOM');
    await expect(pending).rejects.toThrow('The ffmpeg.wasm worker stopped: OOM');
    expect(worker.terminated).toBe(true);
  });

  test('still gets the outputs when garbage is collected while ffmpeg runs', async () => {
    const { create } = fake(async () => {
      await collectGarbage();
      return { 'out.mp4': new Uint8Array(5) };
    });
    const outputs = await execInFreshWorker(task(), {}, create);
    expect(outputs['out.mp4']?.length).toBe(5);
  });
});
