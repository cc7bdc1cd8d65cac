import * as Comlink from 'comlink';
import { runWorkerJob, type WorkerHandle, type WorkerJob } from '../workerJob';
import type { PdfDocumentInput } from './pdfInput';
import type { PdfOptions } from './pdfOptions';
import type { PdfImages, PdfProgress, PdfWorkerApi } from './pdfWorkerApi';

export { ImportCancelledError as PdfCancelledError } from '../workerJob';

export type PdfResult =
  | { readonly ok: true; readonly bytes: Uint8Array<ArrayBuffer> }
  | { readonly ok: false; readonly error: string };

/** Ten minutes: thousands of boards with big frames take a while; a hung worker still ends. */
export const PDF_TIME_BUDGET_MS = 10 * 60_000;

function createPdfWorker(): WorkerHandle {
  // The `new URL(…)` must stay literal so Vite finds and bundles the worker.
  return new Worker(new URL('../../../workers/pdf.worker.ts', import.meta.url), {
    type: 'module',
    name: 'frameline-pdf',
  });
}

export interface PdfJobOptions {
  readonly onProgress?: PdfProgress;
  /** Tests only. */
  readonly createWorker?: () => WorkerHandle;
  readonly timeMs?: number;
}

/** Writes PDF boards in a fresh worker (workerJob.ts): progress by page, Cancel stops it at once. */
export function startPdfExport(
  input: PdfDocumentInput,
  options: PdfOptions,
  images: PdfImages,
  jobOptions: PdfJobOptions = {},
): WorkerJob<PdfResult> {
  return runWorkerJob<PdfWorkerApi, PdfResult>({
    worker: (jobOptions.createWorker ?? createPdfWorker)(),
    who: 'The PDF writer',
    timeMs: jobOptions.timeMs ?? PDF_TIME_BUDGET_MS,
    onTimeout: () => ({ ok: false, error: 'Writing the PDF took longer than 10 minutes.' }),
    call: async (remote, live) => {
      const onProgress: PdfProgress = (done, total) => {
        if (live()) jobOptions.onProgress?.(done, total);
      };
      const bytes = await remote.writeBoards(input, options, images, Comlink.proxy(onProgress));
      return { ok: true, bytes };
    },
  });
}
