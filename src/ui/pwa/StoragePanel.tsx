import { useState } from 'react';
import { BUILD_ID } from '../../pwa/buildInfo';
import { readBackupState } from '../../pwa/backupReminder';
import { requestPersistence } from '../../pwa/persistentStorage';
import { Dialog } from '../common/Dialog';
import { relativeTime } from '../common/format';
import { formatBytes } from './formatBytes';
import { OfflineSection } from './OfflineSection';
import { ProjectUsageTable } from './ProjectUsageTable';
import { useBackupAll } from './useBackupAll';
import { useStorageReport, type StorageReport } from './useStorageReport';

/**
 * Where Frameline's data lives and how much room it takes: the browser's quota, what each project
 * uses, clean-up of images no project uses, offline readiness, backups, the running version and
 * the licences of what it ships.
 */
export function StoragePanel({ onClose }: { readonly onClose: () => void }) {
  const report = useStorageReport();
  const backup = useBackupAll();
  const lastExportAt = readBackupState().lastExportAt;
  return (
    <Dialog title="Storage" onClose={onClose}>
      <div className="storage-panel">
        <Summary report={report} />
        <ProjectUsageTable report={report} />
        <OfflineSection />
        <section className="storage-section" aria-labelledby="storage-backups">
          <h3 id="storage-backups">Backups</h3>
          <div className="storage-row">
            <p className="muted">
              {lastExportAt === null
                ? 'No project has been exported from this browser yet.'
                : `Last export ${relativeTime(lastExportAt)}.`}
            </p>
            <button
              className="button"
              type="button"
              disabled={backup.busy}
              onClick={() => void backup.run()}
            >
              Back up all projects
            </button>
          </div>
        </section>
        <p className="muted storage-version">
          Frameline <span data-testid="build-id">{BUILD_ID}</span> · MIT licence ·{' '}
          <a href="/licenses.txt" target="_blank" rel="noreferrer">
            Third-party licences
          </a>
        </p>
      </div>
      <div className="dialog-actions">
        <button className="button" type="button" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}

function Summary({ report }: { readonly report: StorageReport }) {
  const { estimate, persistence } = report;
  const [asking, setAsking] = useState(false);
  return (
    <section className="storage-section" aria-labelledby="storage-usage">
      <h3 id="storage-usage">This browser</h3>
      {estimate ? (
        <>
          <p>
            Frameline uses <strong>{formatBytes(estimate.usage)}</strong> of the{' '}
            {formatBytes(estimate.quota)} this browser allows it.
          </p>
          <progress
            className="progress"
            aria-label="Space used"
            max={Math.max(estimate.quota, 1)}
            value={estimate.usage}
          />
          {estimate.indexedDB !== null && estimate.caches !== null ? (
            <p className="muted">
              Projects and images {formatBytes(estimate.indexedDB)} · offline app files{' '}
              {formatBytes(estimate.caches)}
            </p>
          ) : null}
        </>
      ) : (
        <p className="muted">This browser does not say how much space is used.</p>
      )}
      <div className="storage-row">
        <p className={persistence === 'persisted' ? 'storage-ok' : 'muted'}>
          {persistence === 'persisted'
            ? '✓ Kept safe: the browser will not clear this data to free space.'
            : persistence === 'best-effort'
              ? 'The browser may clear this data when the disk runs low. Back up your projects.'
              : 'This browser cannot promise to keep this data.'}
        </p>
        {persistence === 'best-effort' ? (
          <button
            className="button"
            type="button"
            disabled={asking}
            onClick={() => {
              setAsking(true);
              void requestPersistence().finally(() => {
                setAsking(false);
                report.refresh();
              });
            }}
          >
            Ask to keep it
          </button>
        ) : null}
      </div>
    </section>
  );
}
