import { useState } from 'react';
import { StoragePanel } from './StoragePanel';

/** "Storage" in the header: opens the storage panel. */
export function StorageButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button className="button quiet" type="button" onClick={() => setOpen(true)}>
        Storage
      </button>
      {open ? <StoragePanel onClose={() => setOpen(false)} /> : null}
    </>
  );
}
