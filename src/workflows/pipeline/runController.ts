import type { RunState } from '../../store/pipelineRuns';
import type { PipelineEngine } from './engine';
import { interruptedLines } from './interrupted';
import { firstPending } from './stepViews';
import type { PipelineDefinition, ProviderChoice, StepView } from './types';

/** What a screen shows of a run: a plain value, replaced (never mutated) on every change. */
export interface RunSnapshot<P> {
  readonly state: RunState;
  readonly title: string;
  readonly params: P;
  readonly steps: readonly StepView[];
  /** An action of this tab is under way (a step runs); Pause and Cancel stay available. */
  readonly busy: boolean;
  /** The last action that failed outside a step (storage, a bad edit), in words. */
  readonly error: string | null;
  /** Paid calls the page closed on while they were under way (engine.ts), in words. */
  readonly interrupted: readonly string[];
}

/**
 * One run as a screen drives it: a subscribable snapshot of its steps (for
 * useSyncExternalStore) and the person's actions, each of which reports a failure in words
 * instead of throwing into the UI. Views are recomputed after every engine change, one at a
 * time: while one is computed, further changes (streamed text) collapse into one more.
 */
export class RunController<P> {
  private snapshot: RunSnapshot<P>;
  private readonly listeners = new Set<() => void>();
  private refreshing: Promise<void> | null = null;
  private again = false;
  private busyCount = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private error: string | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly engine: PipelineEngine<P>,
    readonly definition: PipelineDefinition<P>,
  ) {
    this.snapshot = {
      state: engine.state,
      title: engine.title,
      params: engine.params,
      steps: [],
      busy: false,
      error: null,
      interrupted: interruptedLines(engine.interrupted),
    };
    this.unsubscribe = engine.subscribe(() => void this.refresh());
  }

  get id(): string {
    return this.engine.id;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): RunSnapshot<P> => this.snapshot;

  /** What kind of provider a step calls ('none': it runs on this device). */
  capabilityOf(stepId: string) {
    return this.definition.steps.find((s) => s.id === stepId)?.capability ?? 'none';
  }

  dispose(): void {
    this.unsubscribe();
    this.listeners.clear();
  }

  private publish(patch: Partial<RunSnapshot<P>>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** Reads the steps again; resolves once a view at least as new as the call is published. */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.again = true;
      return this.refreshing;
    }
    this.refreshing = this.readViews().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async readViews(): Promise<void> {
    try {
      do {
        this.again = false;
        const steps = await this.engine.view();
        this.publish({
          steps,
          state: this.engine.state,
          title: this.engine.title,
          params: this.engine.params,
          interrupted: interruptedLines(this.engine.interrupted),
        });
      } while (this.again);
    } catch (error) {
      this.publish({ error: messageOf(error) });
    }
  }

  /**
   * Runs `work` as a person's action, after the actions before it (an edit stored on blur is in
   * the store before the click that follows it runs the next step): busy meanwhile, a failure
   * kept as `error`.
   */
  private act<T>(work: () => Promise<T>, busy = true): Promise<T | undefined> {
    if (busy) {
      this.busyCount += 1;
      this.publish({ busy: true });
    }
    const done = this.queue.then(() => this.perform(work, busy));
    this.queue = done.catch(() => undefined);
    return done;
  }

  private async perform<T>(work: () => Promise<T>, busy: boolean): Promise<T | undefined> {
    this.error = null;
    this.publish({ busy: this.busyCount > 0, error: null });
    try {
      return await work();
    } catch (error) {
      this.error = messageOf(error);
      return undefined;
    } finally {
      if (busy) this.busyCount -= 1;
      await this.refresh();
      this.publish({ busy: this.busyCount > 0, error: this.error });
    }
  }

  /** Runs every step that is not done (Run all, Resume). */
  runAll(): Promise<RunState | undefined> {
    return this.act(() => this.engine.runAll());
  }

  /** Runs the first step that is not done, and stops there for the person to look at it. */
  next(): Promise<RunState | undefined> {
    return this.act(async () => {
      const pending = firstPending(await this.engine.view());
      return this.engine.runAll(pending ? { until: pending.id } : {});
    });
  }

  /** Runs what is missing up to and including `stepId` (a stale step brought up to date, Retry). */
  runTo(stepId: string): Promise<RunState | undefined> {
    return this.act(() => this.engine.runAll({ until: stepId }));
  }

  /** Asks again for a step that is done: a fresh result, the earlier one kept in the store. */
  regenerate(stepId: string): Promise<boolean | undefined> {
    return this.act(() => this.engine.runStep(stepId, { fresh: true }));
  }

  pause(): void {
    this.engine.pause();
  }

  cancel(): void {
    this.engine.cancel();
  }

  async edit(stepId: string, output: unknown): Promise<void> {
    await this.act(() => this.engine.edit(stepId, output), false);
  }

  /** A stale step's result kept as it is (the person's script after an outline change). */
  async keep(stepId: string): Promise<void> {
    await this.act(() => this.engine.keep(stepId), false);
  }

  async setParams(params: P, title?: string): Promise<void> {
    await this.act(() => this.engine.setParams(params, title), false);
  }

  /** Follows a saved pipeline (null: the default steps); the screen opens the run again after. */
  async setTemplate(
    template: unknown,
    providers: Record<string, ProviderChoice>,
  ): Promise<boolean> {
    const done = await this.act(async () => {
      await this.engine.setTemplate(template, providers);
      return true;
    }, false);
    return done === true;
  }

  async setProvider(stepId: string, choice: ProviderChoice): Promise<void> {
    await this.act(() => this.engine.setProvider(stepId, choice), false);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
