import { useEffect, useState } from 'react';
import {
  readBackupState,
  shouldRemindBackup,
  snoozeBackupReminder,
} from '../../pwa/backupReminder';
import type { ProjectRow } from '../../store';
import { relativeTime } from '../common/format';
import { useBackupAll } from './useBackupAll';

/** Checked when the project list changes and hourly: a long-open tab still gets reminded. */
const RECHECK_MS = 60 * 60 * 1000;

/** "Back up your projects" after a week without an export, with one-click backup. */
export function BackupReminder({ rows }: { readonly rows: readonly ProjectRow[] | null }) {
  const [now, setNow] = useState(() => Date.now());
  const [hidden, setHidden] = useState(false);
  const backup = useBackupAll();
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), RECHECK_MS);
    return () => clearInterval(timer);
  }, []);
  if (hidden || !rows) return null;
  const state = readBackupState(now);
  const lastEditAt = rows.length > 0 ? Math.max(...rows.map((row) => row.updatedAt)) : null;
  if (!shouldRemindBackup(state, lastEditAt, now)) return null;
  return (
    <aside className="update-notice backup-reminder panel" role="status" aria-label="Backup">
      <p>
        <strong>Back up your projects</strong>
        <span className="muted">
          {state.lastExportAt === null
            ? 'They live only in this browser and have never been exported.'
            : `Last export ${relativeTime(state.lastExportAt, now)}; projects changed since.`}
        </span>
      </p>
      <div className="update-actions">
        <button
          className="button quiet"
          type="button"
          onClick={() => {
            snoozeBackupReminder();
            setHidden(true);
          }}
        >
          Later
        </button>
        <button
          className="button primary"
          type="button"
          disabled={backup.busy}
          onClick={() => void backup.run().then((ok) => ok && setHidden(true))}
        >
          Back up all projects
        </button>
      </div>
    </aside>
  );
}
