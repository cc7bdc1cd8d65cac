import { useSyncExternalStore } from 'react';
import {
  isImportable,
  kindLabel,
  whatItCreates,
  type Arrival,
} from '../../workflows/launchArrivals';
import { Dialog } from '../common/Dialog';
import { plural } from '../common/format';
import { formatBytes } from './formatBytes';
import { answerLaunch, pendingLaunchStore } from './launchConsent';

/**
 * "Import what was shared?": everything the share sheet, "Open with" or the launch queue hands
 * the app is shown here first — name, kind, size, what it would create — and imported only when
 * the person says so. Closing the dialog imports nothing.
 */
export function LaunchConsentDialog() {
  const pending = useSyncExternalStore(
    pendingLaunchStore.subscribe,
    pendingLaunchStore.getSnapshot,
  );
  if (!pending) return null;
  const importable = pending.arrivals.filter(isImportable);
  const title =
    pending.source === 'share'
      ? 'Import what was shared with Frameline?'
      : 'Open these files in Frameline?';
  return (
    <Dialog title={title} onClose={() => answerLaunch(false)}>
      <p className="muted launch-intro">Nothing is imported until you choose Import.</p>
      <ul className="launch-items" aria-label="Items to import">
        {pending.arrivals.map((arrival, index) => (
          <LaunchItem key={`${index}-${arrival.name}`} arrival={arrival} />
        ))}
      </ul>
      <div className="dialog-actions">
        <button className="button quiet" type="button" onClick={() => answerLaunch(false)}>
          Don’t import
        </button>
        <button
          className="button primary"
          type="button"
          disabled={importable.length === 0}
          onClick={() => answerLaunch(true)}
        >
          {importable.length === 1 ? 'Import' : `Import ${plural(importable.length, 'item')}`}
        </button>
      </div>
    </Dialog>
  );
}

function LaunchItem({ arrival }: { readonly arrival: Arrival }) {
  return (
    <li className={`launch-item${isImportable(arrival) ? '' : ' launch-item-skipped'}`}>
      <span className="launch-item-name">{arrival.name}</span>
      <span className="launch-item-facts muted">
        {kindLabel(arrival.kind)} · {formatBytes(arrival.size)}
      </span>
      <span className="launch-item-creates">{whatItCreates(arrival.kind)}</span>
    </li>
  );
}
