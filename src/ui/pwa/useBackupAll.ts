import { useCallback, useState } from 'react';
import { recordExport } from '../../pwa/backupReminder';
import { BUILD_ID } from '../../pwa/buildInfo';
import { getActiveSession } from '../app/activeSession';
import { useServices } from '../app/servicesContext';
import { showError, showToast } from '../app/toastStore';
import { downloadBlob } from '../common/download';
import { plural } from '../common/format';

/** One zip holding every project as a `.frameline` bundle, downloaded. */
export function useBackupAll(): { readonly busy: boolean; run(): Promise<boolean> } {
  const { repo, assets } = useServices();
  const [busy, setBusy] = useState(false);
  const run = useCallback(async () => {
    setBusy(true);
    try {
      await getActiveSession()?.flush();
      const ids = (await repo.list()).map((row) => row.id);
      if (ids.length === 0) {
        showToast({ kind: 'info', title: 'There are no projects to back up yet' });
        return false;
      }
      const { backupFileName, bundleSource, startBackupWrite } =
        await import('../../export/bundle');
      const sources = [];
      for (const id of ids) sources.push(await bundleSource(repo.db, assets, id));
      // Zipped in the bundle worker: gigabytes of images never hold up the page.
      const written = await startBackupWrite(sources, BUILD_ID).promise;
      if (!written.ok) throw new Error(written.error);
      downloadBlob(new Blob([written.value], { type: 'application/zip' }), backupFileName());
      recordExport();
      showToast({ kind: 'info', title: `Backed up ${plural(ids.length, 'project')}` });
      return true;
    } catch (error) {
      showError('The backup failed', error);
      return false;
    } finally {
      setBusy(false);
    }
  }, [repo, assets]);
  return { busy, run };
}
