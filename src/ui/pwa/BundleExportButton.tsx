import { useState } from 'react';
import { BUNDLE_MIME_TYPE } from '../../export/bundle/format';
import { recordExport } from '../../pwa/backupReminder';
import { BUILD_ID } from '../../pwa/buildInfo';
import type { ProjectSession } from '../../store';
import { useServices } from '../app/servicesContext';
import { showError, showToast } from '../app/toastStore';
import { downloadBlob } from '../common/download';
import { plural } from '../common/format';

/** Saves the open project as one `.frameline` file (document, manifest and every image). */
export function BundleExportButton({ session }: { readonly session: ProjectSession }) {
  const { repo, assets } = useServices();
  const [busy, setBusy] = useState(false);
  const exportIt = async () => {
    setBusy(true);
    try {
      await session.flush();
      // Loaded on use: zip code has no business in the first page load.
      const { exportBundle } = await import('../../export/bundle');
      const bundle = await exportBundle(repo.db, assets, session.id, BUILD_ID);
      downloadBlob(new Blob([bundle.bytes], { type: BUNDLE_MIME_TYPE }), bundle.fileName);
      recordExport();
      if (bundle.missingAssets > 0) {
        showToast({
          kind: 'error',
          title: `${plural(bundle.missingAssets, 'image')} missing from the bundle`,
          detail: 'This browser no longer had them; the bundle lists them as missing.',
        });
      }
    } catch (error) {
      showError('Could not export the bundle', error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button className="button" type="button" onClick={() => void exportIt()} disabled={busy}>
      Export bundle
    </button>
  );
}
