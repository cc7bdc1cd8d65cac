import { lazy, Suspense, useState } from 'react';
import type { ProjectSession } from '../../store';

// The composer, its checks and the steps load when the dialog is first opened.
const PipelinesDialog = lazy(() =>
  import('./PipelinesDialog').then((m) => ({ default: m.PipelinesDialog })),
);

/** "Pipelines" in the project toolbar: compose, save, share and run custom pipelines. */
export function PipelinesButton({ session }: { readonly session: ProjectSession }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button className="button" type="button" onClick={() => setOpen(true)}>
        Pipelines
      </button>
      {open ? (
        <Suspense fallback={null}>
          <PipelinesDialog session={session} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
