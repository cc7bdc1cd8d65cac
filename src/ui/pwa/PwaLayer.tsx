import {
  lazy,
  Suspense,
  useEffect,
  useState,
  useSyncExternalStore,
  type CSSProperties,
} from 'react';
import { startAppChannel } from '../../pwa/appChannel';
import { pruneStaleFfmpegCache } from '../../pwa/ffmpegCache';
import { askPersistenceOnce } from '../../pwa/persistentStorage';
import { startServiceWorker } from '../../pwa/serviceWorker';
import { appServices } from '../app/appServices';
import { onStorageFull, type ProjectRow } from '../../store';
import { useServices } from '../app/servicesContext';
import { showToast } from '../app/toastStore';
import type { FileImports } from '../app/useFileImports';
import { UpdateNotice } from './UpdateNotice';
import { useLaunchHandoff } from './useLaunchHandoff';

// Shown rarely and never needed for the first paint: loaded just after it. Their stores live in
// small modules of their own, so nothing asked before they load is missed.
const BackupReminder = lazy(async () => ({
  default: (await import('./BackupReminder')).BackupReminder,
}));
const BundleImportDialog = lazy(async () => ({
  default: (await import('./BundleImportDialog')).BundleImportDialog,
}));
const LaunchConsentDialog = lazy(async () => ({
  default: (await import('./LaunchConsentDialog')).LaunchConsentDialog,
}));

/** A full disk is said once per this long, however many writes fail meanwhile. */
const STORAGE_FULL_QUIET_MS = 30_000;
/** Old ffmpeg cores are tidied once the page has settled, never during its first paint. */
const TIDY_AFTER_MS = 15_000;

/**
 * Everything that makes Frameline an installed, offline app, mounted once beside the UI: the
 * service worker and its update notice, the tabs' channel, OS file hand-offs, persistent
 * storage, full-disk alerts, the backup reminder and the bundle "replace?" question.
 */
export function PwaLayer({ imports }: { readonly imports: FileImports }) {
  const rows = useProjectRowsQuietly();
  const online = useOnline();
  const toastsHeight = useToastsHeight();
  useLaunchHandoff(imports);

  useEffect(() => {
    void startServiceWorker(appServices);
    startAppChannel(appServices);
    const tidy = setTimeout(
      () => void pruneStaleFfmpegCache().catch(() => undefined),
      TIDY_AFTER_MS,
    );
    return () => clearTimeout(tidy);
  }, []);

  useEffect(() => {
    let quietUntil = 0;
    return onStorageFull((error) => {
      if (Date.now() < quietUntil) return;
      quietUntil = Date.now() + STORAGE_FULL_QUIET_MS;
      showToast({ kind: 'error', title: 'Browser storage is full', detail: error.message });
    });
  }, []);

  const hasProjects = rows !== null && rows.length > 0;
  useEffect(() => {
    if (hasProjects) void askPersistenceOnce(appServices.notify).catch(() => undefined);
  }, [hasProjects]);

  return (
    <>
      <div
        className="pwa-notices"
        style={{ '--toasts-height': `${toastsHeight}px` } as CSSProperties}
      >
        {online ? null : (
          <p className="offline-badge" role="status">
            Offline — your work is saved in this browser
          </p>
        )}
        <UpdateNotice />
        <Suspense fallback={null}>
          <BackupReminder rows={rows} />
        </Suspense>
      </div>
      <Suspense fallback={null}>
        <LaunchConsentDialog />
        <BundleImportDialog />
      </Suspense>
    </>
  );
}

function useProjectRowsQuietly(): ProjectRow[] | null {
  const { repo } = useServices();
  const [rows, setRows] = useState<ProjectRow[] | null>(null);
  useEffect(() => repo.watch(setRows, () => setRows(null)), [repo]);
  return rows;
}

function subscribeOnline(listener: () => void) {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}

/** The toasts' column shares the bottom-right corner: notices stand on top of it. */
function useToastsHeight(): number {
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const toasts = document.querySelector('.toasts');
    if (!toasts) return;
    const observer = new ResizeObserver(() => {
      const { height: h } = toasts.getBoundingClientRect();
      setHeight(h > 0 ? h + 8 : 0);
    });
    observer.observe(toasts);
    return () => observer.disconnect();
  }, []);
  return height;
}
