import { useState, useSyncExternalStore } from 'react';
import { writesBlockedStore } from '../../pwa/appChannel';
import { acceptUpdate, serviceWorkerStore } from '../../pwa/serviceWorker';

const MESSAGES = {
  waiting: {
    title: 'A new version of Frameline is ready',
    detail: 'Your work is saved before it reloads.',
  },
  elsewhere: {
    title: 'Frameline was updated in another tab',
    detail: 'This tab still runs the old version. Reload it to continue with the new one.',
  },
  blocked: {
    title: 'A newer Frameline is open in another tab',
    detail: 'This tab stopped saving so it cannot undo that version’s changes. Reload to update.',
  },
} as const;

/**
 * The non-blocking "Reload to update" notice: the editor keeps working while it shows, and
 * accepting saves every pending edit before the page reloads.
 */
export function UpdateNotice() {
  const status = useSyncExternalStore(serviceWorkerStore.subscribe, serviceWorkerStore.getSnapshot);
  const blocked = useSyncExternalStore(
    writesBlockedStore.subscribe,
    writesBlockedStore.getSnapshot,
  );
  const [later, setLater] = useState(false);
  const kind = blocked
    ? 'blocked'
    : status === 'updated-elsewhere'
      ? 'elsewhere'
      : status === 'update-waiting' || status === 'updating'
        ? 'waiting'
        : null;
  if (kind === null || (kind === 'waiting' && later)) return null;
  const updating = status === 'updating';
  return (
    <aside className="update-notice panel" role="status" aria-label="Update">
      <p>
        <strong>{MESSAGES[kind].title}</strong>
        <span className="muted">
          {updating ? 'Saving your work, then reloading…' : MESSAGES[kind].detail}
        </span>
      </p>
      <div className="update-actions">
        {kind === 'waiting' ? (
          <button
            className="button quiet"
            type="button"
            disabled={updating}
            onClick={() => setLater(true)}
          >
            Later
          </button>
        ) : null}
        <button
          className="button primary"
          type="button"
          disabled={updating}
          onClick={() => void acceptUpdate()}
        >
          Reload to update
        </button>
      </div>
    </aside>
  );
}
