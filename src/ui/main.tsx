import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadRoute } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { parseRoute } from './app/route';
import { createBrowserServices } from './app/services';
import { ServicesContext } from './app/servicesContext';
import { applyTheme, savedTheme } from './app/theme';
import './styles/theme.css';
import './styles/controls.css';
import './styles/layout.css';
import './styles/boards.css';
import './styles/ai.css';
import './styles/collab.css';
import './styles/pwa.css';
import './styles/structure.css';
import './styles/recovery.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lost its #root element');

// The theme chosen in Settings, before anything is drawn.
applyTheme(savedTheme());
const services = createBrowserServices();
// Opened on a project (a reload, a link): its code loads before the first render, which then
// shows the project without a fallback in between (App.tsx, preloadRoute).
const route = parseRoute(window.location.hash);
// The project's document is read while the view's code loads, not after (earlySession.ts).
if (route.name === 'project') {
  void import('./project/earlySession').then(({ openEarly }) => openEarly(services.repo, route.id));
}
void preloadRoute(route).then(() =>
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary area="Frameline">
        <ServicesContext.Provider value={services}>
          <App />
        </ServicesContext.Provider>
      </ErrorBoundary>
    </StrictMode>,
  ),
);
