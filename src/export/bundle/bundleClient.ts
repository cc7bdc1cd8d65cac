import * as Comlink from 'comlink';
import { runWorkerJob, type WorkerHandle, type WorkerJob } from '../workerJob';
import type { BundleWorkerApi } from './bundleWorkerApi';
import type { BundleSource, ExportedBundle } from './exportBundle';
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

/** Writing bundles: minutes for gigabytes of images; past this the worker is stopped. */
export const BUNDLE_WRITE_TIME_MS = 10 * 60_000;

export type BundleWriteResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export interface BundleWriteOptions extends BundleReadOptions {
  /** Projects written so far (a backup), of how many. */
  readonly onProgress?: (done: number, total: number) => void;
}

function writeJob<T>(
  options: BundleWriteOptions,
  call: (remote: Comlink.Remote<BundleWorkerApi>, live: () => boolean) => Promise<T>,
): WorkerJob<BundleWriteResult<T>> {
  const timeMs = options.timeMs ?? BUNDLE_WRITE_TIME_MS;
  return runWorkerJob<BundleWorkerApi, BundleWriteResult<T>>({
    worker: (options.createWorker ?? createBundleWorker)(),
    who: 'The bundle writer',
    timeMs,
    onTimeout: () => ({
      ok: false,
      error: `Writing the bundle took longer than ${Math.round(timeMs / 60_000)} minutes.`,
    }),
    call: async (remote, live) => ({ ok: true, value: await call(remote, live) }),
  });
}

/**
 * Writes one project's `.frameline` file in a fresh worker: the page hands over the document and
 * the asset Blobs, the worker reads, hashes and zips them; Cancel stops it at once.
 */
export function startBundleWrite(
  source: BundleSource,
  generator: string,
  options: BundleWriteOptions = {},
): WorkerJob<BundleWriteResult<ExportedBundle>> {
  return writeJob(options, (remote) => remote.writeBundle(source, generator));
}

/** Every project's bundle in one zip, in a fresh worker, with progress by project. */
export function startBackupWrite(
  sources: readonly BundleSource[],
  generator: string,
  options: BundleWriteOptions = {},
): WorkerJob<BundleWriteResult<Uint8Array<ArrayBuffer>>> {
  return writeJob(options, (remote, live) =>
    remote.writeBackup(
      sources,
      generator,
      Comlink.proxy((done: number, total: number) => {
        if (live()) options.onProgress?.(done, total);
      }),
    ),
  );
}
