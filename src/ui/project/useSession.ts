import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ProjectId } from '../../model/ids';
import { SketchScheduler } from '../../ai/sketchScheduler';
import { markOpen, ProjectSession, type SaveState, type SessionState } from '../../store';
import { useServices } from '../app/servicesContext';
import { claimEarly } from './earlySession';

export type SessionLoad =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: Error }
  | {
      readonly status: 'ready';
      readonly session: ProjectSession;
      readonly sketches: SketchScheduler;
    };

/**
 * Opens a project for as long as the component is mounted, with its sketch scheduler; pending
 * edits are flushed on close. `recovery` opens it read-only without what cannot be opened
 * safely (the way out when it fails to open or display). To open again, mount again (a key).
 */
export function useSession(projectId: ProjectId, recovery = false): SessionLoad {
  const { repo, assets, sketch } = useServices();
  const [load, setLoad] = useState<SessionLoad>({ status: 'loading' });

  useEffect(() => {
    let session: ProjectSession | null = null;
    let sketches: SketchScheduler | null = null;
    let cancelled = false;
    // Opened by its URL, the opening began before this view's code arrived (earlySession.ts).
    const opening =
      (recovery ? null : claimEarly(projectId)) ??
      ProjectSession.open(repo, projectId, { recovery });
    opening.then(
      (opened) => {
        if (cancelled) void opened.close();
        else {
          session = opened;
          sketches = new SketchScheduler(opened, assets, sketch);
          markOpen('ready');
          setLoad({ status: 'ready', session: opened, sketches });
        }
      },
      (error: unknown) => {
        if (!cancelled)
          setLoad({
            status: 'error',
            error: error instanceof Error ? error : new Error(String(error)),
          });
      },
    );
    // Leaving the page (close, reload, switching away on a tablet): write what is pending now.
    const flush = () => void session?.flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      cancelled = true;
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      sketches?.stop();
      void session?.close();
    };
  }, [projectId, repo, assets, sketch, recovery]);

  return load;
}

export function useSessionState(session: ProjectSession): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState);
}

/** The save state alone: a component using it re-renders on saving/saved, nothing else does. */
export function useSaveState(session: ProjectSession): SaveState {
  return useSyncExternalStore(session.subscribeSaveState, session.getSaveState);
}
