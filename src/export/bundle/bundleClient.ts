import * as Comlink from 'comlink';
import { runWorkerJob, type WorkerHandle, type WorkerJob } from '../workerJob';
import type { BundleWorkerApi } from './bundleWorkerApi';
import type { BundleRead } from './readBundle';

/**
 * Checking a bundle takes seconds for gigabytes (inflate, CRC-32, SHA-256); past this something
 * is wrong (a worker that hangs), and the import is refused.
 */
export const BUNDLE_READ_TIME_MS = 120_000;

export interface BundleReadOptions {
  /** Tests only. */
  readonly createWorker?: () => WorkerHandle;
  readonly timeMs?: number;
}

function createBundleWorker(): WorkerHandle {
  // The `new URL(…)` must stay literal so Vite finds and bundles the worker.
  return new Worker(new URL('../../../workers/bundle.worker.ts', import.meta.url), {
    type: 'module',
    name: 'frameline-bundle',
  });
}

/**
 * Reads and checks a bundle in a fresh worker (readBundle.ts does the work): the page's main
 * thread only hands over the file and receives the document and the images it uses.
 */
export function startBundleRead(
  bytes: Uint8Array<ArrayBuffer>,
  fileName: string,
  options: BundleReadOptions = {},
): WorkerJob<BundleRead> {
  const timeMs = options.timeMs ?? BUNDLE_READ_TIME_MS;
  return runWorkerJob<BundleWorkerApi, BundleRead>({
    worker: (options.createWorker ?? createBundleWorker)(),
    who: 'The bundle reader',
    timeMs,
    onTimeout: () => ({
      ok: false,
      error: `${fileName} cannot be imported: checking it took longer than ${Math.round(timeMs / 1000)} s.`,
    }),
    call: (remote) =>
      remote.readBundle(Comlink.transfer(bytes, [bytes.buffer]), fileName) as Promise<BundleRead>,
  });
}
