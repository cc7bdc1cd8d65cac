import { useEffect, useState } from 'react';
import { rawLogArchive, rawLogFileName } from '../../export/rawLog';
import type { ProjectId } from '../../model/ids';
import { DamagedProjectError, describeDamage, type LastGoodInfo } from '../../store';
import { useServices } from '../app/servicesContext';
import { showError } from '../app/toastStore';
import { downloadBlob } from '../common/download';

interface Props {
  readonly projectId: ProjectId;
  readonly error: Error;
  /** Opening failed, or the open project failed to display. */
  readonly failed: 'open' | 'display';
  /** This was already the read-only recovery open: offering it again would loop. */
  readonly readOnlyFailed: boolean;
  readonly onOpenReadOnly: () => void;
  /** The last good state is back in place: open normally again. */
  readonly onRestored: () => void;
}

/** What the project row and the last good state say, once read. */
type Facts =
  | { readonly status: 'reading' }
  | { readonly status: 'gone' }
  | { readonly status: 'read'; readonly title: string; readonly lastGood: LastGoodInfo | null };

function useFacts(projectId: ProjectId): Facts {
  const { repo, recovery } = useServices();
  const [facts, setFacts] = useState<Facts>({ status: 'reading' });
  useEffect(() => {
    let live = true;
    void Promise.all([repo.get(projectId), recovery.lastGood(projectId)]).then(
      ([row, lastGood]) => {
        if (live)
          setFacts(row ? { status: 'read', title: row.title, lastGood } : { status: 'gone' });
      },
      (error: unknown) => showError('Could not read this project', error),
    );
    return () => {
      live = false;
    };
  }, [repo, recovery, projectId]);
  return facts;
}

function formatTime(epochMs: number): string {
  return new Date(epochMs).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** What went wrong and where, as a list a person can read (and pass on). */
function WhatWentWrong({ error, failed }: Pick<Props, 'error' | 'failed'>) {
  if (error instanceof DamagedProjectError) {
    return (
      <>
        <p>
          Its saved data holds something Frameline will not open, because it could lock the page:
        </p>
        <ul className="recovery-damage">
          {error.damage.map((damage) => (
            <li key={describeDamage(damage)}>{describeDamage(damage)}.</li>
          ))}
        </ul>
      </>
    );
  }
  return (
    <>
      <p>
        {failed === 'display'
          ? 'Something in it made the page fail while showing it:'
          : 'Something went wrong while opening it:'}
      </p>
      <ul className="recovery-damage">
        <li>{error.message || error.name}</li>
      </ul>
    </>
  );
}

/**
 * The way out for a project that fails to open or to display: never a blank screen. It says
 * what went wrong and where, and offers to open it read-only without the broken part, to go back
 * to the last state that opened on this device, or to export the raw stored log as a file.
 */
export function ProjectRecovery(props: Props) {
  const { projectId, error, failed, readOnlyFailed, onOpenReadOnly, onRestored } = props;
  const { recovery } = useServices();
  const facts = useFacts(projectId);
  const [busy, setBusy] = useState<'restore' | 'export' | null>(null);

  if (facts.status === 'gone') {
    return (
      <section className="empty-state" role="alert">
        <h2>This project does not exist any more</h2>
        <a className="button" href="#/">
          Back to projects
        </a>
      </section>
    );
  }

  const title = facts.status === 'read' && facts.title ? `“${facts.title}”` : 'This project';
  const lastGood = facts.status === 'read' ? facts.lastGood : null;

  const restore = async () => {
    setBusy('restore');
    try {
      await recovery.restoreLastGood(projectId);
      onRestored();
    } catch (cause) {
      showError('Could not restore the last state that opened', cause);
      setBusy(null);
    }
  };

  const exportRaw = async () => {
    setBusy('export');
    try {
      const log = await recovery.rawLog(projectId);
      const zip = rawLogArchive(log);
      downloadBlob(
        new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
        rawLogFileName(log.title),
      );
    } catch (cause) {
      showError('Could not export the raw data', cause);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="recovery" role="alert" aria-labelledby="recovery-title">
      <h2 id="recovery-title">
        {title} {failed === 'display' ? 'could not be displayed' : 'could not be opened'}
      </h2>
      <WhatWentWrong error={error} failed={failed} />
      <p className="muted">
        Nothing has been changed or deleted. Choose a way out — you can come back here and choose
        another.
      </p>
      <div className="recovery-options">
        <div className="recovery-option">
          <h3>Look at it read-only</h3>
          <p>
            Opens everything except the broken part. Nothing is saved while it is open this way, so
            you can look, play and export safely.
          </p>
          {readOnlyFailed ? (
            <p className="recovery-unavailable">Opening it read-only failed too.</p>
          ) : (
            <button type="button" className="button primary" onClick={onOpenReadOnly}>
              Open read-only without the broken part
            </button>
          )}
        </div>
        <div className="recovery-option">
          <h3>Go back to the last state that opened</h3>
          {lastGood ? (
            <>
              <p>
                As it was on {formatTime(lastGood.savedAt)}, with {lastGood.shotCount} shot
                {lastGood.shotCount === 1 ? '' : 's'}. Changes made after that are removed from this
                browser: export the raw data first to keep them.
              </p>
              <button
                type="button"
                className="button"
                disabled={busy !== null}
                onClick={() => void restore()}
              >
                {busy === 'restore' ? 'Restoring…' : 'Restore the last state that opened'}
              </button>
            </>
          ) : (
            <p className="recovery-unavailable">
              {facts.status === 'reading'
                ? 'Looking for it…'
                : 'No earlier state of this project was recorded in this browser.'}
            </p>
          )}
        </div>
        <div className="recovery-option">
          <h3>Export the raw data</h3>
          <p>
            Every stored change exactly as it is, as one file: to keep, or to give to someone who
            can repair it.
          </p>
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => void exportRaw()}
          >
            {busy === 'export' ? 'Exporting…' : 'Export raw update log'}
          </button>
        </div>
      </div>
      <a className="button quiet" href="#/">
        Back to projects
      </a>
    </section>
  );
}
