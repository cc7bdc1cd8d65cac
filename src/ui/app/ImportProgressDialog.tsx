import type { ImportProgress } from '../../workflows/importScreenplay';
import { Dialog } from '../common/Dialog';

const STAGE_TEXT: Record<ImportProgress['stage'], string> = {
  reading: 'Reading the script…',
  recognizing: 'Reading the scanned pages with OCR… page',
  planning: 'Planning scenes and shots…',
  preparing: 'Preparing the project…',
  writing: 'Adding the boards…',
  checking: 'Checking the bundle…',
  storing: 'Storing the project and its images…',
};

function noop(): void {}

/**
 * A screenplay import under way: what it is doing, and Cancel while cancelling still changes
 * nothing (reading and planning run in a worker; once the boards are being written, the import
 * finishes, and one Undo takes it back).
 */
export function ImportProgressDialog({ progress }: { readonly progress: ImportProgress }) {
  const { fileName, stage, parts, cancel } = progress;
  const name = fileName ? `“${fileName}”` : 'the pasted script';
  return (
    <Dialog title={`Importing ${name}`} onClose={cancel ?? noop}>
      <p role="status" className="muted">
        {STAGE_TEXT[stage]}
        {parts ? ` ${parts.done} of ${parts.total}` : ''}
      </p>
      {parts ? (
        <progress className="progress" value={parts.done} max={parts.total} />
      ) : (
        <progress className="progress" aria-label="Import progress" />
      )}
      <div className="dialog-actions">
        <button
          className="button"
          type="button"
          disabled={cancel === null}
          onClick={cancel ?? noop}
        >
          Cancel import
        </button>
      </div>
    </Dialog>
  );
}
