import { PartialAnswerError } from '../../ai/router/router';
import type {
  InterruptedCall,
  PaidCallRow,
  RunRow,
  RunState,
  RunStore,
  StepRow,
} from '../../store/pipelineRuns';
import { inputHash } from './hash';
import { StructuredOutputError } from './structured';
import {
  AUTO,
  type PaidCall,
  type PipelineDefinition,
  type PipelineStep,
  type Pricer,
  type ProviderChoice,
  type StepError,
  type StepProgress,
  type StepStatus,
  type StepView,
} from './types';

export interface EngineDeps<P> {
  readonly store: RunStore;
  readonly definition: PipelineDefinition<P>;
  readonly price: Pricer;
  readonly now?: () => number;
}

/** Why a run stopped before its end, when it was asked to. */
type StopReason = 'paused' | 'cancelled';

class StopRequested extends Error {
  constructor(readonly reason: StopReason) {
    super(reason);
  }
}

interface Resolved<P> {
  readonly step: PipelineStep<P>;
  readonly hash: string | null;
  readonly row: StepRow | null;
  readonly status: StepStatus;
}

/**
 * Runs one pipeline run: each step's result is stored under the hash of its inputs, so running
 * again (after a reload, a crash, a failure or a pause) finds what is done and redoes only what
 * is missing; a step whose inputs changed since its result was made shows as stale, and so does
 * everything after it. Pure apart from its store: no React, no provider, no Dexie of its own.
 */
export class PipelineEngine<P> {
  private row: RunRow;
  private readonly partial = new Map<string, string>();
  private readonly progress = new Map<string, StepProgress>();
  private readonly errors = new Map<string, StepError>();
  private running: string | null = null;
  private controller: AbortController | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly now: () => number;

  private constructor(
    private readonly deps: EngineDeps<P>,
    row: RunRow,
  ) {
    this.row = row;
    this.now = deps.now ?? (() => Date.now());
  }

  /** A new run with these parameters, stored before anything runs. */
  static async create<P>(
    deps: EngineDeps<P>,
    init: {
      id: string;
      title: string;
      params: P;
      providers?: Record<string, ProviderChoice>;
      template?: unknown;
    },
  ): Promise<PipelineEngine<P>> {
    const at = (deps.now ?? Date.now)();
    const row: RunRow = {
      id: init.id,
      pipelineId: deps.definition.id,
      title: init.title,
      params: init.params,
      providers: init.providers ?? {},
      current: {},
      state: 'idle',
      ...(init.template === undefined ? {} : { template: init.template }),
      createdAt: at,
      updatedAt: at,
    };
    await deps.store.putRun(row);
    return new PipelineEngine(deps, row);
  }

  /** A stored run, as it was left; a run that was running when the page went away is paused. */
  static async open<P>(deps: EngineDeps<P>, id: string): Promise<PipelineEngine<P> | null> {
    const row = await deps.store.getRun(id);
    if (!row || row.pipelineId !== deps.definition.id) return null;
    const state: RunState = row.state === 'running' ? 'paused' : row.state;
    const cut = row.inFlight ?? [];
    if (cut.length === 0) return new PipelineEngine(deps, { ...row, state });
    // Calls under way when the page closed: their answers are lost. Kept as interrupted, so the
    // run can say so, and recognise them when they are asked again.
    const opened: RunRow = {
      ...row,
      state,
      inFlight: [],
      interrupted: [
        ...(row.interrupted ?? []),
        ...cut.map((c) => ({
          stepId: c.stepId,
          key: c.key,
          what: c.what,
          outcome: 'pending' as const,
        })),
      ],
    };
    await deps.store.putRun(opened);
    return new PipelineEngine(deps, opened);
  }

  /** Calls the page closed on while they were under way, and what became of them. */
  get interrupted(): readonly InterruptedCall[] {
    return this.row.interrupted ?? [];
  }

  /**
   * A paid call of a step: stored as under way before it is sent (so a page closed meanwhile
   * leaves it in the record), removed when it ends however it ends. One the page closed on
   * before is marked as asked again.
   */
  private async paid<T>(stepId: string, call: PaidCall, work: () => Promise<T>): Promise<T> {
    const entry: PaidCallRow = { stepId, key: call.key, what: call.what };
    const same = (c: PaidCallRow) => c.stepId === stepId && c.key === call.key;
    await this.save({
      inFlight: [...(this.row.inFlight ?? []), entry],
      interrupted: this.interrupted.map((c) =>
        same(c) && c.outcome === 'pending' ? { ...c, outcome: 'asked' } : c,
      ),
    });
    try {
      return await work();
    } finally {
      await this.save({ inFlight: (this.row.inFlight ?? []).filter((c) => c !== entry) });
    }
  }

  get id(): string {
    return this.row.id;
  }
  get state(): RunState {
    return this.row.state;
  }
  get params(): P {
    return this.row.params as P;
  }
  get title(): string {
    return this.row.title;
  }

  /** The saved pipeline the run follows (RunRow.template), if any. */
  get template(): unknown {
    return this.row.template;
  }

  /**
   * Follows another pipeline (null: the default steps), with its providers per step. Only before
   * any step has a result: the steps are rebuilt from it when the run is opened again.
   */
  async setTemplate(template: unknown, providers: Record<string, ProviderChoice>): Promise<void> {
    if (Object.keys(this.row.current).length > 0 || this.controller)
      throw new Error('The steps are chosen before the first one runs.');
    await this.save({ providers, template: template ?? undefined });
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  private async save(patch: Partial<Omit<RunRow, 'id'>>): Promise<void> {
    this.row = { ...this.row, ...patch, updatedAt: this.now() };
    await this.deps.store.putRun(this.row);
    this.changed();
  }

  providerOf(stepId: string): ProviderChoice {
    return this.row.providers[stepId] ?? AUTO;
  }

  async setParams(params: P, title = this.row.title): Promise<void> {
    await this.save({ params, title });
  }

  async setProvider(stepId: string, choice: ProviderChoice): Promise<void> {
    await this.save({ providers: { ...this.row.providers, [stepId]: choice } });
  }

  /** Every step with its status, result and estimate, in order. */
  async view(): Promise<StepView[]> {
    const resolved = await this.resolve();
    return resolved.map(({ step, row, status }) => {
      const provider = this.providerOf(step.id);
      const input = {
        params: this.params,
        upstream: this.upstreamOf(step, resolved),
        provider,
      };
      const known = step.after.every((id) => resolved.find((r) => r.step.id === id)?.row);
      const estimate =
        status === 'done'
          ? { calls: 0, costUsd: 0, providerLabel: 'Done' }
          : step.plan(input, Boolean(known)).reduce(
              (sum, plan) => {
                const one = this.deps.price(plan, provider);
                return {
                  calls: sum.calls + one.calls,
                  costUsd: sum.costUsd + one.costUsd,
                  providerLabel: one.providerLabel,
                };
              },
              {
                calls: 0,
                costUsd: 0,
                providerLabel: step.capability === 'none' ? 'This device' : '',
              },
            );
      return {
        id: step.id,
        label: step.label,
        status,
        output: row?.output ?? null,
        edited: row?.edited ?? false,
        estimate,
        error: this.errors.get(step.id) ?? null,
        partial: this.partial.get(step.id) ?? '',
        progress: this.progress.get(step.id) ?? null,
        provider,
      };
    });
  }

  private upstreamOf(step: PipelineStep<P>, resolved: readonly Resolved<P>[]) {
    const upstream: Record<string, unknown> = {};
    for (const id of step.after) upstream[id] = resolved.find((r) => r.step.id === id)?.row?.output;
    return upstream;
  }

  private async hashOf(step: PipelineStep<P>, upstream: Record<string, unknown>) {
    return inputHash({
      pipeline: this.deps.definition.id,
      step: step.id,
      version: step.version,
      reads: step.reads(this.params) ?? null,
      provider: step.capability === 'none' ? null : this.providerOf(step.id),
      upstream,
    });
  }

  /** Walks the steps in order: each one's inputs, its stored result and its status. */
  private async resolve(): Promise<Resolved<P>[]> {
    const resolved: Resolved<P>[] = [];
    for (const step of this.deps.definition.steps) {
      const before = step.after.map((id) => resolved.find((r) => r.step.id === id));
      const current = this.row.current[step.id];
      const row = current
        ? ((await this.deps.store.getStep(this.row.id, step.id, current)) ?? null)
        : null;
      const ready = before.every((r) => r?.row);
      const hash = ready ? await this.hashOf(step, this.upstreamOf(step, resolved)) : null;
      const upstreamFresh = before.every((r) => r?.status === 'done');
      const status: StepStatus =
        this.running === step.id
          ? 'running'
          : this.errors.has(step.id)
            ? 'failed'
            : !row
              ? 'todo'
              : row.inputHash === hash && upstreamFresh
                ? 'done'
                : 'stale';
      resolved.push({ step, hash, row, status });
    }
    return resolved;
  }

  /**
   * Runs one step with what is before it now. Its stored result for the same inputs is reused
   * unless `fresh` (Regenerate) is asked for; a fresh result gets a row of its own too.
   */
  async runStep(stepId: string, options: { fresh?: boolean } = {}): Promise<boolean> {
    const resolved = await this.resolve();
    const target = resolved.find((r) => r.step.id === stepId);
    if (!target) throw new Error(`No step ${stepId}`);
    if (!target.hash) throw new Error(`“${target.step.label}” needs the steps before it first.`);
    const controller = this.controller ?? new AbortController();
    const own = this.controller === null;
    if (own) this.controller = controller;
    try {
      return await this.execute(target.step, target.hash, resolved, controller.signal, options);
    } finally {
      if (own) this.controller = null;
    }
  }

  private async execute(
    step: PipelineStep<P>,
    hash: string,
    resolved: readonly Resolved<P>[],
    signal: AbortSignal,
    options: { fresh?: boolean },
  ): Promise<boolean> {
    this.errors.delete(step.id);
    const cached = options.fresh
      ? undefined
      : await this.deps.store.getStep(this.row.id, step.id, hash);
    if (cached) {
      await this.save({ current: { ...this.row.current, [step.id]: hash } });
      return true;
    }
    this.running = step.id;
    this.partial.set(step.id, '');
    this.changed();
    let costUsd = 0;
    try {
      const output = await step.run(
        {
          params: this.params,
          upstream: this.upstreamOf(step, resolved),
          provider: this.providerOf(step.id),
        },
        {
          signal,
          onText: (text) => {
            this.partial.set(step.id, text);
            this.changed();
          },
          onCost: (usd) => {
            costUsd += usd;
          },
          onProgress: (progress) => {
            this.progress.set(step.id, progress);
            this.changed();
          },
          paid: (call, work) => this.paid(step.id, call, work),
        },
      );
      if (signal.aborted) throw stopOf(signal);
      await this.deps.store.putStep({
        runId: this.row.id,
        stepId: step.id,
        inputHash: hash,
        output,
        edited: false,
        costUsd,
        at: this.now(),
      });
      this.running = null;
      this.partial.delete(step.id);
      this.progress.delete(step.id);
      await this.save({
        current: { ...this.row.current, [step.id]: hash },
        // A call cut off by the page that the step did not need again: its answer had been kept.
        interrupted: this.interrupted.map((c) =>
          c.stepId === step.id && c.outcome === 'pending' ? { ...c, outcome: 'kept' } : c,
        ),
      });
      return true;
    } catch (error) {
      this.running = null;
      this.partial.delete(step.id);
      this.progress.delete(step.id);
      if (signal.aborted) {
        const reason = stopOf(signal).reason;
        await this.save({ state: reason });
        return false;
      }
      this.errors.set(step.id, {
        message: error instanceof Error ? error.message : String(error),
        // What the model wrote is shown, never dropped: a malformed answer, or the part of a
        // streamed one that arrived before it was cut off.
        raw:
          error instanceof StructuredOutputError
            ? error.raw
            : error instanceof PartialAnswerError
              ? error.partial
              : null,
      });
      await this.save({ state: 'failed' });
      return false;
    }
  }

  /**
   * Runs every step that is not done, in order, up to and including `until` (all when absent);
   * stops at the first failure, pause or cancel. Resuming is calling it again.
   */
  async runAll(options: { until?: string } = {}): Promise<RunState> {
    if (this.controller) return this.row.state;
    const controller = new AbortController();
    this.controller = controller;
    await this.save({ state: 'running' });
    try {
      for (const step of this.deps.definition.steps) {
        const resolved = await this.resolve();
        const here = resolved.find((r) => r.step.id === step.id);
        if (here && here.status !== 'done') {
          if (!here.hash) break;
          const ok = await this.execute(step, here.hash, resolved, controller.signal, {});
          if (!ok) return this.row.state;
        }
        if (step.id === options.until) break;
      }
      const views = await this.resolve();
      await this.save({ state: views.every((v) => v.status === 'done') ? 'done' : 'idle' });
      return this.row.state;
    } finally {
      this.controller = null;
    }
  }

  /** Stops the step under way (its call is aborted; nothing half-made is stored). */
  pause(): void {
    this.controller?.abort(new StopRequested('paused'));
  }

  cancel(): void {
    if (this.controller) this.controller.abort(new StopRequested('cancelled'));
    else void this.save({ state: 'cancelled' });
  }

  /** A result changed by hand: kept under the same inputs, marked edited; later steps go stale. */
  async edit(stepId: string, output: unknown): Promise<void> {
    const resolved = await this.resolve();
    const target = resolved.find((r) => r.step.id === stepId);
    const hash = target?.row?.inputHash ?? target?.hash;
    if (!target || !hash) throw new Error('Run the steps before this one first.');
    await this.deps.store.putStep({
      runId: this.row.id,
      stepId,
      inputHash: hash,
      output,
      edited: true,
      costUsd: target.row?.costUsd ?? 0,
      at: this.now(),
    });
    this.errors.delete(stepId);
    await this.save({ current: { ...this.row.current, [stepId]: hash } });
  }

  /**
   * Keeps a stale step's result as it is for the inputs it has now (the person's own script
   * survives a change to the outline). Steps after it whose inputs come out the same are done
   * again without running.
   */
  async keep(stepId: string): Promise<void> {
    const resolved = await this.resolve();
    const target = resolved.find((r) => r.step.id === stepId);
    if (!target?.row || !target.hash)
      throw new Error('Bring the steps before this one up to date first.');
    await this.deps.store.putStep({ ...target.row, inputHash: target.hash, at: this.now() });
    this.errors.delete(stepId);
    await this.save({ current: { ...this.row.current, [stepId]: target.hash } });
  }
}

function stopOf(signal: AbortSignal): StopRequested {
  return signal.reason instanceof StopRequested ? signal.reason : new StopRequested('cancelled');
}
