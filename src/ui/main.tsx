import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { createBrowserServices } from './app/services';
import { ServicesContext } from './app/servicesContext';
import './styles/theme.css';
import './styles/controls.css';
import './styles/layout.css';
import './styles/boards.css';
import './styles/ai.css';
import './styles/collab.css';
import './styles/pwa.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lost its #root element');

createRoot(root).render(
  <StrictMode>
    <ErrorBoundary area="Frameline">
      <ServicesContext.Provider value={createBrowserServices()}>
        <App />
      </ServicesContext.Provider>
    </ErrorBoundary>
  </StrictMode>,
);
