import { JoinRoom } from '../collab/JoinRoom';
import { ProjectView } from '../project/ProjectView';
import { ProjectList } from '../projects/ProjectList';
import { PwaLayer } from '../pwa/PwaLayer';
import { AppHeader } from './AppHeader';
import { ErrorBoundary } from './ErrorBoundary';
import { FileDropTarget } from './FileDropTarget';
import { parseRoute, useHash } from './route';
import { Toasts } from './Toasts';
import { useFileImports } from './useFileImports';

export function App() {
  const route = parseRoute(useHash());
  const imports = useFileImports();
  return (
    <div className="app">
      <AppHeader imports={imports} inProject={route.name === 'project'} />
      <main className="app-main">
        <ErrorBoundary
          area={route.name === 'list' ? 'your projects' : 'this project'}
          key={route.name}
        >
          {route.name === 'list' ? (
            <ProjectList imports={imports} />
          ) : route.name === 'join' ? (
            <JoinRoom invite={route.invite} />
          ) : (
            <ProjectView key={route.id} projectId={route.id} imports={imports} />
          )}
        </ErrorBoundary>
      </main>
      <FileDropTarget onFiles={imports.importFiles} />
      <Toasts />
      <PwaLayer imports={imports} />
    </div>
  );
}
