/**
 * Where the OCR engine's files are served, in one place: the build copies them there from
 * node_modules (vite.config.ts, `ocrAssets`), the OCR reader loads them, the service worker caches
 * them on first use and "Make available offline" fetches them. Never a CDN: the app's
 * Content-Security-Policy and its offline promise both forbid it.
 *
 * tesseract.js's worker runs WebAssembly, so it is served from /wasm-workers/, the one folder whose
 * policy allows that. The core it loads looks for its `.wasm` by a fixed name in the *worker's*
 * folder (Emscripten's script directory in a worker is the worker's), so worker and core share a
 * folder; the language file is read as `<langPath>/eng.traineddata.gz`. Folders are named by
 * version, so a new version is a new URL and a cached copy never goes stale.
 */
export interface OcrAssets {
  /** tesseract.js's worker script (a classic worker; it loads the core with importScripts). */
  readonly worker: string;
  /** The core's JavaScript, with and without WebAssembly SIMD; each loads its .wasm beside it. */
  readonly core: { readonly simd: string; readonly plain: string };
  /** The folder holding `eng.traineddata.gz` (LSTM, integer "best" model). */
  readonly langPath: string;
}

export interface OcrVersions {
  readonly tesseract: string;
  readonly core: string;
  readonly eng: string;
}

/** Served path → the package file it is copied from (for the build and the dev server). */
export type OcrAssetFiles = ReadonlyMap<string, string>;

const CORE_SIMD = 'tesseract-core-simd-lstm';
const CORE_PLAIN = 'tesseract-core-lstm';
/** The LSTM-only model tesseract.js itself picks for OEM.LSTM_ONLY (2.9 MB, not the 10.9 MB one). */
const ENG_MODEL = '4.0.0_best_int';

export function ocrAssetPaths(versions: OcrVersions): OcrAssets {
  const core = `/wasm-workers/tesseract-${versions.tesseract}-core-${versions.core}`;
  return {
    worker: `${core}/worker.js`,
    core: { simd: `${core}/${CORE_SIMD}.js`, plain: `${core}/${CORE_PLAIN}.js` },
    langPath: `/ocr/eng-${ENG_MODEL}-${versions.eng}`,
  };
}

export function ocrAssetFiles(versions: OcrVersions): OcrAssetFiles {
  const assets = ocrAssetPaths(versions);
  const coreDir = assets.core.simd.slice(0, assets.core.simd.lastIndexOf('/'));
  return new Map([
    [assets.worker, 'tesseract.js/dist/worker.min.js'],
    ...[CORE_SIMD, CORE_PLAIN].flatMap((name) =>
      ['js', 'wasm'].map((ext): [string, string] => [
        `${coreDir}/${name}.${ext}`,
        `tesseract.js-core/${name}.${ext}`,
      ]),
    ),
    [
      `${assets.langPath}/eng.traineddata.gz`,
      `@tesseract.js-data/eng/${ENG_MODEL}/eng.traineddata.gz`,
    ],
  ]);
}

/** Served paths the service worker caches at run time, not in the precache (about 6 MB). */
export const OCR_ASSET_PATTERN = /\/(?:ocr|wasm-workers\/tesseract-[^/]+)\//;

declare const __OCR_ASSETS__: OcrAssets | undefined;

/** This build's OCR files, or null where there are none (Node tests, a build without them). */
export function builtOcrAssets(): OcrAssets | null {
  return typeof __OCR_ASSETS__ === 'undefined' ? null : __OCR_ASSETS__;
}

/** Every file one OCR run fetches (for "Make available offline"), as served paths. */
export function ocrDownloads(assets: OcrAssets, simd: boolean): string[] {
  const core = simd ? assets.core.simd : assets.core.plain;
  return [
    assets.worker,
    core,
    core.replace(/\.js$/, '.wasm'),
    `${assets.langPath}/eng.traineddata.gz`,
  ];
}
