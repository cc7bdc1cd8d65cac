import type { JobRow } from '../../store/aiTables';
import type { QueueView } from '../../store/generationQueue';

/** The queue as one shot sees it: waiting, drawing, or what went wrong last. */
export type ShotJobState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'queued' }
  | { readonly kind: 'running' }
  | { readonly kind: 'paused' }
  | { readonly kind: 'failed'; readonly error: string }
  | { readonly kind: 'fellBack'; readonly note: string };

export function shotJobState(view: QueueView, shotId: string): ShotJobState {
  const states = new Map(view.batches.map((b) => [b.id, b.state]));
  const jobs = view.jobs.filter((j) => j.shotId === shotId);
  const open = jobs.find((j) => j.status === 'running') ?? jobs.find((j) => j.status === 'queued');
  if (open) {
    if (open.status === 'running') return { kind: 'running' };
    return states.get(open.batchId) === 'paused' ? { kind: 'paused' } : { kind: 'queued' };
  }
  const last = jobs
    .filter((j) => j.finishedAt !== null)
    .sort((a, b) => (a.finishedAt ?? 0) - (b.finishedAt ?? 0))
    .at(-1);
  if (last?.status === 'failed') return { kind: 'failed', error: last.error };
  if (last?.status === 'done' && last.providerLabel === 'Offline sketch')
    return { kind: 'fellBack', note: last.error };
  return { kind: 'idle' };
}

export interface BatchProgress {
  readonly id: string;
  readonly label: string;
  readonly state: string;
  readonly total: number;
  readonly done: number;
  readonly failed: number;
  readonly fellBack: number;
  readonly costUsd: number;
}

export function batchProgress(view: QueueView): BatchProgress[] {
  return view.batches.map((batch) => {
    const jobs: JobRow[] = view.jobs.filter((j) => j.batchId === batch.id);
    return {
      id: batch.id,
      label: batch.label,
      state: batch.state,
      total: jobs.length,
      done: jobs.filter((j) => j.status === 'done').length,
      failed: jobs.filter((j) => j.status === 'failed').length,
      fellBack: jobs.filter((j) => j.status === 'done' && j.providerLabel === 'Offline sketch')
        .length,
      costUsd: jobs.reduce((sum, j) => sum + j.costUsd, 0),
    };
  });
}
