import * as Comlink from 'comlink';
import type { ProjectSnapshot } from '../model/project';
import {
  describeSource,
  SCREENPLAY_BUDGET,
  timeBudgetMessage,
  type ScreenplayBudget,
} from './screenplayBudget';
import type {
  DraftPlanResult,
  ProjectPlanResult,
  ScreenplaySource,
  StageListener,
} from './screenplayJob';
import type { ScreenplayWorkerApi } from './screenplayWorkerApi';
import { runWorkerJob, type WorkerHandle, type WorkerJob } from './workerJob';

export { ImportCancelledError } from './workerJob';

/** What a job needs of a worker; a real `Worker` fits, tests pass a fake. */
export type ScreenplayWorkerHandle = WorkerHandle;

export interface ScreenplayJobOptions {
  readonly budget?: ScreenplayBudget;
  readonly onStage?: StageListener;
  /** Tests only: the time one OCR page may take (OCR_PAGE_TIME_MS). */
  readonly ocrPageTimeMs?: number;
  /** Tests only. */
  readonly createWorker?: () => ScreenplayWorkerHandle;
}

/** A running screenplay job: a refusal (the time budget running out included) is a result. */
export type ScreenplayJob<T> = WorkerJob<T>;

function createScreenplayWorker(): ScreenplayWorkerHandle {
  // The `new URL(…)` must stay literal so Vite finds and bundles the worker.
  return new Worker(new URL('../../workers/screenplay.worker.ts', import.meta.url), {
    type: 'module',
    name: 'frameline-screenplay',
  });
}

type Remote = Comlink.Remote<ScreenplayWorkerApi>;

/**
 * OCR of one scanned page (rendering it and recognising it) may take this long; the first also
 * starts the engine. Past it the page is stuck (a hostile image), and the job is stopped.
 */
export const OCR_PAGE_TIME_MS = 120_000;
type Refusal = { readonly ok: false; readonly error: string };

/**
 * Runs one screenplay job in a fresh worker (workerJob.ts): the time budget's watchdog turns a
 * job still running (a parser stuck on a pathological file, a huge PDF) into a refusal that says
 * so.
 */
function runInWorker<T>(
  fileName: string,
  options: ScreenplayJobOptions,
  call: (remote: Remote, budget: ScreenplayBudget, onStage: StageListener) => Promise<T | Refusal>,
): ScreenplayJob<T | Refusal> {
  const budget = options.budget ?? SCREENPLAY_BUDGET;
  const pageTimeMs = options.ocrPageTimeMs ?? OCR_PAGE_TIME_MS;
  let ocrPage: number | null = null;
  return runWorkerJob<ScreenplayWorkerApi, T | Refusal>({
    worker: (options.createWorker ?? createScreenplayWorker)(),
    who: 'The screenplay reader',
    timeMs: budget.timeMs,
    onTimeout: () => ({
      ok: false,
      error:
        ocrPage === null
          ? timeBudgetMessage(fileName, budget)
          : `Reading page ${ocrPage} of the scanned ${describeSource(fileName)} with OCR took over ${pageTimeMs / 1000} s; the import was stopped.`,
    }),
    call: (remote, live, rearm) => {
      const onStage: StageListener = (stage, parts) => {
        if (!live()) return;
        if (stage === 'recognizing' && parts) {
          // Each page gets its own time; once all are read, planning gets the whole budget.
          ocrPage = parts.done < parts.total ? parts.done + 1 : null;
          rearm(ocrPage === null ? budget.timeMs : pageTimeMs);
        }
        options.onStage?.(stage, parts);
      };
      return call(remote, budget, Comlink.proxy(onStage));
    },
  });
}

/** Moves a file's bytes to the worker rather than copying them (the caller no longer needs them). */
function transferred(source: ScreenplaySource): ScreenplaySource {
  return 'bytes' in source ? Comlink.transfer(source, [source.bytes.buffer]) : source;
}

/**
 * Reads, checks and plans a screenplay into a new project's document, in a worker. With
 * `withSnapshot` the records come back too (to fill an open, empty project).
 */
export function startProjectPlan(
  source: ScreenplaySource,
  withSnapshot: boolean,
  options: ScreenplayJobOptions = {},
): ScreenplayJob<ProjectPlanResult> {
  return runInWorker(
    source.fileName,
    options,
    // Comlink's types spread a union result over several promises; it is one promise.
    (remote, budget, onStage) =>
      remote.planProject(
        transferred(source),
        budget,
        withSnapshot,
        onStage,
      ) as Promise<ProjectPlanResult>,
  );
}

/** Reads, checks and plans a new draft of `current`'s script (re-import), in a worker. */
export function startDraftPlan(
  source: ScreenplaySource,
  current: ProjectSnapshot,
  options: ScreenplayJobOptions = {},
): ScreenplayJob<DraftPlanResult> {
  return runInWorker(
    source.fileName,
    options,
    (remote, budget, onStage) =>
      remote.planDraft(transferred(source), current, budget, onStage) as Promise<DraftPlanResult>,
  );
}
