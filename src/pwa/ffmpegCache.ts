/**
 * The ffmpeg.wasm core in the Cache API. The service worker caches it on first use (a CacheFirst
 * route in vite.config.ts, same cache name); "Make available offline" fetches it ahead of time
 * with progress. Old versions (other hashed URLs) are dropped so 32 MB never piles up.
 */
export const FFMPEG_CACHE_NAME = 'frameline-ffmpeg';

export interface DownloadProgress {
  readonly loaded: number;
  /** Null until the sizes are known (a server that does not say). */
  readonly total: number | null;
}

export interface FfmpegCacheStatus {
  readonly cached: boolean;
  readonly bytes: number;
}

async function coreFiles(): Promise<{ url: string; expected: number | null }[]> {
  // Lazy: keeps even the URLs (and the word ffmpeg) out of the first page load.
  const { FFMPEG_CORE_URLS, expectedSizeOf } = await import('./ffmpegAssets');
  return FFMPEG_CORE_URLS.map((url) => ({
    url: new URL(url, location.href).href,
    expected: expectedSizeOf(url),
  }));
}

/** A cached file's size: its Content-Length, or (stored by the worker from a compressed reply) its body. */
async function sizeOf(response: Response): Promise<number> {
  const declared = Number(response.headers.get('Content-Length'));
  return declared > 0 ? declared : (await response.blob()).size;
}

export async function ffmpegCacheStatus(): Promise<FfmpegCacheStatus> {
  if (!('caches' in globalThis)) return { cached: false, bytes: 0 };
  const cache = await caches.open(FFMPEG_CACHE_NAME);
  let bytes = 0;
  for (const { url } of await coreFiles()) {
    const response = await cache.match(url);
    if (!response) return { cached: false, bytes: 0 };
    bytes += await sizeOf(response);
  }
  return { cached: true, bytes };
}

/** Drops cached cores of earlier builds. */
export async function pruneStaleFfmpegCache(): Promise<void> {
  if (!('caches' in globalThis)) return;
  const current = new Set((await coreFiles()).map((file) => file.url));
  const cache = await caches.open(FFMPEG_CACHE_NAME);
  for (const request of await cache.keys()) {
    if (!current.has(request.url)) await cache.delete(request);
  }
}

/**
 * Downloads whatever of the core is not cached yet, reporting bytes as they arrive, and stores
 * each file under its plain URL with its exact length. The request carries a query so that the
 * service worker's CacheFirst route lets it pass: the file is fetched and written once.
 */
export async function makeFfmpegAvailableOffline(
  onProgress: (progress: DownloadProgress) => void,
): Promise<void> {
  if (!('caches' in globalThis)) throw new Error('This browser cannot keep files for offline use.');
  const cache = await caches.open(FFMPEG_CACHE_NAME);
  const missing = [];
  for (const file of await coreFiles()) if (!(await cache.match(file.url))) missing.push(file);
  const total = missing.every((file) => file.expected !== null)
    ? missing.reduce((sum, file) => sum + (file.expected ?? 0), 0)
    : null;
  let loaded = 0;
  onProgress({ loaded, total });
  for (const { url } of missing) {
    const response = await fetch(`${url}?offline-download`).catch(() => {
      throw new Error('The download failed: the server cannot be reached.');
    });
    if (!response.ok || !response.body) {
      throw new Error(`The download failed (${response.status} ${response.statusText}).`);
    }
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    const reader = response.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      chunks.push(chunk.value);
      loaded += chunk.value.byteLength;
      onProgress({ loaded, total });
    }
    const body = new Blob(chunks);
    const headers = {
      'Content-Type': response.headers.get('Content-Type') ?? 'application/octet-stream',
      'Content-Length': String(body.size),
    };
    await cache.put(url, new Response(body, { headers }));
  }
  await pruneStaleFfmpegCache();
}
