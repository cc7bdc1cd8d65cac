import type { AiDb, BatchRow, BatchState, JobRow } from './aiTables';
import { observe } from './live';

export interface QueueView {
  readonly batches: readonly BatchRow[];
  readonly jobs: readonly JobRow[];
}

/**
 * The persisted queue of frame generations: batches ("Scene 3", "Whole project") of one job per
 * shot. Lives in Dexie so a reload, a crash or a closed laptop loses nothing: the runner
 * (src/ai/frames/queueRunner.ts) picks up where it stopped.
 */
export class GenerationQueueStore {
  constructor(private readonly db: AiDb) {}

  async addBatch(
    batch: Pick<BatchRow, 'id' | 'projectId' | 'label'>,
    shotIds: readonly string[],
    now = Date.now(),
  ): Promise<void> {
    const jobs: JobRow[] = shotIds.map((shotId, order) => ({
      id: `${batch.id}:${order}`,
      batchId: batch.id,
      projectId: batch.projectId,
      shotId,
      order,
      status: 'queued',
      error: '',
      providerLabel: '',
      costUsd: 0,
      createdAt: now,
      finishedAt: null,
    }));
    await this.db.transaction('rw', this.db.aiBatches, this.db.aiJobs, async () => {
      await this.db.aiBatches.add({ ...batch, state: 'running', createdAt: now, updatedAt: now });
      await this.db.aiJobs.bulkAdd(jobs);
    });
  }

  async view(projectId: string): Promise<QueueView> {
    return this.db.transaction('r', this.db.aiBatches, this.db.aiJobs, async () => {
      const batches = await this.db.aiBatches
        .where('projectId')
        .equals(projectId)
        .sortBy('createdAt');
      const jobs = await this.db.aiJobs.where('projectId').equals(projectId).toArray();
      return { batches, jobs };
    });
  }

  watch(projectId: string, onView: (view: QueueView) => void): () => void {
    return observe(() => this.view(projectId), onView);
  }

  /** The next job to run: the oldest running batch's first queued job, in board order. */
  async nextJob(projectId: string, skip: ReadonlySet<string> = new Set()): Promise<JobRow | null> {
    const { batches, jobs } = await this.view(projectId);
    for (const batch of batches) {
      if (batch.state !== 'running') continue;
      const next = jobs
        .filter((j) => j.batchId === batch.id && j.status === 'queued' && !skip.has(j.id))
        .sort((a, b) => a.order - b.order)[0];
      if (next) return next;
    }
    return null;
  }

  async updateJob(id: string, patch: Partial<Omit<JobRow, 'id' | 'batchId'>>): Promise<void> {
    await this.db.aiJobs.update(id, patch);
  }

  /** Cancelling also cancels the batch's queued jobs; the runner aborts the running ones. */
  async setBatchState(id: string, state: BatchState, now = Date.now()): Promise<void> {
    await this.db.transaction('rw', this.db.aiBatches, this.db.aiJobs, async () => {
      await this.db.aiBatches.update(id, { state, updatedAt: now });
      if (state !== 'cancelled') return;
      await this.db.aiJobs
        .where('batchId')
        .equals(id)
        .filter((job) => job.status === 'queued' || job.status === 'running')
        .modify({ status: 'cancelled', finishedAt: now });
    });
  }

  /** A batch whose jobs have all finished is done. Returns whether it was. */
  async finishBatchIfDone(id: string, now = Date.now()): Promise<boolean> {
    return this.db.transaction('rw', this.db.aiBatches, this.db.aiJobs, async () => {
      const open = await this.db.aiJobs
        .where('batchId')
        .equals(id)
        .filter((job) => job.status === 'queued' || job.status === 'running')
        .count();
      const batch = await this.db.aiBatches.get(id);
      if (open > 0 || !batch || batch.state !== 'running') return false;
      await this.db.aiBatches.update(id, { state: 'done', updatedAt: now });
      return true;
    });
  }

  /**
   * After a reload nothing is running: jobs left `running` by the last page go back to the
   * queue (their result, if any arrived, was never stored, so nothing is done twice).
   */
  async requeueInterrupted(projectId: string): Promise<number> {
    return this.db.aiJobs
      .where('projectId')
      .equals(projectId)
      .filter((job) => job.status === 'running')
      .modify({ status: 'queued' });
  }

  /** Drops finished and cancelled batches with their jobs (the panel's "Clear finished"). */
  async clearFinished(projectId: string): Promise<void> {
    await this.db.transaction('rw', this.db.aiBatches, this.db.aiJobs, async () => {
      const finished = await this.db.aiBatches
        .where('projectId')
        .equals(projectId)
        .filter((b) => b.state === 'done' || b.state === 'cancelled')
        .primaryKeys();
      await this.db.aiJobs.where('batchId').anyOf(finished).delete();
      await this.db.aiBatches.bulkDelete(finished);
    });
  }
}
