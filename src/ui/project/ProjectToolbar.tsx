import { useState } from 'react';
import type { SketchProgress } from '../../ai/sketchScheduler';
import { totalDuration } from '../../model/project';
import { formatDuration } from '../../model/units';
import type { ProjectSession, SessionState } from '../../store';
import { ProjectGenerateControls } from '../ai/ProjectGenerateControls';
import { AspectRatioControl } from './AspectRatioControl';
import { plural } from '../common/format';
import { CollabToolbar } from '../collab/CollabToolbar';
import { PdfExportButton } from '../pdf/PdfExportButton';
import { ExportMenu } from './ExportMenu';
import { ReimportButton } from './ReimportButton';
import { useSaveState } from './useSession';

interface Props {
  readonly session: ProjectSession;
  readonly state: SessionState;
  readonly sketchProgress: SketchProgress;
  readonly onRetrySketches: () => void;
  readonly onPlay: () => void;
  readonly onRender: () => void;
}

const SAVE_LABELS = {
  loading: 'Opening…',
  saved: 'Saved',
  pending: 'Saving…',
  error: 'Not saved',
} as const;

/** Saving…/Saved: subscribed on its own, so only it re-renders on each keystroke's save. */
function SaveIndicator({ session }: { readonly session: ProjectSession }) {
  const { status, error } = useSaveState(session);
  return (
    <span className={`save-status ${status}`} role="status" title={error?.message}>
      {SAVE_LABELS[status]}
    </span>
  );
}

export function ProjectToolbar({
  session,
  state,
  sketchProgress,
  onRetrySketches,
  onPlay,
  onRender,
}: Props) {
  const { snapshot } = state;
  const [title, setTitle] = useState(snapshot.meta.title);
  const [editing, setEditing] = useState(false);
  const [pdfOpen, setPdfOpen] = useState(false);
  const shownTitle = editing ? title : snapshot.meta.title;
  const empty = snapshot.shots.length === 0;

  return (
    <div className="project-toolbar">
      <div className="project-heading">
        <input
          className="title-input"
          aria-label="Project title"
          value={shownTitle}
          readOnly={session.readOnly}
          onFocus={() => {
            setTitle(snapshot.meta.title);
            setEditing(true);
          }}
          onChange={(e) => setTitle(e.target.value)}
          onBlur={() => {
            setEditing(false);
            const next = title.trim();
            if (next && next !== snapshot.meta.title)
              session.run('project/update', { patch: { title: next } });
          }}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        />
        <p className="muted project-stats">
          {plural(snapshot.scenes.length, 'scene')} · {plural(snapshot.shots.length, 'shot')} ·{' '}
          {formatDuration(totalDuration(snapshot))}
          <SaveIndicator session={session} />
          {sketchProgress.total > 0 ? (
            <span className="sketch-status" role="status">
              Sketching frames {sketchProgress.done} of {sketchProgress.total}
            </span>
          ) : null}
          {sketchProgress.lastError ? (
            <button
              className="button quiet danger"
              type="button"
              onClick={onRetrySketches}
              title={sketchProgress.lastError}
            >
              Some sketches failed — retry
            </button>
          ) : null}
        </p>
      </div>
      <div className="toolbar-actions">
        <button
          className="button quiet"
          type="button"
          onClick={() => session.undo()}
          disabled={!state.canUndo || session.readOnly}
        >
          Undo
        </button>
        <button
          className="button quiet"
          type="button"
          onClick={() => session.redo()}
          disabled={!state.canRedo || session.readOnly}
        >
          Redo
        </button>
        <button className="button" type="button" onClick={onPlay} disabled={empty}>
          Play
        </button>
        <button className="button primary" type="button" onClick={onRender} disabled={empty}>
          Render animatic
        </button>
        <ReimportButton session={session} />
        <ExportMenu session={session} onExportPdf={() => setPdfOpen(true)} />
        <PdfExportButton
          session={session}
          disabled={empty}
          open={pdfOpen}
          onOpenChange={setPdfOpen}
        />
        <AspectRatioControl session={session} meta={state.snapshot.meta} />
        <ProjectGenerateControls session={session} state={state} />
        <CollabToolbar session={session} state={state} />
      </div>
    </div>
  );
}
