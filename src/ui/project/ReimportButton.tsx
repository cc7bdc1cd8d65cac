import { useRef, useState } from 'react';
import type { ReimportPlan } from '../../plan/reimport';
import { SCREENPLAY_EXTENSIONS } from '../../export/screenplayExtensions';
import type { ProjectSession } from '../../store';
import type { ImportProgress } from '../../workflows/importScreenplay';
import { HiddenFileInput } from '../app/HiddenFileInput';
import { ImportProgressDialog } from '../app/ImportProgressDialog';
import { showError, showToast } from '../app/toastStore';
import { ReimportDialog } from './ReimportDialog';

/**
 * "Import new draft": reads and matches a rewrite in a worker (progress, Cancel), shows what it
 * changes, applies it as one undo step.
 */
export function ReimportButton({ session }: { readonly session: ProjectSession }) {
  const input = useRef<HTMLInputElement | null>(null);
  const [pending, setPending] = useState<{ fileName: string; plan: ReimportPlan } | null>(null);

  const [progress, setProgress] = useState<ImportProgress | null>(null);

  const onFile = async (file: File) => {
    try {
      // The importer loads when a draft arrives; parsing, planning and matching run in its worker.
      const { planDraft } = await import('../../workflows/importScreenplay');
      const source = { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name };
      const result = await planDraft(source, session.getState().snapshot, setProgress);
      if (result === 'cancelled') {
        showToast({ kind: 'info', title: 'Import cancelled', detail: 'Nothing was changed.' });
      } else if (!result.ok) {
        showToast({ kind: 'error', title: 'Draft not imported', detail: result.error });
      } else {
        setPending({ fileName: file.name, plan: result.plan });
      }
    } catch (error) {
      showError('Draft not imported', error);
    }
  };

  const apply = () => {
    if (!pending) return;
    const applied = session.run('project/applyReimport', pending.plan);
    setPending(null);
    if (!applied.ok) return;
    showToast({
      kind: 'info',
      title: `Applied the draft “${pending.fileName}”`,
      action: { label: 'Undo', run: () => session.undo() },
    });
  };

  return (
    <>
      <button
        className="button"
        type="button"
        disabled={session.readOnly}
        onClick={() => input.current?.click()}
      >
        Import new draft
      </button>
      <HiddenFileInput
        ref={input}
        label="New draft file"
        accept={SCREENPLAY_EXTENSIONS.join(',')}
        onFile={(f) => void onFile(f)}
      />
      {progress ? <ImportProgressDialog progress={progress} /> : null}
      {pending ? (
        <ReimportDialog
          fileName={pending.fileName}
          plan={pending.plan}
          onApply={apply}
          onClose={() => setPending(null)}
        />
      ) : null}
    </>
  );
}
