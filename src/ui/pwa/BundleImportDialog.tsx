import { useSyncExternalStore } from 'react';
import { Dialog } from '../common/Dialog';
import { relativeTime } from '../common/format';
import { ImportProgressDialog } from '../app/ImportProgressDialog';
import { bundleProgressStore, pendingReplaceStore } from './bundleImport';

/**
 * A bundle import's progress (checking in a worker, with Cancel; then storing), and "Replace the
 * local copy?" when an imported bundle's project is already in this browser.
 */
export function BundleImportDialog() {
  const pending = useSyncExternalStore(
    pendingReplaceStore.subscribe,
    pendingReplaceStore.getSnapshot,
  );
  const progress = useSyncExternalStore(
    bundleProgressStore.subscribe,
    bundleProgressStore.getSnapshot,
  );
  if (progress) return <ImportProgressDialog progress={progress} />;
  if (!pending) return null;
  const { bundle, local, choose, fileName } = pending;
  return (
    <Dialog title="Replace the local copy?" onClose={() => choose('cancel')}>
      <p>
        <strong>“{local.title}”</strong> is already in this browser (edited{' '}
        {relativeTime(local.updatedAt)}). {fileName} holds a version of it exported{' '}
        {relativeTime(Date.parse(bundle.manifest.exportedAt))}.
      </p>
      <p className="muted">
        Replacing keeps only the bundle’s version. Importing as a copy keeps both.
      </p>
      <div className="dialog-actions">
        <button className="button quiet" type="button" onClick={() => choose('cancel')}>
          Cancel
        </button>
        <button className="button" type="button" onClick={() => choose('copy')}>
          Import as a copy
        </button>
        <button className="button primary" type="button" onClick={() => choose('replace')}>
          Replace the local copy
        </button>
      </div>
    </Dialog>
  );
}
