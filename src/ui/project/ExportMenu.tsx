import { lazy, Suspense, useRef, useState } from 'react';
import type { ReviewImportPlan } from '../../export/review/reviewImport';
import type { ConformSummary } from '../../export/timeline/conformPlan';
import type { ProjectSession } from '../../store';
import { HiddenFileInput } from '../app/HiddenFileInput';
import { useServices } from '../app/servicesContext';
import { showError } from '../app/toastStore';
import { Menu, type MenuEntry } from '../common/Menu';
import { saveBundle, saveProjectFile, saveScript, saveSubtitles } from './exportActions';
import { TIMELINE_LABELS, type DeliverableChoice } from './exportMenuItems';
import type { TimelineFormat } from '../../export/deliver/timelinePackage';

// The dialogs load with the first export or conform: the menu alone is in the first page load.
const ExportDialog = lazy(() =>
  import('./ExportDialog').then((m) => ({ default: m.ExportDialog })),
);
const ConformDialog = lazy(() =>
  import('./ConformDialog').then((m) => ({ default: m.ConformDialog })),
);
const ReviewImportDialog = lazy(() =>
  import('./ReviewImportDialog').then((m) => ({ default: m.ReviewImportDialog })),
);

/**
 * The project's one Export menu: editor timelines, image sequence, contact sheet and shot
 * lists and the client review page, then subtitles, script and the project itself, "Import
 * edit…" to bring an editor's cut back (conform) and "Import review…" for a client's notes from
 * a review page. Every export's code loads when it is first used.
 */
export function ExportMenu({
  session,
  onExportPdf,
}: {
  readonly session: ProjectSession;
  /** Opens the Export PDF dialog (src/ui/pdf), which the toolbar's own button opens too. */
  readonly onExportPdf?: () => void;
}) {
  const { repo, assets } = useServices();
  const button = useRef<HTMLButtonElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const reviewInput = useRef<HTMLInputElement>(null);
  const [review, setReview] = useState<{ fileName: string; plan: ReviewImportPlan } | null>(null);
  const [open, setOpen] = useState<{ x: number; y: number } | null>(null);
  const [choice, setChoice] = useState<DeliverableChoice | null>(null);
  const [conform, setConform] = useState<{ fileName: string; summary: ConformSummary } | null>(
    null,
  );
  const empty = session.getState().snapshot.shots.length === 0;

  const attempt = (what: string, run: () => Promise<void> | void) => () => {
    void (async () => {
      try {
        await run();
      } catch (error) {
        showError(`Could not export the ${what}`, error);
      }
    })();
  };

  const importEdit = async (file: File) => {
    try {
      await session.flush();
      const { planConformFromFile } = await import('../../workflows/conformEdit');
      const summary = await planConformFromFile(file, session.getState().snapshot);
      setConform({ fileName: file.name, summary });
    } catch (error) {
      showError(`Could not read ${file.name}`, error);
    }
  };

  const importReview = async (file: File) => {
    try {
      await session.flush();
      const { planReviewImportFromFile } = await import('../../workflows/reviewImport');
      const plan = await planReviewImportFromFile(file, {
        projectId: session.id,
        snapshot: session.getState().snapshot,
        comments: session.review.comments,
      });
      setReview({ fileName: file.name, plan });
    } catch (error) {
      showError(`Could not read ${file.name}`, error);
    }
  };

  const entries: MenuEntry[] = [
    ...(Object.keys(TIMELINE_LABELS) as TimelineFormat[]).map((format) => ({
      label: TIMELINE_LABELS[format],
      onSelect: () => setChoice({ kind: 'timeline', format }),
      disabled: empty,
    })),
    'separator',
    ...(onExportPdf ? [{ label: 'PDF boards…', onSelect: onExportPdf, disabled: empty }] : []),
    { label: 'Image sequence', onSelect: () => setChoice({ kind: 'sequence' }), disabled: empty },
    {
      label: 'Contact sheet',
      onSelect: () => setChoice({ kind: 'contactSheet' }),
      disabled: empty,
    },
    {
      label: 'Shot list (CSV)',
      onSelect: () => setChoice({ kind: 'shotListCsv' }),
      disabled: empty,
    },
    {
      label: 'Shot list (XLSX)',
      onSelect: () => setChoice({ kind: 'shotListXlsx' }),
      disabled: empty,
    },
    {
      label: 'Review page',
      onSelect: () => setChoice({ kind: 'reviewPage' }),
      disabled: empty,
    },
    'separator',
    {
      label: 'Subtitles (SRT)',
      onSelect: attempt('subtitles', () => saveSubtitles(session, 'srt')),
    },
    {
      label: 'Subtitles (VTT)',
      onSelect: attempt('subtitles', () => saveSubtitles(session, 'vtt')),
    },
    {
      label: 'Script (Fountain)',
      onSelect: attempt('script', () => saveScript(session, 'fountain')),
    },
    {
      label: 'Script (Final Draft FDX)',
      onSelect: attempt('script', () => saveScript(session, 'fdx')),
    },
    'separator',
    {
      label: 'Project file (.json)',
      onSelect: attempt('project', () => saveProjectFile(session, assets)),
    },
    {
      label: 'Frameline bundle (.frameline)',
      onSelect: attempt('bundle', () => saveBundle(session, repo, assets)),
    },
    'separator',
    {
      label: 'Import edit…',
      onSelect: () => fileInput.current?.click(),
      disabled: empty || session.readOnly,
    },
    {
      label: 'Import review…',
      onSelect: () => reviewInput.current?.click(),
      disabled: empty || session.readOnly,
    },
  ];

  return (
    <>
      <button
        ref={button}
        className="button"
        type="button"
        aria-haspopup="menu"
        aria-expanded={open !== null}
        onClick={() => {
          const box = button.current?.getBoundingClientRect();
          setOpen(box ? { x: box.left, y: box.bottom + 4 } : { x: 0, y: 0 });
        }}
      >
        Export
      </button>
      {open ? (
        <Menu label="Export" entries={entries} at={open} onClose={() => setOpen(null)} />
      ) : null}
      <HiddenFileInput
        ref={fileInput}
        label="Edited timeline file"
        accept=".otio,.xml,.edl,application/json,application/xml,text/plain"
        onFile={(file) => void importEdit(file)}
      />
      <HiddenFileInput
        ref={reviewInput}
        label="Review file from a review page"
        accept=".json,application/json"
        onFile={(file) => void importReview(file)}
      />
      <Suspense fallback={null}>
        {choice ? (
          <ExportDialog session={session} choice={choice} onClose={() => setChoice(null)} />
        ) : null}
        {conform ? (
          <ConformDialog
            session={session}
            fileName={conform.fileName}
            summary={conform.summary}
            onClose={() => setConform(null)}
          />
        ) : null}
        {review ? (
          <ReviewImportDialog
            session={session}
            fileName={review.fileName}
            plan={review.plan}
            onClose={() => setReview(null)}
          />
        ) : null}
      </Suspense>
    </>
  );
}
