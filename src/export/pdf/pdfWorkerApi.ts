import { LOGO_KEY } from './drawOps';
import { fetchFont } from './fontFiles';
import type { PdfDocumentInput } from './pdfInput';
import type { PdfOptions } from './pdfOptions';
import { writePdf, type PdfWriterDeps } from './pdfWriter';
import { prepareImage } from './prepareImage';

export type PdfProgress = (done: number, total: number) => void;

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
    onProgress: PdfProgress,
  ): Promise<Uint8Array<ArrayBuffer>>;
}

/** The handlers, apart from the worker file; `deps` lets Node tests give fonts and images. */
export function createPdfWorkerApi(
  transfer: <T>(value: T, transferables: Transferable[]) => T,
  deps: Partial<Pick<PdfWriterDeps, 'loadFont' | 'loadImage'>> = {},
): PdfWorkerApi {
  return {
    async writeBoards(input, options, images, onProgress) {
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
        onProgress,
      });
      return transfer(bytes, [bytes.buffer]);
    },
  };
}
