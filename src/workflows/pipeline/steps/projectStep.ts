import type { ModelTask, VideoJobRef } from '../../../ai/providers/types';
import type { AiRouter, RouterProvider } from '../../../ai/router/router';
import type { ProjectSnapshot } from '../../../model/project';
import type { Shot } from '../../../model/shot';
import type { RenderHandle, StartRenderOptions } from '../../../render/renderClient';
import type { RenderRequest } from '../../../render/renderTypes';
import type { AssetStore } from '../../../store/assets';
import type { ProjectSession } from '../../../store/projectSession';
import type { CallPlan, PipelineStep, ProviderChoice, StepContext, StepInput } from '../types';

/**
 * Steps that act on a project an earlier step made (the idea pipeline's "project") or on the
 * project open in the tab (a custom pipeline): frames, upscale, clips, voices, music, render,
 * export. Each works shot by shot through the session's commands, skips the shots that already
 * have what it makes (so a resumed run never pays twice for a shot), stops on the run's signal and
 * reports progress. What they need from the app is injected (ProjectStepDeps), so they run in Node
 * with fakes; src/workflows/pipeline/appSteps.ts wires the real ones.
 */

/** A project opened for a step: its session, and a wait for its offline sketches. */
export interface ProjectHandle {
  readonly session: ProjectSession;
  /** Resolves when every shot that needs an offline sketch has one. */
  sketchesDone(): Promise<void>;
}

/**
 * Image-to-video jobs a provider has taken, kept until they end (the inspector keeps its own in
 * the same place): a run resumed after a reload polls a job instead of paying for it again.
 */
export interface KeptVideoJob {
  readonly projectId: string;
  readonly shotId: string;
  readonly providerId: string;
  readonly job: VideoJobRef;
  readonly prompt: string;
}

export interface VideoJobKeeper {
  kept(projectId: string, shotId: string): KeptVideoJob | null;
  keep(job: KeptVideoJob): void;
  drop(projectId: string, shotId: string): void;
}

/** A file a step made (an export), kept with the step's result. */
export interface MadeFile {
  readonly blob: Blob;
  readonly fileName: string;
}

export const EXPORT_KINDS = [
  'fcpxml',
  'fcp7',
  'edl',
  'otio',
  'shotListCsv',
  'contactSheet',
  'reviewPage',
] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ProjectStepDeps {
  /** Runs `work` with the project open: the tab's own session when it is the open project. */
  readonly withProject: <T>(
    projectId: string,
    work: (project: ProjectHandle) => Promise<T>,
  ) => Promise<T>;
  /** The project as known now without opening it (the open one), for estimates; else null. */
  readonly peek: (projectId: string) => ProjectSnapshot | null;
  readonly router: AiRouter;
  readonly assets: AssetStore;
  /** Whether a provider (not the offline sketch) answers for this task and choice. */
  readonly canUse: (task: ModelTask, choice: ProviderChoice) => Promise<boolean>;
  /** The image-to-video provider for a choice ('auto': the first set up); null when none. */
  readonly videoProvider: (choice: ProviderChoice) => Promise<RouterProvider | null>;
  readonly videoJobs: VideoJobKeeper;
  /** Length of a recording in ms (the browser's decoder; a fake in tests). */
  readonly measureAudio: (bytes: Uint8Array) => Promise<number>;
  /** Starts an animatic encode (render/renderClient.ts startRender; a fake in tests). */
  readonly render: (request: RenderRequest, options: StartRenderOptions) => RenderHandle;
  /**
   * A bigger copy of a picture, at least `longSide` px on its long side (PNG); null when it is
   * that big already.
   */
  readonly upscale: (picture: Blob, longSide: number) => Promise<Uint8Array | null>;
  /** Makes an export of the project as it is now. */
  readonly exportFile: (
    kind: ExportKind,
    project: ProjectHandle,
    signal: AbortSignal,
  ) => Promise<MadeFile>;
}

/** Which project a step acts on, and what is known of it before it exists (for estimates). */
export interface ProjectSource<P> {
  /** Steps whose results it reads (their ids go into the step's `after`). */
  readonly after: readonly string[];
  readonly projectId: (input: StepInput<P>) => string | null;
  /** The project as planned, before it is made (the idea pipeline's shot plan); else null. */
  readonly planned: (input: StepInput<P>) => ProjectSnapshot | null;
  /** Before even the plan exists: how many shots there will probably be (for estimates). */
  readonly guessShots?: (input: StepInput<P>) => number;
}

/** The project made by an earlier step whose result is `{ projectId }`, planned by `plan`. */
export function madeBy<P>(
  projectStep: string,
  planStep?: string,
  guessShots?: (input: StepInput<P>) => number,
): ProjectSource<P> {
  return {
    ...(guessShots ? { guessShots } : {}),
    after: planStep ? [projectStep, planStep] : [projectStep],
    projectId: (input) => {
      const made = input.upstream[projectStep] as { projectId?: unknown } | undefined;
      return typeof made?.projectId === 'string' ? made.projectId : null;
    },
    planned: (input) =>
      planStep ? ((input.upstream[planStep] as ProjectSnapshot | undefined) ?? null) : null,
  };
}

/** The project the run's parameters name (a custom pipeline run on the open project). */
export function namedIn<P extends { readonly projectId: string }>(): ProjectSource<P> {
  return { after: [], projectId: (input) => input.params.projectId, planned: () => null };
}

/** What every project step factory takes besides its own options. */
export interface ProjectStepSetup<P> {
  readonly deps: ProjectStepDeps;
  readonly source: ProjectSource<P>;
  /** Its id in the pipeline (a pipeline may hold two exports); the kind's own id by default. */
  readonly id?: string;
  /** Further steps it must come after (the step before it in a custom pipeline). */
  readonly after?: readonly string[];
}

export function snapshotFor<P>(
  setup: ProjectStepSetup<P>,
  input: StepInput<P>,
): ProjectSnapshot | null {
  const id = setup.source.projectId(input);
  return (id ? setup.deps.peek(id) : null) ?? setup.source.planned(input);
}

export function openFor<P, T>(
  setup: ProjectStepSetup<P>,
  input: StepInput<P>,
  work: (project: ProjectHandle) => Promise<T>,
): Promise<T> {
  const id = setup.source.projectId(input);
  if (!id) throw new Error('There is no project to work on yet: run the step that makes it.');
  return setup.deps.withProject(id, work);
}

export function afterOf<P>(setup: ProjectStepSetup<P>): readonly string[] {
  return [...new Set([...setup.source.after, ...(setup.after ?? [])])];
}

/** What a step does to each shot: the shots it would work on, in board order. */
export function pendingShots(
  snapshot: ProjectSnapshot,
  needs: (snapshot: ProjectSnapshot, shot: Shot) => boolean,
): Shot[] {
  return snapshot.shots.filter((shot) => !shot.omitted && needs(snapshot, shot));
}

/** A step result that counts shots: done now, already done before, and failed (with why). */
export interface ShotTally {
  readonly made: number;
  readonly skipped: number;
  readonly failed: number;
  readonly note: string;
}

export class StepStopped extends Error {
  constructor() {
    super('The step was stopped.');
    this.name = 'StepStopped';
  }
}

/**
 * Works through shots one by one, with progress: a shot that fails is noted and the others go
 * on (what was made stays in the project, so running again only retries the failed ones), then
 * the step fails naming them. The run's signal stops it between shots and inside a call.
 */
export async function eachShot(
  shots: readonly Shot[],
  ctx: StepContext,
  work: (shot: Shot) => Promise<void>,
): Promise<{ made: number; failures: string[] }> {
  const failures: string[] = [];
  let made = 0;
  for (const [i, shot] of shots.entries()) {
    if (ctx.signal.aborted) throw new StepStopped();
    ctx.onProgress({ done: i, total: shots.length, note: `Shot ${shot.number}` });
    try {
      await work(shot);
      made++;
    } catch (error) {
      if (ctx.signal.aborted) throw new StepStopped();
      failures.push(`${shot.number}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  ctx.onProgress({ done: shots.length, total: shots.length, note: '' });
  return { made, failures };
}

/** Throws when some shots failed (after the others were done), else the tally. */
export function tallyOf(
  counted: { made: number; failures: readonly string[] },
  skipped: number,
  what: string,
  note = '',
): ShotTally {
  if (counted.failures.length > 0) {
    const list = counted.failures.slice(0, 3).join('; ');
    const more = counted.failures.length > 3 ? ` and ${counted.failures.length - 3} more` : '';
    throw new Error(
      `${counted.failures.length} ${what} failed (${counted.made} made; run again to retry only those): ${list}${more}`,
    );
  }
  return { made: counted.made, skipped, failed: 0, note };
}

export function step<P>(s: PipelineStep<P>): PipelineStep<P> {
  return s;
}

export function perShot(
  capability: ModelTask,
  calls: number,
  usage: CallPlan['usage'],
): CallPlan[] {
  return calls > 0 ? [{ capability, calls, usage }] : [];
}
