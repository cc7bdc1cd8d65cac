import type Tesseract from 'tesseract.js';
import type { OcrAssets } from './ocrAssets';
import type { OcrLine } from './ocrText';

/**
 * tesseract.js with English, started from this app's own files (ocrAssets.ts). It runs its engine
 * in a worker of its own, started from the worker this runs in: terminating the screenplay worker
 * (Cancel, the watchdog) ends it too. Browser only.
 */
export interface OcrEngine {
  /** The lines of one page image, with word and character boxes in the image's pixels. */
  recognize(image: Blob): Promise<OcrLine[]>;
  terminate(): Promise<void>;
}

/** Scanned scripts are typed pages: tell the engine the resolution it is reading at. */
export async function startOcrEngine(assets: OcrAssets, dpi: number): Promise<OcrEngine> {
  const [{ default: tesseract }, { simd }] = await Promise.all([
    import('tesseract.js/dist/tesseract.esm.min.js'),
    import('wasm-feature-detect'),
  ]);
  const absolute = (path: string) => new URL(path, globalThis.location.href).href;
  const corePath = absolute((await simd()) ? assets.core.simd : assets.core.plain);
  const worker = await tesseract
    .createWorker('eng', tesseract.OEM.LSTM_ONLY, {
      workerPath: absolute(assets.worker),
      corePath,
      langPath: absolute(assets.langPath),
      // A blob: worker would break the Content-Security-Policy; the service worker caches the
      // language file (tesseract.js would otherwise keep a second copy in IndexedDB).
      workerBlobURL: false,
      cacheMethod: 'none',
      gzip: true,
    })
    .catch((error: unknown) => {
      throw new Error(`The OCR engine could not start (${messageOf(error)}).`);
    });
  await worker.setParameters({ user_defined_dpi: String(dpi) });
  return {
    async recognize(image) {
      const { data } = await worker.recognize(image, {}, { blocks: true, text: false });
      return linesOf(data.blocks ?? []);
    },
    async terminate() {
      await worker.terminate();
    },
  };
}

function linesOf(blocks: readonly Tesseract.Block[]): OcrLine[] {
  return blocks.flatMap((block) =>
    block.paragraphs.flatMap((paragraph) =>
      paragraph.lines.map((line) => ({
        bbox: line.bbox,
        baseline: line.baseline,
        words: line.words.map((word) => ({
          text: word.text,
          confidence: word.confidence,
          bbox: word.bbox,
          symbols: word.symbols.map((symbol) => ({ bbox: symbol.bbox })),
        })),
      })),
    ),
  );
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' && error ? error : 'it failed to load';
}
