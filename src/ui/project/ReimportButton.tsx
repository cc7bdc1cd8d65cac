import { useRef, useState } from 'react';
import type { ReimportPlan } from '../../plan/reimport';
import { SCREENPLAY_EXTENSIONS } from '../../export/screenplayExtensions';
import { projectDoc, type ProjectSession } from '../../store';
import { HiddenFileInput } from '../app/HiddenFileInput';
import { showError, showToast } from '../app/toastStore';
import { ReimportDialog } from './ReimportDialog';

/** "Import new draft": reads a rewrite, shows what it changes, applies it as one undo step. */
export function ReimportButton({ session }: { readonly session: ProjectSession }) {
  const input = useRef<HTMLInputElement | null>(null);
  const [pending, setPending] = useState<{ fileName: string; plan: ReimportPlan } | null>(null);

  const onFile = async (file: File) => {
    try {
      // The parser, planner and matcher load when a draft arrives, not with the app.
      const [{ readScreenplayBytes }, { breakdownScript }, { planReimport }] = await Promise.all([
        import('../../export/screenplayFile'),
        import('../../plan'),
        import('../../plan/reimport'),
      ]);
      const read = await readScreenplayBytes(new Uint8Array(await file.arrayBuffer()), file.name);
      if (!read.ok) {
        showToast({ kind: 'error', title: 'Draft not imported', detail: read.error });
        return;
      }
      const plan = planReimport(session.getState().snapshot, breakdownScript(read.script));
      setPending({ fileName: file.name, plan });
    } catch (error) {
      showError('Draft not imported', error);
    }
  };

  const apply = () => {
    if (!pending) return;
    projectDoc.applyReimport(session.doc, pending.plan);
    setPending(null);
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
