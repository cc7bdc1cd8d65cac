import type { ProjectId } from '../model/ids';
import type { NewProjectSummary, ProjectSession } from '../store';
import { appendInParts } from './appendInParts';
import type { ProjectSnapshot } from '../model/project';
import {
  ImportCancelledError,
  startDraftPlan,
  startProjectPlan,
  type ScreenplayJob,
  type ScreenplayJobOptions,
} from '../export/screenplayClient';
import type { DraftPlanResult, ProjectPlanResult, ScreenplaySource } from '../export/screenplayJob';
import type { ImportProgress } from './importProgress';

export type { ImportProgress } from './importProgress';

export interface ScreenplayImportHost {
  readonly repo: {
    createFromUpdate(update: Uint8Array, summary: NewProjectSummary): Promise<ProjectId>;
  };
  /** The project open in this tab, if any (filled by the import when it is empty). */
  activeSession(): ProjectSession | null;
  onProgress(progress: ImportProgress | null): void;
  /** Tests only. */
  readonly startJob?: (
    source: ScreenplaySource,
    withSnapshot: boolean,
    options: ScreenplayJobOptions,
  ) => ScreenplayJob<ProjectPlanResult>;
}

export type ScreenplayImportOutcome =
  | { readonly kind: 'created'; readonly id: ProjectId; readonly summary: ImportedSummary }
  | { readonly kind: 'filled'; readonly summary: ImportedSummary }
  | { readonly kind: 'refused'; readonly error: string }
  /** The open project refused part of the board (the session has said why); the rest stays. */
  | { readonly kind: 'stopped'; readonly summary: ImportedSummary }
  | { readonly kind: 'cancelled' };

export interface ImportedSummary {
  readonly title: string;
  readonly scenes: number;
  readonly shots: number;
  readonly warnings: readonly string[];
}

/**
 * The import policy: an open project that is empty ("New project", then import) and may be
 * changed is filled rather than duplicated; anything else makes a new project.
 */
export function fillableProject(session: ProjectSession | null): ProjectSession | null {
  if (!session || session.readOnly) return null;
  return session.getState().snapshot.scenes.length === 0 ? session : null;
}

/**
 * A screenplay → a project, without blocking the page: the file is read, checked against the
 * budget and planned in a worker (screenplayClient.ts), with progress and a Cancel; the page then
 * only stores the document the worker built, or, when an empty project is open, appends the
 * board to it in parts (one undo step). A refused or cancelled import writes nothing.
 */
export async function importScreenplay(
  source: ScreenplaySource,
  host: ScreenplayImportHost,
): Promise<ScreenplayImportOutcome> {
  const { fileName } = source;
  const start = host.startJob ?? startProjectPlan;
  try {
    const fillable = () => fillableProject(host.activeSession());
    const result = await withProgress(fileName, host.onProgress, (options) =>
      start(source, fillable() !== null, options),
    );
    if (result === 'cancelled') return { kind: 'cancelled' };
    if (!result.ok) return { kind: 'refused', error: result.error };
    const summary = {
      title: result.title,
      scenes: result.scenes,
      shots: result.shots,
      warnings: result.warnings,
    };
    host.onProgress({ fileName, stage: 'writing', cancel: null });
    const target = fillable();
    if (target && result.snapshot) {
      const untitled = /^Untitled/.test(target.getState().snapshot.meta.title);
      const filled = await appendInParts(target, result.snapshot, {
        ...(untitled ? { title: result.title } : {}),
        onProgress: (done, total) =>
          host.onProgress({ fileName, stage: 'writing', parts: { done, total }, cancel: null }),
      });
      if (filled) seedImportedScript(target, result.fountain);
      return filled ? { kind: 'filled', summary } : { kind: 'stopped', summary };
    }
    const id = await host.repo.createFromUpdate(result.update, {
      title: result.title,
      shotCount: result.shots,
      durationMs: result.durationMs,
    });
    return { kind: 'created', id, summary };
  } finally {
    host.onProgress(null);
  }
}

/**
 * The screenplay becomes the filled project's script text: seeded when it has none, written in
 * when it has only an empty one (its Script tab was opened before the import).
 */
function seedImportedScript(session: ProjectSession, fountain: string): void {
  const current = session.scriptText();
  if (current === null) session.run('script/seed', { text: fountain });
  else if (current.trim() === '') {
    session.run('script/edit', { changes: [{ from: 0, to: current.length, insert: fountain }] });
  }
}

/**
 * A new draft of the open project's script → what re-importing it would change, planned in a
 * worker with progress and Cancel ('cancelled'); the person reviews the plan before it is applied.
 */
export async function planDraft(
  source: ScreenplaySource,
  current: ProjectSnapshot,
  onProgress: (progress: ImportProgress | null) => void,
  options: Pick<ScreenplayJobOptions, 'createWorker'> = {},
): Promise<DraftPlanResult | 'cancelled'> {
  try {
    return await withProgress(source.fileName, onProgress, (jobOptions) =>
      startDraftPlan(source, current, { ...options, ...jobOptions }),
    );
  } finally {
    onProgress(null);
  }
}

/** Runs a job, telling `onProgress` each stage with a Cancel; 'cancelled' when it was pressed. */
async function withProgress<T>(
  fileName: string,
  onProgress: (progress: ImportProgress) => void,
  start: (options: ScreenplayJobOptions) => ScreenplayJob<T>,
): Promise<T | 'cancelled'> {
  let cancel: () => void = () => undefined;
  const job = start({
    onStage: (stage, parts) => onProgress({ fileName, stage, ...(parts ? { parts } : {}), cancel }),
  });
  cancel = job.cancel;
  onProgress({ fileName, stage: 'reading', cancel });
  try {
    return await job.promise;
  } catch (error) {
    if (error instanceof ImportCancelledError) return 'cancelled';
    throw error;
  }
}
