import { LOGO_KEY } from './drawOps';
import { fetchFont } from './fontFiles';
import type { PdfDocumentInput } from './pdfInput';
import type { PdfOptions } from './pdfOptions';
import { writePdf, type PdfWriterDeps } from './pdfWriter';
import { prepareImage } from './prepareImage';

/** Pages written so far, of how many. */
export type PdfProgress = (done: number, total: number) => void;

/** The same report as the worker sees it: across comlink the call gives a promise. */
export type RemoteProgress = (done: number, total: number) => unknown;

/** The images a PDF draws, by frame hash (and LOGO_KEY for the cover's logo). */
export type PdfImages = Readonly<Record<string, Blob>>;

/**
 * What workers/pdf.worker.ts exposes over comlink; pdfClient.ts is typed against this. Blobs
 * cross to the worker without copying their bytes.
 */
export interface PdfWorkerApi {
  writeBoards(
    input: PdfDocumentInput,
    options: PdfOptions,
    images: PdfImages,
    onProgress: RemoteProgress,
  ): Promise<Uint8Array<ArrayBuffer>>;
}

/** The handlers, apart from the worker file; `deps` lets Node tests give fonts and images. */
export function createPdfWorkerApi(
  transfer: <T>(value: T, transferables: Transferable[]) => T,
  deps: Partial<Pick<PdfWriterDeps, 'loadFont' | 'loadImage'>> = {},
): PdfWorkerApi {
  return {
    async writeBoards(input, options, images, onProgress) {
      // The last report is awaited before the file goes back: the reports travel on a port of
      // their own, and one arriving after the result would be dropped.
      let reported: unknown;
      const bytes = await writePdf(input, options, {
        loadFont: deps.loadFont ?? fetchFont,
        loadImage:
          deps.loadImage ??
          (async (key, print) => {
            const blob = images[key];
            if (!blob) return null;
            const logo = key === LOGO_KEY;
            return prepareImage(blob, {
              // The logo keeps its brand colours, and its lettering stays lossless.
              blackAndWhite: options.blackAndWhite && !logo,
              print,
              lossless: logo,
            });
          }),
        onProgress: (done, total) => void (reported = onProgress(done, total)),
      });
      await reported;
      return transfer(bytes, [bytes.buffer]);
    },
  };
}
