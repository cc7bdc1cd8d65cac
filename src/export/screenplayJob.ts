import { totalDuration, type AspectRatio, type ProjectSnapshot } from '../model/project';
import { planReimport, type ReimportPlan } from '../plan/reimport';
import { toFountain } from '../script/fountain/write';
import { snapshotToUpdate } from '../store/projectDoc';
import { SCREENPLAY_BUDGET, timeBudgetMessage, type ScreenplayBudget } from './screenplayBudget';
import { readScreenplayBytes } from './screenplayFile';
import {
  readScreenplayText,
  scriptToBreakdown,
  scriptToSnapshot,
  type ScriptRead,
} from './screenplayImport';

/**
 * The heavy half of every screenplay import, as it runs in the screenplay worker
 * (workers/screenplay.worker.ts, started by screenplayClient.ts): read the file (Fountain, FDX or
 * a PDF's text layer), check it against the budget, plan the board, and hand back what the page
 * only has to store. Pure apart from the clock; tested in Node.
 */

/** A screenplay as it arrives: a file's bytes (format sniffed) or pasted text. */
export type ScreenplaySource = (
  | { readonly bytes: Uint8Array<ArrayBuffer>; readonly fileName: string }
  | { readonly text: string; readonly fileName: string }
) & {
  /** The shape a new project starts with (chosen where projects are made); 16:9 when absent. */
  readonly aspectRatio?: AspectRatio;
};

/** What the job is doing now, for the progress line; 'recognizing' is OCR of a scanned PDF. */
export type ScreenplayStage = 'reading' | 'recognizing' | 'planning' | 'preparing';
/** Pages (while recognizing) done out of all. */
export interface StageParts {
  readonly done: number;
  readonly total: number;
}
export type StageListener = (stage: ScreenplayStage, parts?: StageParts) => void;

export interface PlannedProject {
  readonly title: string;
  readonly scenes: number;
  readonly shots: number;
  readonly characters: number;
  readonly durationMs: number;
  readonly warnings: readonly string[];
  /**
   * The whole new project as one Yjs update (`writeSnapshot` into a fresh document, encoded):
   * the page stores it as the project's first row without writing a document itself.
   */
  readonly update: Uint8Array<ArrayBuffer>;
  /** The records themselves, only when asked for (to fill an open, empty project). */
  readonly snapshot: ProjectSnapshot | null;
  /** The screenplay as Fountain: the project's script text (seeded into `update` already). */
  readonly fountain: string;
}

export type ProjectPlanResult =
  ({ readonly ok: true } & PlannedProject) | { readonly ok: false; readonly error: string };

export type DraftPlanResult =
  | { readonly ok: true; readonly plan: ReimportPlan; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly error: string };

export interface JobOptions {
  readonly budget?: ScreenplayBudget;
  readonly onStage?: StageListener;
  /** Tests only. */
  readonly now?: () => number;
}

/**
 * Refuses a job that has used up its time between steps (the client's watchdog stops a stuck
 * step). OCR of a scanned PDF is not counted: it takes seconds a page, and the client's watchdog
 * bounds each page instead.
 */
function deadlineOf(options: JobOptions, fileName: string) {
  const budget = options.budget ?? SCREENPLAY_BUDGET;
  const now = options.now ?? (() => Date.now());
  let deadline = now() + budget.timeMs;
  let ocrStarted: number | null = null;
  return {
    overTime: (): string | null => (now() > deadline ? timeBudgetMessage(fileName, budget) : null),
    onOcrPage: (done: number, total: number): void => {
      if (done === 0) ocrStarted = now();
      else if (done === total && ocrStarted !== null) deadline += now() - ocrStarted;
      options.onStage?.('recognizing', { done, total });
    },
  };
}

async function read(
  source: ScreenplaySource,
  options: JobOptions,
  onOcrPage: (done: number, total: number) => void,
): Promise<ScriptRead> {
  options.onStage?.('reading');
  return 'text' in source
    ? readScreenplayText(source.text, source.fileName)
    : readScreenplayBytes(source.bytes, source.fileName, onOcrPage);
}

/** A screenplay → a new project: its first document row and what the import toast says. */
export async function planScreenplayProject(
  source: ScreenplaySource,
  options: JobOptions & { readonly withSnapshot?: boolean } = {},
): Promise<ProjectPlanResult> {
  const { fileName } = source;
  const { overTime, onOcrPage } = deadlineOf(options, fileName);
  const script = await read(source, options, onOcrPage);
  const late = overTime();
  if (late) return { ok: false, error: late };
  options.onStage?.('planning');
  const fountain = script.ok ? toFountain(script.script) : '';
  const result = scriptToSnapshot(script, fileName, options.budget);
  if (!result.ok) return result;
  const later = overTime();
  if (later) return { ok: false, error: later };
  options.onStage?.('preparing');
  const snapshot = source.aspectRatio
    ? { ...result.snapshot, meta: { ...result.snapshot.meta, aspectRatio: source.aspectRatio } }
    : result.snapshot;
  return {
    ok: true,
    title: snapshot.meta.title,
    scenes: snapshot.scenes.length,
    shots: snapshot.shots.length,
    characters: snapshot.characters.length,
    durationMs: totalDuration(snapshot),
    warnings: result.warnings,
    update: snapshotToUpdate(snapshot, fountain),
    snapshot: options.withSnapshot ? snapshot : null,
    fountain,
  };
}

/** A new draft of an open project's script → what re-importing it would change. */
export async function planScreenplayDraft(
  source: ScreenplaySource,
  current: ProjectSnapshot,
  options: JobOptions = {},
): Promise<DraftPlanResult> {
  const { fileName } = source;
  const { overTime, onOcrPage } = deadlineOf(options, fileName);
  const script = await read(source, options, onOcrPage);
  const late = overTime();
  if (late) return { ok: false, error: late };
  options.onStage?.('planning');
  const planned = scriptToBreakdown(script, fileName, options.budget);
  if (!planned.ok) return planned;
  const plan = planReimport(current, planned.breakdown);
  const later = overTime();
  if (later) return { ok: false, error: later };
  return { ok: true, plan, warnings: planned.warnings };
}
