import type { StepView } from './types';

/**
 * What the wizard reads off a run's step list: the step to do next, how far along it is and
 * what the rest is estimated to cost. Pure, over StepView, so any pipeline's steps (the idea
 * pipeline, custom ones) are counted the same way.
 */

/** The first step that is not done (todo, stale or failed), or null when all are. */
export function firstPending(steps: readonly StepView[]): StepView | null {
  return steps.find((s) => s.status !== 'done') ?? null;
}

/** The step after `id` in order, or null for the last one. */
export function stepAfter(steps: readonly StepView[], id: string): StepView | null {
  const at = steps.findIndex((s) => s.id === id);
  return at >= 0 ? (steps[at + 1] ?? null) : null;
}

export interface RunProgress {
  readonly done: number;
  readonly total: number;
  /** The step running now, if any. */
  readonly running: StepView | null;
}

export function progressOf(steps: readonly StepView[]): RunProgress {
  return {
    done: steps.filter((s) => s.status === 'done').length,
    total: steps.length,
    running: steps.find((s) => s.status === 'running') ?? null,
  };
}

export interface RunEstimate {
  readonly calls: number;
  readonly costUsd: number;
  /** Steps that still have work (not done). */
  readonly steps: number;
}

/** What running the rest would take: the estimates of every step not done, added up. */
export function remainingEstimate(steps: readonly StepView[]): RunEstimate {
  const left = steps.filter((s) => s.status !== 'done');
  return {
    calls: left.reduce((sum, s) => sum + s.estimate.calls, 0),
    costUsd: left.reduce((sum, s) => sum + s.estimate.costUsd, 0),
    steps: left.length,
  };
}

/** Whether every step before `id` is done, so `id` can run on what they made. */
export function canRunStep(steps: readonly StepView[], id: string): boolean {
  const at = steps.findIndex((s) => s.id === id);
  return at >= 0 && steps.slice(0, at).every((s) => s.status === 'done');
}
