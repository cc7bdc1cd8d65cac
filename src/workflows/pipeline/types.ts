import type { ModelTask, Usage } from '../../ai/providers/types';
import type { PaidWhat } from '../../store/pipelineRuns';

/**
 * A pipeline is a list of steps in order; each reads the run's parameters and the results of the
 * steps it names in `after`. Steps are plain data plus two functions, so a new kind of step (a
 * video step that starts a long job and polls it, say) fits without changing the engine.
 */

/** 'auto': the router's order of providers; 'offline': no provider at all; else a provider id. */
export type ProviderChoice = string;
export const AUTO = 'auto';
export const OFFLINE = 'offline';

export interface StepInput<P> {
  readonly params: P;
  /** Results of the steps in `after`, by step id. */
  readonly upstream: Readonly<Record<string, unknown>>;
  readonly provider: ProviderChoice;
}

export interface StepContext {
  readonly signal: AbortSignal;
  /** The text so far, while a model writes it (streaming); steps that do not stream never call it. */
  readonly onText: (partial: string) => void;
  /** Adds the estimated cost of a call this step made (from the router's answer). */
  readonly onCost: (usd: number) => void;
  /** How far a step that works shot by shot is: `done` of `total`, and what it is on now. */
  readonly onProgress: (progress: StepProgress) => void;
  /**
   * Runs one paid call, marked in the run's record while it is under way: if the page closes
   * before it ends, the run, opened again, says the call was cut off and that it is asked again.
   */
  readonly paid: <T>(call: PaidCall, work: () => Promise<T>) => Promise<T>;
}

/** A paid call as its step names it: what it makes and which one (a shot's frame). */
export interface PaidCall {
  readonly key: string;
  readonly what: PaidWhat;
}

export interface StepProgress {
  readonly done: number;
  readonly total: number;
  /** What it is doing now, in words ("Shot 3A"); empty when there is nothing to add. */
  readonly note: string;
}

/** What a step expects to call, before it runs: how many calls of what, and their usage. */
export interface CallPlan {
  /** The route or task priced: text, image, speech, or seconds of image to video. */
  readonly capability: ModelTask;
  readonly calls: number;
  readonly usage: Usage;
}

export interface PipelineStep<P> {
  readonly id: string;
  readonly label: string;
  readonly after: readonly string[];
  /** Raise it when what the step does changes, so results made the old way are not reused. */
  readonly version: number;
  /** Which providers make sense: a step with none ('none') always runs on this machine. */
  readonly capability: ModelTask | 'none';
  /** The part of the parameters the step reads (only that goes into its hash). */
  readonly reads: (params: P) => unknown;
  /** The calls it would make; upstream results may be missing (not run yet): guess from params. */
  readonly plan: (input: StepInput<P>, upstreamKnown: boolean) => readonly CallPlan[];
  readonly run: (input: StepInput<P>, ctx: StepContext) => Promise<unknown>;
}

export interface PipelineDefinition<P> {
  /** Runs are stored under it: a changed pipeline needs another id or its runs mix. */
  readonly id: string;
  readonly steps: readonly PipelineStep<P>[];
}

/**
 * todo: never ran. done: its result matches its inputs. stale: it has a result, but something
 * before it changed since. running / failed: the step now, in this tab.
 */
export type StepStatus = 'todo' | 'running' | 'done' | 'stale' | 'failed';

export interface StepView {
  readonly id: string;
  readonly label: string;
  readonly status: StepStatus;
  readonly output: unknown;
  readonly edited: boolean;
  /** Estimated cost of running it now: 0 when its result is cached. */
  readonly estimate: StepEstimate;
  readonly error: StepError | null;
  /** The text so far while it streams. */
  readonly partial: string;
  /** Shot by shot, while it runs; null otherwise. */
  readonly progress: StepProgress | null;
  readonly provider: ProviderChoice;
}

export interface StepEstimate {
  readonly calls: number;
  readonly costUsd: number;
  /** Who would answer ('Offline', 'OpenAI'…), for the line before a run. */
  readonly providerLabel: string;
}

export interface StepError {
  readonly message: string;
  /** The model's answer as it came, when it was not in the expected shape. */
  readonly raw: string | null;
}

/** Prices a plan for a provider choice (the app reads the user's price table). */
export type Pricer = (plan: CallPlan, choice: ProviderChoice) => StepEstimate;
