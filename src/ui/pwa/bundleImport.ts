import type { ValidBundle } from '../../export/bundle';
import { BUNDLE_EXTENSION, LIMITS } from '../../export/bundle/format';
import type { ProjectId } from '../../model/ids';
import { postAppMessage } from '../../pwa/appChannel';
import {
  importProjectState,
  type ImportTarget,
  type ProjectRepository,
  type ProjectRow,
} from '../../store';
import { getActiveSession } from '../app/activeSession';
import { navigate } from '../app/route';
import { showError, showToast } from '../app/toastStore';

/** Drops, OS hand-offs and shares route `.frameline` files here (see useFileImports). */
export function isBundleFileName(name: string): boolean {
  return name.toLowerCase().endsWith(BUNDLE_EXTENSION);
}

export type ReplaceChoice = 'replace' | 'copy' | 'cancel';

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

/**
 * Before a project is replaced on disk, the tab must let go of it: an open session would write
 * its old document back (a pending edit, or compaction merging its state into the new rows).
 */
async function releaseIfOpen(id: ProjectId): Promise<void> {
  const session = getActiveSession();
  if (session?.id !== id) return;
  await session.forceReadOnly('This project is being replaced by an imported bundle.');
  navigate({ name: 'list' });
  for (let waited = 0; getActiveSession() !== null && waited < 5000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Imports a `.frameline` file: validated completely first (nothing is written for a bad one),
 * then stored as a new project, or, when this browser already has that project, over it or as a
 * copy as the user chooses. Resolves true when a project was imported.
 */
export async function importBundleFile(file: File, repo: ProjectRepository): Promise<boolean> {
  const name = `“${file.name}”`;
  try {
    if (file.size > LIMITS.fileBytes) {
      showToast({ kind: 'error', title: 'Bundle not imported', detail: `${name} is too large.` });
      return false;
    }
    const { readBundle } = await import('../../export/bundle');
    const result = await readBundle(new Uint8Array(await file.arrayBuffer()), name);
    if (!result.ok) {
      showToast({ kind: 'error', title: 'Bundle not imported', detail: result.error });
      return false;
    }
    const { bundle } = result;
    const sourceId = bundle.manifest.project.id as ProjectId;
    const local = await repo.get(sourceId);
    let target: ImportTarget = { keepId: sourceId };
    if (local) {
      const choice = await askReplaceOrCopy(file.name, bundle, local);
      if (choice === 'cancel') return false;
      if (choice === 'copy') target = 'copy';
      else await releaseIfOpen(sourceId);
    }
    const id = await importProjectState(
      repo.db,
      {
        update: bundle.update,
        createdAt: bundle.manifest.project.createdAt,
        assets: bundle.assets,
      },
      target,
    );
    if (local && target !== 'copy') postAppMessage({ type: 'project-replaced', projectId: id });
    showToast({ kind: 'info', title: `Imported bundle “${bundle.snapshot.meta.title}”` });
    navigate({ name: 'project', id });
    return true;
  } catch (error) {
    showError('Bundle not imported', error);
    return false;
  }
}
