// The ffmpeg.wasm core as files this app serves itself (TESTING.md: the default points at a CDN).
// One source for their URLs: the render path loads them, "Make available offline" caches them,
// and vite.config.ts keeps them out of the precache (32 MB) and caches them on first use.
// Import this module lazily: its URLs are the only trace of ffmpeg the first page load needs.
// Through the package's exports ("." and "./wasm" = dist/esm/ffmpeg-core.{js,wasm}): Vite 8
// refuses deep paths a package does not export.
import coreURL from '@ffmpeg/core?url';
import wasmURL from '@ffmpeg/core/wasm?url';

export const FFMPEG_CORE_URL: string = coreURL;
export const FFMPEG_WASM_URL: string = wasmURL;
export const FFMPEG_CORE_URLS: readonly string[] = [coreURL, wasmURL];

declare const __FFMPEG_CORE_BYTES__: { readonly js: number; readonly wasm: number } | undefined;

/** Bytes of each file, measured at build time (vite.config.ts): the progress bar's total. */
export function expectedSizeOf(url: string): number | null {
  if (typeof __FFMPEG_CORE_BYTES__ === 'undefined') return null;
  return url.endsWith('.wasm') ? __FFMPEG_CORE_BYTES__.wasm : __FFMPEG_CORE_BYTES__.js;
}
