import type { BundleRead, ValidBundle } from '../export/bundle';
import { startBundleRead } from '../export/bundle/bundleClient';
import { LIMITS } from '../export/bundle/format';
import { ImportCancelledError, type WorkerJob } from '../export/workerJob';
import type { ProjectId } from '../model/ids';
import {
  importProjectState,
  type ImportTarget,
  type ProjectRepository,
  type ProjectRow,
  type ProjectSession,
} from '../store';
import type { ImportProgress } from './importProgress';

export type ReplaceChoice = 'replace' | 'copy' | 'cancel';

export interface BundleImportHost {
  readonly repo: Pick<ProjectRepository, 'get' | 'db'>;
  /** When this browser already has the bundle's project: replace it, keep both, or stop. */
  askReplaceOrCopy(
    fileName: string,
    bundle: ValidBundle,
    local: ProjectRow,
  ): Promise<ReplaceChoice>;
  /** The project open in this tab, and how to leave it (back to the project list). */
  activeSession(): ProjectSession | null;
  leaveProject(): void;
  /** Tells other tabs a project was replaced under them (they stop writing to it). */
  announceReplaced(id: ProjectId): void;
  onProgress(progress: ImportProgress | null): void;
  /** Tests only. */
  readonly startRead?: (bytes: Uint8Array<ArrayBuffer>, name: string) => WorkerJob<BundleRead>;
}

export type BundleImportOutcome =
  | {
      readonly kind: 'imported';
      readonly id: ProjectId;
      readonly title: string;
      readonly replaced: boolean;
      /** Files in the bundle that nothing in it uses (left out, never stored). */
      readonly unreferenced: number;
    }
  | { readonly kind: 'refused'; readonly error: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'declined' };

/** How long an open copy of a replaced project gets to close before storing goes ahead anyway. */
const RELEASE_WAIT_MS = 5000;
const RELEASE_POLL_MS = 50;

/**
 * A `.frameline` file → a project. Checked completely in a worker first (nothing is written for a
 * bad one), then stored as a new project, or — when this browser already has that project — over
 * it or as a copy, as the person chooses. Replacing first makes an open session let go of the
 * project (an open session would write its old document back) and tells other tabs.
 */
export async function importBundle(
  bytes: Uint8Array<ArrayBuffer>,
  fileName: string,
  host: BundleImportHost,
): Promise<BundleImportOutcome> {
  const name = `“${fileName}”`;
  if (bytes.byteLength > LIMITS.fileBytes)
    return { kind: 'refused', error: `${name} is too large.` };
  const result = await readWithProgress(bytes, fileName, host);
  if (result === 'cancelled') return { kind: 'cancelled' };
  if (!result.ok) return { kind: 'refused', error: result.error };
  const { bundle } = result;
  const sourceId = bundle.manifest.project.id as ProjectId;
  const local = await host.repo.get(sourceId);
  let target: ImportTarget = { keepId: sourceId };
  if (local) {
    const choice = await host.askReplaceOrCopy(fileName, bundle, local);
    if (choice === 'cancel') return { kind: 'declined' };
    if (choice === 'copy') target = 'copy';
    else await release(sourceId, host);
  }
  host.onProgress({ fileName, stage: 'storing', cancel: null });
  try {
    const id = await importProjectState(
      host.repo.db,
      {
        update: bundle.update,
        createdAt: bundle.manifest.project.createdAt,
        assets: bundle.assets,
        // The worker already read the document: the page does not apply it again.
        readAs: { snapshot: bundle.snapshot, referenced: bundle.referenced },
      },
      target,
    );
    const replaced = local !== undefined && target !== 'copy';
    if (replaced) host.announceReplaced(id);
    return {
      kind: 'imported',
      id,
      title: bundle.snapshot.meta.title,
      replaced,
      unreferenced: bundle.unreferenced,
    };
  } finally {
    host.onProgress(null);
  }
}

async function readWithProgress(
  bytes: Uint8Array<ArrayBuffer>,
  fileName: string,
  host: BundleImportHost,
): Promise<BundleRead | 'cancelled'> {
  const job = (host.startRead ?? startBundleRead)(bytes, `“${fileName}”`);
  host.onProgress({ fileName, stage: 'checking', cancel: job.cancel });
  try {
    return await job.promise;
  } catch (error) {
    if (error instanceof ImportCancelledError) return 'cancelled';
    throw error;
  } finally {
    host.onProgress(null);
  }
}

async function release(id: ProjectId, host: BundleImportHost): Promise<void> {
  const session = host.activeSession();
  if (session?.id !== id) return;
  await session.forceReadOnly('This project is being replaced by an imported bundle.');
  host.leaveProject();
  for (let waited = 0; host.activeSession() !== null && waited < RELEASE_WAIT_MS;) {
    await new Promise((resolve) => setTimeout(resolve, RELEASE_POLL_MS));
    waited += RELEASE_POLL_MS;
  }
}
