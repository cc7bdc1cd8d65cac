import type { JobRow } from '../../store/aiTables';
import type { GenerationQueueStore } from '../../store/generationQueue';
import { AllProvidersFailedError } from '../router/router';

export interface JobOutcome {
  readonly providerLabel: string;
  readonly costUsd: number;
  /** What went wrong on the way, even if the job succeeded through a fallback. */
  readonly trouble: string;
}

export interface QueueRunnerDeps {
  readonly store: GenerationQueueStore;
  readonly projectId: string;
  /** Makes one frame; rejects when the shot cannot get one. */
  readonly generate: (shotId: string, signal: AbortSignal, batchId: string) => Promise<JobOutcome>;
  /** Nothing is generated into a project this tab may not write. */
  readonly canWrite: () => boolean;
  readonly concurrency?: number;
  readonly now?: () => number;
}

/** Frames generated at once per project; the router's per-provider limits apply beneath. */
export const QUEUE_CONCURRENCY = 2;

/**
 * Works through a project's persisted generation queue while the project is open: batch by
 * batch, shots in board order, a few at once. Pause stops taking new jobs; cancel also aborts
 * the running ones. Stopping (closing the project, reloading) leaves unfinished jobs queued, so
 * the next open carries on where this one stopped.
 */
export class QueueRunner {
  private readonly running = new Map<string, { batchId: string; controller: AbortController }>();
  private pumping: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly concurrency: number;
  private readonly now: () => number;

  constructor(private readonly deps: QueueRunnerDeps) {
    this.concurrency = deps.concurrency ?? QUEUE_CONCURRENCY;
    this.now = deps.now ?? Date.now;
  }

  async start(): Promise<void> {
    await this.deps.store.requeueInterrupted(this.deps.projectId);
    this.pump();
  }

  async enqueue(label: string, shotIds: readonly string[]): Promise<string> {
    const id = crypto.randomUUID();
    await this.deps.store.addBatch(
      { id, projectId: this.deps.projectId, label },
      shotIds,
      this.now(),
    );
    this.pump();
    return id;
  }

  async pause(batchId: string): Promise<void> {
    await this.deps.store.setBatchState(batchId, 'paused', this.now());
  }

  async resume(batchId: string): Promise<void> {
    await this.deps.store.setBatchState(batchId, 'running', this.now());
    this.pump();
  }

  async cancel(batchId: string): Promise<void> {
    await this.deps.store.setBatchState(batchId, 'cancelled', this.now());
    for (const job of this.running.values()) if (job.batchId === batchId) job.controller.abort();
  }

  /** Resolves when nothing is running and nothing runnable is queued (tests). */
  async idle(): Promise<void> {
    for (;;) {
      await this.pumping;
      if (this.running.size === 0 && !(await this.deps.store.nextJob(this.deps.projectId))) return;
      if (this.stopped) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  stop(): void {
    this.stopped = true;
    for (const job of this.running.values()) job.controller.abort();
  }

  /** Starts jobs up to the limit. Serialised, so two pumps never pick the same job. */
  private pump(): void {
    this.pumping = this.pumping
      .then(() => this.fill())
      .catch((error: unknown) => {
        console.error('The frame queue could not read its jobs', error);
      });
  }

  private async fill(): Promise<void> {
    while (!this.stopped && this.deps.canWrite() && this.running.size < this.concurrency) {
      const job = await this.deps.store.nextJob(this.deps.projectId, new Set(this.running.keys()));
      if (!job) return;
      const controller = new AbortController();
      this.running.set(job.id, { batchId: job.batchId, controller });
      await this.deps.store.updateJob(job.id, { status: 'running' });
      void this.run(job, controller);
    }
  }

  private async run(job: JobRow, controller: AbortController): Promise<void> {
    const { store } = this.deps;
    try {
      const outcome = await this.deps.generate(job.shotId, controller.signal, job.batchId);
      await store.updateJob(job.id, {
        status: 'done',
        providerLabel: outcome.providerLabel,
        costUsd: outcome.costUsd,
        error: outcome.trouble,
        finishedAt: this.now(),
      });
    } catch (error) {
      if (this.stopped) {
        // Closing the project: the job goes back in line for the next open.
        await store.updateJob(job.id, { status: 'queued' });
      } else if (!controller.signal.aborted) {
        const message =
          error instanceof AllProvidersFailedError || error instanceof Error
            ? error.message
            : String(error);
        await store.updateJob(job.id, { status: 'failed', error: message, finishedAt: this.now() });
      }
      // Aborted by cancel: the store already marked it cancelled.
    } finally {
      this.running.delete(job.id);
      if (!this.stopped) {
        await store.finishBatchIfDone(job.batchId, this.now());
        this.pump();
      }
    }
  }
}
