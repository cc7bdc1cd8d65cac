/**
 * pdf.js, loaded on first use only. Both imports are dynamic, so bundlers split pdf.js (about a
 * megabyte) into its own chunks, fetched when someone opens a PDF and never before.
 *
 * The legacy build runs in Node (tests) and in every browser. Its worker code is imported into
 * this thread and published as `globalThis.pdfjsWorker`, which pdf.js uses instead of starting a
 * worker of its own: the importer already runs in a worker, and no worker URL has to be configured
 * (`GlobalWorkerOptions.workerSrc`) in Node, Vite or a test. A page that prefers a separate pdf.js
 * worker can set `workerSrc` before the first call; it is then used as is.
 */
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

export type PdfJs = typeof PdfJsModule;

let loading: Promise<PdfJs> | undefined;

export function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const host = globalThis as { pdfjsWorker?: unknown };
    if (!pdfjs.GlobalWorkerOptions.workerSrc && host.pdfjsWorker === undefined) {
      host.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    }
    return pdfjs;
  })();
  // A failed load (offline, say) may succeed next time.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
