/**
 * The ffmpeg.wasm single-thread core, served by the app itself (never a CDN): Vite copies both
 * files into the build and these are their URLs. The render worker loads the core from them; the
 * PWA caches them at runtime (they are ~32 MB, too big to precache).
 *
 * `@ffmpeg/core`'s exports map names these two files `.` and `./wasm`
 * (dist/esm/ffmpeg-core.js and dist/esm/ffmpeg-core.wasm); deep paths are not exported.
 */
import coreURL from '@ffmpeg/core?url';
import wasmURL from '@ffmpeg/core/wasm?url';

export { coreURL, wasmURL };
