import * as Comlink from 'comlink';
import type { ProjectSnapshot } from '../../model/project';
import { runWorkerJob, type WorkerHandle, type WorkerJob } from '../workerJob';
import type { ExportedFile } from './timelinePackage';
import type { ZipMedia, ZipProgress, ZipRequest, ZipWorkerApi } from './zipWorkerApi';

export { ImportCancelledError as ZipCancelledError } from '../workerJob';

/** Ten minutes: thousands of frames re-encoded take a while; a hung worker still ends. */
export const ZIP_TIME_BUDGET_MS = 10 * 60_000;

export type ZipResult =
  | { readonly ok: true; readonly file: ExportedFile }
  | { readonly ok: false; readonly error: string };

function createZipWorker(): WorkerHandle {
  // The `new URL(…)` must stay literal so Vite finds and bundles the worker.
  return new Worker(new URL('../../../workers/zip.worker.ts', import.meta.url), {
    type: 'module',
    name: 'frameline-zip',
  });
}

export interface ZipJobOptions {
  readonly onProgress?: ZipProgress;
  /** Tests only. */
  readonly createWorker?: () => WorkerHandle;
  readonly timeMs?: number;
}

/**
 * Builds a timeline package or an image sequence in a fresh worker (workerJob.ts): reading the
 * media, re-encoding frames and zipping hundreds of megabytes never freeze the page; progress
 * by file read, Cancel stops it at once.
 */
export function startZipExport(
  request: ZipRequest,
  snapshot: ProjectSnapshot,
  media: ZipMedia,
  options: ZipJobOptions = {},
): WorkerJob<ZipResult> {
  return runWorkerJob<ZipWorkerApi, ZipResult>({
    worker: (options.createWorker ?? createZipWorker)(),
    who: 'The zip writer',
    timeMs: options.timeMs ?? ZIP_TIME_BUDGET_MS,
    onTimeout: () => ({ ok: false, error: 'Building the zip took longer than 10 minutes.' }),
    call: async (remote, live) => {
      const onProgress: ZipProgress = (done, total) => {
        if (live()) options.onProgress?.(done, total);
      };
      const file = await remote.zip(request, snapshot, media, Comlink.proxy(onProgress));
      return { ok: true, file };
    },
  });
}
