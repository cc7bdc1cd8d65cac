import { Suspense, useCallback, useState } from 'react';
import { ProjectList } from '../projects/ProjectList';
import { PaletteHost } from '../palette/PaletteHost';
import { usePaletteCommands } from '../palette/usePaletteCommands';
import { PwaLayer } from '../pwa/PwaLayer';
import { AppHeader } from './AppHeader';
import { ErrorBoundary } from './ErrorBoundary';
import { FileDropTarget } from './FileDropTarget';
import { ImportProgressDialog } from './ImportProgressDialog';
import { preloadableView } from './preloadableView';
import { navigate, parseRoute, useHash, type Route } from './route';
import { ShortcutsDialog } from './ShortcutsDialog';
import { SkipLinks } from './SkipLinks';
import { Toasts } from './Toasts';
import { usePageKeys } from './usePageKeys';
import { useFileImports } from './useFileImports';

/**
 * The editor (boards, timeline, inspector, collaboration, AI panels) loads when a project opens:
 * the first page is the project list, and it should not wait for code it does not show.
 */
const projectView = preloadableView(() =>
  import('../project/ProjectView').then((module) => module.ProjectView),
);
const ProjectView = projectView.View;
const joinRoom = preloadableView(() =>
  import('../collab/JoinRoom').then((module) => module.JoinRoom),
);
const JoinRoom = joinRoom.View;
/** "From an idea" (the pipeline engine, its steps and editors) loads when the wizard opens. */
const ideaWizard = preloadableView(() =>
  import('../idea/IdeaWizard').then((module) => module.IdeaWizard),
);
const IdeaWizard = ideaWizard.View;

/**
 * Loads the code `route` shows, so that the first render does not wait behind a fallback
 * (preloadableView.tsx). A failure is left to the render, whose boundary says so.
 */
export function preloadRoute(route: Route): Promise<void> {
  const loading =
    route.name === 'project'
      ? projectView.preload()
      : route.name === 'join'
        ? joinRoom.preload()
        : route.name === 'idea'
          ? ideaWizard.preload()
          : Promise.resolve();
  return loading.catch(() => undefined);
}

export function App() {
  const route = parseRoute(useHash());
  const imports = useFileImports();
  // What the app can do from anywhere, for the command palette (paletteCommands.ts lists all).
  usePaletteCommands({
    newProject: imports.busy ? undefined : () => void imports.createProject(),
    importScreenplay: imports.busy ? undefined : imports.chooseScreenplay,
    importProject: imports.busy ? undefined : imports.chooseProject,
    fromIdea: () => navigate({ name: 'idea', runId: 'new' }),
    allProjects: route.name === 'list' ? undefined : () => navigate({ name: 'list' }),
  });
  const [shortcuts, setShortcuts] = useState(false);
  usePageKeys(useCallback(() => setShortcuts(true), []));
  return (
    <div className="app">
      <SkipLinks route={route} />
      <AppHeader imports={imports} inProject={route.name === 'project' || route.name === 'idea'} />
      {/* In a project the regions are its panes (regions.ts); elsewhere the page's content. */}
      <main
        className="app-main"
        data-region={route.name === 'project' ? undefined : 'projects'}
        aria-label={route.name === 'project' ? 'Project' : undefined}
      >
        <ErrorBoundary
          area={
            route.name === 'list'
              ? 'your projects'
              : route.name === 'idea'
                ? 'this idea'
                : 'this project'
          }
          key={route.name}
        >
          <Suspense fallback={<p className="muted page-pad">Opening…</p>}>
            {route.name === 'list' ? (
              <ProjectList imports={imports} />
            ) : route.name === 'join' ? (
              <JoinRoom invite={route.invite} />
            ) : route.name === 'idea' ? (
              <IdeaWizard key={route.runId} runId={route.runId} />
            ) : (
              <ProjectView key={route.id} projectId={route.id} imports={imports} />
            )}
          </Suspense>
        </ErrorBoundary>
      </main>
      <FileDropTarget onFiles={imports.importFiles} />
      {imports.progress ? <ImportProgressDialog progress={imports.progress} /> : null}
      <PaletteHost />
      <Toasts />
      <PwaLayer imports={imports} />
      {shortcuts ? <ShortcutsDialog onClose={() => setShortcuts(false)} /> : null}
    </div>
  );
}
