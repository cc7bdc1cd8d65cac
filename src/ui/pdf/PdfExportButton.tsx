import { lazy, Suspense } from 'react';
import type { ProjectSession } from '../../store';

// The dialog, the layout and the PDF worker load on first use: none of it is in the app's first
// download (tests/e2e/budget.e2e.ts).
const PdfExportDialog = lazy(() => import('./PdfExportDialog'));

interface Props {
  readonly session: ProjectSession;
  readonly disabled: boolean;
  /** Open from elsewhere too (the Export menu's "PDF boards…"): the toolbar holds the state. */
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
}

/** "Export PDF" in the project toolbar: the boards as a PDF to print or send. */
export function PdfExportButton({ session, disabled, open, onOpenChange }: Props) {
  return (
    <>
      <button
        className="button"
        type="button"
        onClick={() => onOpenChange(true)}
        disabled={disabled}
      >
        Export PDF
      </button>
      {open ? (
        <Suspense fallback={null}>
          <PdfExportDialog session={session} onClose={() => onOpenChange(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
