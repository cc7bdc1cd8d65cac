import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { setActiveSession } from '../app/activeSession';
import { ErrorBoundary } from '../app/ErrorBoundary';
import { useServices } from '../app/servicesContext';
import type { FileImports } from '../app/useFileImports';
import type { ProjectId, ShotId } from '../../model/ids';
import type { SketchScheduler } from '../../ai/sketchScheduler';
import type { ProjectSession } from '../../store';
import { CollabLayer } from '../collab/CollabLayer';
import { BoardGrid } from './BoardGrid';
import { PlayMode } from './PlayMode';
import { FrameEditorHost } from '../editor/FrameEditorHost';
import { ProjectRecovery } from './ProjectRecovery';
import { ProjectToolbar } from './ProjectToolbar';
import { RenderDialog } from './RenderDialog';
import { SaveAlert } from './SaveAlert';
import { ScriptPanel } from './ScriptPanel';
import { ShotInspector } from './ShotInspector';
import { TimelineView } from '../timeline/TimelineView';
import { useCloseWarning } from './useCloseWarning';
import { usePaidCallWarning } from '../ai/usePaidCallWarning';
import { useSession, useSessionState } from './useSession';
import { useSketchProgress } from './useSketches';
import { useTabSync } from './useTabSync';
import { useUndoShortcuts } from './useUndoShortcuts';
import { usePagesByScene } from './usePagesByScene';
import { useShotGroups } from './useShotGroups';
import { SceneRowsKeeper } from './sceneRows';
import { useCommandFailures } from './useCommandFailures';
import { usePicturePaste, usePutPictures } from './usePictures';
import { pageWebhooks } from '../../workflows/webhooks/browserWebhooks';
import { sendReviewEvents } from '../../workflows/webhooks/reviewEvents';
import { followScriptLive } from '../../workflows/scriptFollow';
import { useJumps } from '../palette/jumpTo';
import { indexOpenProject } from '../palette/searchService';
import { usePaletteCommands } from '../palette/usePaletteCommands';
import { saveProjectFile } from './exportActions';
import { showError } from '../app/toastStore';

interface Props {
  readonly projectId: ProjectId;
  readonly imports: FileImports;
}

// The script view and its editor (CodeMirror) load when the tab is first opened.
const ProjectScriptView = lazy(() => import('../script/ProjectScriptView'));

const VIEW_NAMES = { boards: 'Boards', timeline: 'Timeline', script: 'Script' } as const;

/** A project keeps its last good state once it has shown this long without failing. */
const LAST_GOOD_AFTER_MS = 1_000;

export function ProjectView({ projectId, imports }: Props) {
  // Each attempt mounts anew: normally, or read-only without what cannot be opened safely.
  const [mode, setMode] = useState({ recovery: false, attempt: 0 });
  const reopen = useCallback(
    (recovery: boolean) => setMode((m) => ({ recovery, attempt: m.attempt + 1 })),
    [],
  );
  return (
    <ProjectAttempt
      key={mode.attempt}
      projectId={projectId}
      imports={imports}
      recovery={mode.recovery}
      onReopen={reopen}
    />
  );
}

function ProjectAttempt({
  projectId,
  imports,
  recovery,
  onReopen,
}: Props & { readonly recovery: boolean; readonly onReopen: (recovery: boolean) => void }) {
  const load = useSession(projectId, recovery);
  // Whatever fails, opening or displaying, the person gets the ways out, never a blank screen.
  const waysOut = (error: Error, failed: 'open' | 'display') => (
    <ProjectRecovery
      projectId={projectId}
      error={error}
      failed={failed}
      readOnlyFailed={recovery}
      onOpenReadOnly={() => onReopen(true)}
      onRestored={() => onReopen(false)}
    />
  );
  if (load.status === 'loading') return <p className="muted page-pad">Opening project…</p>;
  if (load.status === 'error') return waysOut(load.error, 'open');
  return (
    <ErrorBoundary area="this project" fallback={(error) => waysOut(error, 'display')}>
      <OpenProjectView
        projectId={projectId}
        session={load.session}
        scheduler={load.sketches}
        imports={imports}
        onLeaveRecovery={() => onReopen(false)}
      />
    </ErrorBoundary>
  );
}

/** Says that the project is open read-only without its broken part, and the way back. */
function RecoveryBanner({
  session,
  onLeave,
}: {
  readonly session: ProjectSession;
  readonly onLeave: () => void;
}) {
  const damage = session.recovery?.damage ?? [];
  const where = [...new Set(damage.map((d) => d.where))].join(', ');
  return (
    <div className="banner recovery-banner" role="status">
      <p>
        <strong>Read-only.</strong>{' '}
        {damage.length > 0
          ? `Opened without what could not be opened safely (${where}).`
          : 'Opened read-only after it failed to display.'}{' '}
        Nothing is saved while it is open this way.
      </p>
      <button type="button" className="button quiet" onClick={onLeave}>
        Back to the ways out
      </button>
    </div>
  );
}

function OpenProjectView({
  projectId,
  session,
  scheduler,
  imports,
  onLeaveRecovery,
}: {
  readonly projectId: ProjectId;
  readonly session: ProjectSession;
  readonly scheduler: SketchScheduler;
  readonly imports: FileImports;
  readonly onLeaveRecovery: () => void;
}) {
  const { recovery, repo, assets } = useServices();
  // Displayed without failing: this is now the state to go back to if a later open fails.
  useEffect(() => {
    if (session.recovery) return;
    const timer = setTimeout(() => void recovery.recordLastGood(session), LAST_GOOD_AFTER_MS);
    return () => clearTimeout(timer);
  }, [session, recovery]);
  useEffect(() => {
    setActiveSession(session, scheduler);
    return () => setActiveSession(null);
  }, [session, scheduler]);
  // This person's approvals and comments reach the webhooks they set up (Settings → Webhooks).
  useEffect(() => {
    const webhooks = pageWebhooks();
    return sendReviewEvents(session, (payload) => webhooks.notify(payload), Date.now);
  }, [session]);
  // The boards follow what this person writes in the script (README "The script and the boards").
  useEffect(() => followScriptLive(session), [session]);
  // Its search documents follow its edits once the palette has started the search worker.
  useEffect(() => indexOpenProject(session, projectId, repo), [session, projectId, repo]);
  const state = useSessionState(session);
  const progress = useSketchProgress(scheduler);
  const [selectedId, setSelectedId] = useState<ShotId | null>(null);
  const [playing, setPlaying] = useState(false);
  const [rendering, setRendering] = useState(false);
  const [boardSelection, setBoardSelection] = useState<readonly ShotId[]>([]);
  const [view, setView] = useState<keyof typeof VIEW_NAMES>('boards');
  useUndoShortcuts(session);
  useCommandFailures(session);
  useTabSync(session);
  useCloseWarning(session);
  usePaidCallWarning();

  const shots = state.snapshot.shots;
  const groups = useShotGroups(state.snapshot);
  const pages = usePagesByScene(state.snapshot, groups);
  const [rowsKeeper] = useState(() => new SceneRowsKeeper());
  const sceneRows = rowsKeeper.of(state.snapshot.scenes, groups, pages);
  // With nothing (or a deleted shot) selected, the first shot is: the inspector is never blank
  // for no reason.
  const selected = shots.find((s) => s.id === selectedId) ?? shots[0] ?? null;
  const putPictures = usePutPictures(session);
  usePicturePaste(selected, putPictures, session.readOnly);

  // A shot an action just made (a copy, a new half) is not on screen until the next render.
  const pendingFocus = useRef<ShotId | null>(null);
  useEffect(() => {
    const id = pendingFocus.current;
    pendingFocus.current = null;
    if (id) document.querySelector<HTMLElement>(`[data-shot-id="${id}"]`)?.focus();
  });
  const scrollToShot = useCallback((id: ShotId) => {
    setSelectedId(id);
    const board = document.querySelector<HTMLElement>(`[data-shot-id="${id}"]`);
    if (board) board.focus();
    else pendingFocus.current = id;
  }, []);

  // A search result in this project (chosen in the palette): its shot, or its scene's first.
  useJumps(projectId, ({ sceneId, shotId }) => {
    const all = session.getState().snapshot.shots;
    const shot = shotId ?? all.find((s) => s.sceneId === sceneId)?.id;
    if (!shot) return;
    setView('boards');
    scrollToShot(shot);
  });
  usePaletteCommands({
    showBoards: () => setView('boards'),
    showTimeline: () => setView('timeline'),
    showScript: () => setView('script'),
    play: () => setPlaying(true),
    render: () => setRendering(true),
    exportProject: () =>
      void saveProjectFile(session, assets).catch((error: unknown) =>
        showError('Could not export the project', error),
      ),
    undo: state.canUndo ? () => session.undo() : undefined,
    redo: state.canRedo ? () => session.redo() : undefined,
  });

  // The same functions on every render: the toolbar is memoised.
  const retrySketches = useCallback(() => scheduler.retryFailed(), [scheduler]);
  const play = useCallback(() => setPlaying(true), []);
  const render = useCallback(() => setRendering(true), []);

  return (
    <div className="project-view">
      <CollabLayer
        session={session}
        selectedShotId={selected?.id ?? null}
        onSelectShot={scrollToShot}
      />
      <ProjectToolbar
        session={session}
        sketchProgress={progress}
        onRetrySketches={retrySketches}
        onPlay={play}
        onRender={render}
      />
      <SaveAlert session={session} />
      {session.recovery ? (
        <RecoveryBanner session={session} onLeave={onLeaveRecovery} />
      ) : session.readOnlyReason !== null ? (
        <p className="banner read-only-banner" role="alert">
          <strong>Read-only.</strong> {session.readOnlyReason}
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
          session={session}
          rows={sceneRows}
          currentSceneId={selected?.sceneId ?? null}
          onPickShot={scrollToShot}
        />
        <div className="center-pane">
          <div className="tabs view-tabs" role="tablist" aria-label="Workspace view">
            {(['boards', 'timeline', 'script'] as const).map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                data-view={name}
                aria-selected={view === name}
                className={`tab${view === name ? ' current' : ''}`}
                onClick={() => setView(name)}
              >
                {VIEW_NAMES[name]}
              </button>
            ))}
          </div>
          {view === 'boards' ? (
            <BoardGrid
              session={session}
              snapshot={state.snapshot}
              groups={groups}
              selectedId={selected?.id ?? null}
              onSelect={setSelectedId}
              imports={imports}
              onPictures={putPictures}
              onSelectionChange={setBoardSelection}
            />
          ) : view === 'timeline' ? (
            <TimelineView
              session={session}
              snapshot={state.snapshot}
              selectedId={selected?.id ?? null}
              onSelect={setSelectedId}
            />
          ) : (
            <Suspense fallback={<p className="muted page-pad">Loading the script…</p>}>
              <ProjectScriptView session={session} snapshot={state.snapshot} />
            </Suspense>
          )}
        </div>
        <ShotInspector
          key={selected?.id ?? 'none'}
          session={session}
          snapshot={state.snapshot}
          shot={selected}
          onSelect={scrollToShot}
          onPictures={putPictures}
        />
      </div>
      <FrameEditorHost session={session} snapshot={state.snapshot} />
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
        <RenderDialog
          session={session}
          scheduler={scheduler}
          selectedShotIds={
            boardSelection.length > 0 ? boardSelection : selected ? [selected.id] : []
          }
          onClose={() => setRendering(false)}
        />
      ) : null}
    </div>
  );
}
