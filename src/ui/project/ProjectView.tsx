import { useCallback, useEffect, useMemo, useState } from 'react';
import { pagesByScene } from '../../plan/scenePages';
import { setActiveSession } from '../app/activeSession';
import type { FileImports } from '../app/useFileImports';
import type { ProjectId, ShotId } from '../../model/ids';
import type { SketchScheduler } from '../../ai/sketchScheduler';
import type { ProjectSession } from '../../store';
import { CollabLayer } from '../collab/CollabLayer';
import { BoardGrid } from './BoardGrid';
import { PlayMode } from './PlayMode';
import { ProjectToolbar } from './ProjectToolbar';
import { RenderDialog } from './RenderDialog';
import { ScriptPanel } from './ScriptPanel';
import { ShotInspector } from './ShotInspector';
import { TimelineView } from '../timeline/TimelineView';
import { useSession, useSessionState } from './useSession';
import { useSketchProgress } from './useSketches';
import { useUndoShortcuts } from './useUndoShortcuts';

interface Props {
  readonly projectId: ProjectId;
  readonly imports: FileImports;
}

export function ProjectView({ projectId, imports }: Props) {
  const load = useSession(projectId);
  if (load.status === 'loading') return <p className="muted page-pad">Opening project…</p>;
  if (load.status === 'error') {
    return (
      <section className="empty-state" role="alert">
        <h2>This project could not be opened</h2>
        <p>{load.error.message}</p>
        <a className="button" href="#/">
          Back to projects
        </a>
      </section>
    );
  }
  return <OpenProjectView session={load.session} scheduler={load.sketches} imports={imports} />;
}

function OpenProjectView({
  session,
  scheduler,
  imports,
}: {
  readonly session: ProjectSession;
  readonly scheduler: SketchScheduler;
  readonly imports: FileImports;
}) {
  useEffect(() => {
    setActiveSession(session);
    return () => setActiveSession(null);
  }, [session]);
  const state = useSessionState(session);
  const progress = useSketchProgress(scheduler);
  const [selectedId, setSelectedId] = useState<ShotId | null>(null);
  const [playing, setPlaying] = useState(false);
  const [rendering, setRendering] = useState(false);
  const [view, setView] = useState<'boards' | 'timeline'>('boards');
  useUndoShortcuts(session);

  const shots = state.snapshot.shots;
  const pages = useMemo(() => pagesByScene(state.snapshot), [state.snapshot]);
  // With nothing (or a deleted shot) selected, the first shot is: the inspector is never blank
  // for no reason.
  const selected = shots.find((s) => s.id === selectedId) ?? shots[0] ?? null;

  const scrollToShot = useCallback((id: ShotId) => {
    setSelectedId(id);
    document.querySelector<HTMLElement>(`[data-shot-id="${id}"]`)?.focus();
  }, []);

  return (
    <div className="project-view">
      <CollabLayer
        session={session}
        selectedShotId={selected?.id ?? null}
        onSelectShot={scrollToShot}
      />
      <ProjectToolbar
        session={session}
        state={state}
        sketchProgress={progress}
        onRetrySketches={() => scheduler.retryFailed()}
        onPlay={() => setPlaying(true)}
        onRender={() => setRendering(true)}
      />
      {state.schema === 'newer' ? (
        <p className="banner" role="alert">
          This project was saved by a newer version of Frameline. It is open read-only; reload the
          page to update.
        </p>
      ) : null}
      {state.problems.length > 0 ? (
        <p className="banner" role="status">
          {state.problems.length} part(s) of this project could not be read and are hidden:{' '}
          {state.problems[0]}
        </p>
      ) : null}
      <div className="workspace">
        <ScriptPanel
          snapshot={state.snapshot}
          selectedShot={selected}
          onPickShot={scrollToShot}
          session={session}
          pagesByScene={pages}
        />
        <div className="center-pane">
          <div className="tabs view-tabs" role="tablist" aria-label="Workspace view">
            {(['boards', 'timeline'] as const).map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                aria-selected={view === name}
                className={`tab${view === name ? ' current' : ''}`}
                onClick={() => setView(name)}
              >
                {name === 'boards' ? 'Boards' : 'Timeline'}
              </button>
            ))}
          </div>
          {view === 'boards' ? (
            <BoardGrid
              session={session}
              snapshot={state.snapshot}
              selectedId={selected?.id ?? null}
              onSelect={setSelectedId}
              imports={imports}
            />
          ) : (
            <TimelineView
              session={session}
              snapshot={state.snapshot}
              selectedId={selected?.id ?? null}
              onSelect={setSelectedId}
            />
          )}
        </div>
        <ShotInspector
          key={selected?.id ?? 'none'}
          session={session}
          snapshot={state.snapshot}
          shot={selected}
        />
      </div>
      {playing ? (
        <PlayMode
          snapshot={state.snapshot}
          startShotId={selected?.id ?? null}
          onClose={(id) => {
            setPlaying(false);
            if (id) scrollToShot(id);
          }}
        />
      ) : null}
      {rendering ? (
        <RenderDialog session={session} scheduler={scheduler} onClose={() => setRendering(false)} />
      ) : null}
    </div>
  );
}
