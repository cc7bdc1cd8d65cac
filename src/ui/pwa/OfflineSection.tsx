import { useEffect, useState, useSyncExternalStore } from 'react';
import {
  ffmpegCacheStatus,
  makeFfmpegAvailableOffline,
  type DownloadProgress,
  type FfmpegCacheStatus,
} from '../../pwa/ffmpegCache';
import { serviceWorkerStore, type ServiceWorkerStatus } from '../../pwa/serviceWorker';
import { formatBytes } from './formatBytes';

const APP_STATUS: Record<ServiceWorkerStatus, string> = {
  unsupported: 'This browser (or this development server) cannot keep Frameline for offline use.',
  installing: 'Storing Frameline for offline use…',
  ready: '✓ Frameline opens, edits, sketches and renders without a network.',
  'update-waiting': '✓ Works offline. A new version is ready to install.',
  updating: 'Updating…',
  'updated-elsewhere': '✓ Works offline. Reload to use the version another tab installed.',
};

type Download =
  | { readonly state: 'idle' }
  | { readonly state: 'running'; readonly progress: DownloadProgress }
  | { readonly state: 'failed'; readonly message: string };

/**
 * Offline readiness. The app itself is precached; the ffmpeg.wasm fallback encoder (~32 MB) is
 * not (most renders use WebCodecs and never need it): it is cached the first time it is used,
 * or now, with progress, by "Make available offline".
 */
export function OfflineSection() {
  const app = useSyncExternalStore(serviceWorkerStore.subscribe, serviceWorkerStore.getSnapshot);
  const [cache, setCache] = useState<FfmpegCacheStatus | null>(null);
  const [download, setDownload] = useState<Download>({ state: 'idle' });
  useEffect(() => {
    void ffmpegCacheStatus().then(setCache, () => setCache(null));
  }, [download]);

  const start = () => {
    setDownload({ state: 'running', progress: { loaded: 0, total: null } });
    makeFfmpegAvailableOffline((progress) => setDownload({ state: 'running', progress })).then(
      () => setDownload({ state: 'idle' }),
      (error: unknown) =>
        setDownload({
          state: 'failed',
          message: `${error instanceof Error ? error.message : String(error)} Check the connection and try again.`,
        }),
    );
  };

  return (
    <section className="storage-section" aria-labelledby="storage-offline">
      <h3 id="storage-offline">Offline</h3>
      <p className={app === 'ready' ? 'storage-ok' : 'muted'}>{APP_STATUS[app]}</p>
      <div className="storage-row">
        <p className={cache?.cached ? 'storage-ok' : 'muted'} role="status">
          {cache?.cached
            ? `✓ The fallback video encoder is stored (${formatBytes(cache.bytes)}).`
            : 'The fallback video encoder (ffmpeg, about 32 MB, for browsers without WebCodecs) downloads when first needed.'}
        </p>
        {cache?.cached ? null : (
          <button
            className="button"
            type="button"
            disabled={download.state === 'running'}
            onClick={start}
          >
            Make available offline
          </button>
        )}
      </div>
      {download.state === 'running' ? (
        <div className="offline-progress">
          <progress
            className="progress"
            aria-label="Downloading the video encoder"
            max={download.progress.total ?? undefined}
            value={download.progress.total === null ? undefined : download.progress.loaded}
          />
          <span className="muted">
            {formatBytes(download.progress.loaded)}
            {download.progress.total === null ? '' : ` of ${formatBytes(download.progress.total)}`}
          </span>
        </div>
      ) : null}
      {download.state === 'failed' ? (
        <p className="save-error" role="alert">
          {download.message}
        </p>
      ) : null}
    </section>
  );
}
