import { memo, useState } from 'react';
import { PipelinesButton } from '../pipelines/PipelinesButton';
import type { SketchProgress } from '../../ai/sketchScheduler';
import { hasTimelineShots, totalDuration, type ProjectMeta } from '../../model/project';
import { formatDuration, type Milliseconds } from '../../model/units';
import type { ProjectSession, SessionState } from '../../store';
import { ProjectGenerateControls } from '../ai/ProjectGenerateControls';
import { AspectRatioControl } from './AspectRatioControl';
import { plural } from '../common/format';
import { CollabToolbar } from '../collab/CollabToolbar';
import { PdfExportButton } from '../pdf/PdfExportButton';
import { ExportMenu } from './ExportMenu';
import { ReimportButton } from './ReimportButton';
import { useSaveState } from './useSession';
import { sameFields, useReadOnly, useSessionSelector } from './useSessionSelector';

interface Props {
  readonly session: ProjectSession;
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

/** What the toolbar shows of the project: typing in a shot's fields changes none of it. */
interface ToolbarFacts {
  readonly meta: ProjectMeta;
  readonly scenes: number;
  readonly shots: number;
  readonly duration: Milliseconds;
  /** Some shot is on the timeline (not omitted): "Generate all frames" has work. */
  readonly anyShots: boolean;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

function toolbarFacts({ snapshot, canUndo, canRedo }: SessionState): ToolbarFacts {
  return {
    meta: snapshot.meta,
    scenes: snapshot.scenes.length,
    shots: snapshot.shots.length,
    duration: totalDuration(snapshot),
    anyShots: hasTimelineShots(snapshot),
    canUndo,
    canRedo,
  };
}

/**
 * The project's title, figures and actions. Subscribed to its own facts, so a keystroke in the
 * inspector does not render it (only the save indicator in it).
 */
export const ProjectToolbar = memo(function ProjectToolbar({
  session,
  sketchProgress,
  onRetrySketches,
  onPlay,
  onRender,
}: Props) {
  const facts = useSessionSelector(session, toolbarFacts, sameFields);
  const readOnly = useReadOnly(session);
  const { meta } = facts;
  const [title, setTitle] = useState(meta.title);
  const [editing, setEditing] = useState(false);
  const [pdfOpen, setPdfOpen] = useState(false);
  const shownTitle = editing ? title : meta.title;
  const empty = facts.shots === 0;

  return (
    <div className="project-toolbar">
      <div className="project-heading">
        <input
          className="title-input"
          aria-label="Project title"
          value={shownTitle}
          readOnly={readOnly}
          onFocus={() => {
            setTitle(meta.title);
            setEditing(true);
          }}
          onChange={(e) => setTitle(e.target.value)}
          onBlur={() => {
            setEditing(false);
            const next = title.trim();
            if (next && next !== meta.title)
              session.run('project/update', { patch: { title: next } });
          }}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        />
        <p className="muted project-stats">
          {plural(facts.scenes, 'scene')} · {plural(facts.shots, 'shot')} ·{' '}
          {formatDuration(facts.duration)}
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
          disabled={!facts.canUndo || readOnly}
        >
          Undo
        </button>
        <button
          className="button quiet"
          type="button"
          onClick={() => session.redo()}
          disabled={!facts.canRedo || readOnly}
        >
          Redo
        </button>
        <button className="button on-phone" type="button" onClick={onPlay} disabled={empty}>
          Play
        </button>
        <button className="button primary" type="button" onClick={onRender} disabled={empty}>
          Render animatic
        </button>
        <PipelinesButton session={session} />
        <ReimportButton session={session} />
        <ExportMenu session={session} onExportPdf={() => setPdfOpen(true)} />
        <PdfExportButton
          session={session}
          disabled={empty}
          open={pdfOpen}
          onOpenChange={setPdfOpen}
        />
        <AspectRatioControl session={session} meta={meta} />
        <ProjectGenerateControls session={session} meta={meta} anyShots={facts.anyShots} />
        <CollabToolbar session={session} />
      </div>
    </div>
  );
});
