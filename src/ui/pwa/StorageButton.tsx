import { lazy, Suspense, useState } from 'react';

// The panel (usage table, offline section) loads when opened, not with the app shell.
const StoragePanel = lazy(async () => ({ default: (await import('./StoragePanel')).StoragePanel }));

/** "Storage" in the header: opens the storage panel. */
export function StorageButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button className="button quiet" type="button" onClick={() => setOpen(true)}>
        Storage
      </button>
      <Suspense fallback={null}>
        {open ? <StoragePanel onClose={() => setOpen(false)} /> : null}
      </Suspense>
    </>
  );
}
