import { afterEach, describe, expect, test } from 'vitest';
import { bundleOfShots } from '../../../tests/helpers/bigBundle';
import { FakeWorker } from '../../../tests/helpers/fakeWorker';
import type { WorkerHandle } from '../workerJob';
import { ImportCancelledError } from '../workerJob';
import { startBundleRead } from './bundleClient';
import type { BundleWorkerApi } from './bundleWorkerApi';
import { readBundle } from './readBundle';

const workers: FakeWorker[] = [];
afterEach(() => {
  for (const worker of workers.splice(0)) worker.terminate();
});

function fakeWorker(api: Partial<BundleWorkerApi>) {
  const worker = new FakeWorker(api);
  workers.push(worker);
  return { worker, createWorker: () => worker as unknown as WorkerHandle };
}

describe('reading a bundle in a worker', () => {
  test('gives what readBundle gives: the document, its images, what it refers to', async () => {
    const { bytes, referenced, unreferenced } = await bundleOfShots({ shots: 4, unreferenced: 2 });
    const { worker, createWorker } = fakeWorker({ readBundle });
    const result = await startBundleRead(new Uint8Array(bytes), '“b.frameline”', { createWorker })
      .promise;
    if (!result.ok) throw new Error(result.error);
    expect(result.bundle.assets.map((asset) => asset.hash).sort()).toEqual([...referenced].sort());
    expect([...result.bundle.referenced].sort()).toEqual([...referenced].sort());
    expect(result.bundle.referenced.has(unreferenced[0]!)).toBe(false);
    expect(result.bundle.unreferenced).toBe(2);
    expect(result.bundle.snapshot.shots).toHaveLength(4);
    expect(worker.terminated).toBe(true);
  });

  test('a refusal comes back in words', async () => {
    const { createWorker } = fakeWorker({ readBundle });
    const result = await startBundleRead(new Uint8Array([1, 2, 3]), '“x.frameline”', {
      createWorker,
    }).promise;
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^“x\.frameline” cannot/) });
  });

  test('a worker that never answers is stopped at its time and the import refused', async () => {
    const { worker, createWorker } = fakeWorker({ readBundle: () => new Promise(() => {}) });
    const job = startBundleRead(new Uint8Array([1]), '“slow.frameline”', {
      createWorker,
      timeMs: 20,
    });
    await expect(job.promise).resolves.toEqual({
      ok: false,
      error: expect.stringMatching(
        /^“slow\.frameline” cannot be imported: checking it took longer/,
      ),
    });
    expect(worker.terminated).toBe(true);
  });

  test('Cancel stops it at once', async () => {
    const { worker, createWorker } = fakeWorker({ readBundle: () => new Promise(() => {}) });
    const job = startBundleRead(new Uint8Array([1]), 'x', { createWorker });
    job.cancel();
    await expect(job.promise).rejects.toBeInstanceOf(ImportCancelledError);
    expect(worker.terminated).toBe(true);
  });
});
