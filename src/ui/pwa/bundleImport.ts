import type { ValidBundle } from '../../export/bundle';
import { BUNDLE_EXTENSION } from '../../export/bundle/format';
import { postAppMessage } from '../../pwa/appChannel';
import type { ProjectRepository, ProjectRow } from '../../store';
import type { ReplaceChoice } from '../../workflows/importBundle';
import type { ImportProgress } from '../../workflows/importProgress';
import { getActiveSession } from '../app/activeSession';
import { plural } from '../common/format';
import { navigate } from '../app/route';
import { showError, showToast } from '../app/toastStore';

/** Drops, OS hand-offs and shares route `.frameline` files here (see useFileImports). */
export function isBundleFileName(name: string): boolean {
  return name.toLowerCase().endsWith(BUNDLE_EXTENSION);
}

export type { ReplaceChoice };

/** A bundle whose project already exists here, waiting for the user to choose. */
export interface PendingReplace {
  readonly fileName: string;
  readonly bundle: ValidBundle;
  readonly local: ProjectRow;
  readonly choose: (choice: ReplaceChoice) => void;
}

let pending: PendingReplace | null = null;
const listeners = new Set<() => void>();

function setPending(next: PendingReplace | null) {
  pending = next;
  for (const listener of listeners) listener();
}

/** The question BundleImportDialog shows (an external store, like the toasts). */
export const pendingReplaceStore = {
  getSnapshot: (): PendingReplace | null => pending,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

let progress: ImportProgress | null = null;
const progressListeners = new Set<() => void>();

function setProgress(next: ImportProgress | null) {
  progress = next;
  for (const listener of progressListeners) listener();
}

/** A bundle import under way, for the progress dialog (BundleImportDialog shows it). */
export const bundleProgressStore = {
  getSnapshot: (): ImportProgress | null => progress,
  subscribe(listener: () => void): () => void {
    progressListeners.add(listener);
    return () => progressListeners.delete(listener);
  },
};

/**
 * Imports a `.frameline` file (workflows/importBundle.ts: checked in a worker, then stored new,
 * over the local copy or as a copy, as the person chooses) and says how it went. Resolves true
 * when a project was imported.
 */
export async function importBundleFile(file: File, repo: ProjectRepository): Promise<boolean> {
  try {
    // The bundle reader and the document code load with the first bundle, not with the app.
    const { importBundle } = await import('../../workflows/importBundle');
    const outcome = await importBundle(new Uint8Array(await file.arrayBuffer()), file.name, {
      repo,
      askReplaceOrCopy,
      activeSession: getActiveSession,
      leaveProject: () => navigate({ name: 'list' }),
      announceReplaced: (projectId) => postAppMessage({ type: 'project-replaced', projectId }),
      onProgress: setProgress,
    });
    switch (outcome.kind) {
      case 'declined':
        return false;
      case 'cancelled':
        showToast({ kind: 'info', title: 'Import cancelled', detail: 'Nothing was changed.' });
        return false;
      case 'refused':
        showToast({ kind: 'error', title: 'Bundle not imported', detail: outcome.error });
        return false;
      case 'imported':
        showToast({
          kind: 'info',
          title: `Imported bundle “${outcome.title}”`,
          ...(outcome.unreferenced > 0
            ? {
                detail: `Left out ${plural(outcome.unreferenced, 'file')} that nothing in it uses.`,
              }
            : {}),
        });
        navigate({ name: 'project', id: outcome.id });
        return true;
    }
  } catch (error) {
    showError('Bundle not imported', error);
    return false;
  }
}

function askReplaceOrCopy(fileName: string, bundle: ValidBundle, local: ProjectRow) {
  return new Promise<ReplaceChoice>((resolve) => {
    setPending({
      fileName,
      bundle,
      local,
      choose: (choice) => {
        setPending(null);
        resolve(choice);
      },
    });
  });
}
