import type { QueueRunner } from '../../ai/frames/queueRunner';
import type { QueueView } from '../../store/generationQueue';
import { showError } from '../app/toastStore';
import { plural } from '../common/format';
import { batchProgress, type BatchProgress } from './jobState';
import { formatUsd } from './labels';
import { useAi } from './useAi';

function describe(batch: BatchProgress): string {
  const finished = batch.done + batch.failed;
  const parts = [`${finished} of ${batch.total} frames`];
  if (batch.failed > 0) parts.push(`${batch.failed} failed`);
  if (batch.fellBack > 0) parts.push(`${plural(batch.fellBack, 'shot')} kept the sketch`);
  parts.push(`${formatUsd(batch.costUsd)} so far`);
  return parts.join(' · ');
}

/**
 * The frame queue of this project, bottom right: progress, cost so far, pause, continue, cancel.
 * Shows while a batch is open and until finished ones are cleared.
 */
export function QueuePanel({
  runner,
  view,
  projectId,
}: {
  readonly runner: QueueRunner | null;
  readonly view: QueueView;
  readonly projectId: string;
}) {
  const ai = useAi();
  const batches = batchProgress(view).filter((b) => b.total > 1 || b.state !== 'done');
  if (batches.length === 0 || !runner) return null;
  const act = (work: Promise<void>) =>
    void work.catch((e: unknown) => showError('The frame queue could not do that', e));
  const finished = batches.filter((b) => b.state === 'done' || b.state === 'cancelled');
  return (
    <aside className="ai-queue panel" aria-label="Frame generation">
      <ul>
        {batches.map((b) => (
          <li key={b.id}>
            <div className="ai-queue-line">
              <strong>{b.label}</strong>
              <span className="muted">
                {b.state === 'paused'
                  ? 'paused'
                  : b.state === 'cancelled'
                    ? 'cancelled'
                    : b.state === 'done'
                      ? 'finished'
                      : 'generating'}
              </span>
            </div>
            <progress
              className="progress"
              max={Math.max(1, b.total)}
              value={b.done + b.failed}
              aria-label={`${b.label} progress`}
            />
            <p className="muted ai-queue-numbers">{describe(b)}</p>
            {b.state === 'running' || b.state === 'paused' ? (
              <div className="ai-row-actions">
                {b.state === 'running' ? (
                  <button
                    type="button"
                    className="button quiet"
                    onClick={() => act(runner.pause(b.id))}
                  >
                    Pause generation
                  </button>
                ) : (
                  <button
                    type="button"
                    className="button quiet"
                    onClick={() => act(runner.resume(b.id))}
                  >
                    Continue generation
                  </button>
                )}
                <button
                  type="button"
                  className="button quiet danger"
                  onClick={() => act(runner.cancel(b.id))}
                >
                  Cancel generation
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {finished.length > 0 ? (
        <button
          type="button"
          className="button quiet"
          onClick={() => act(ai.queue.clearFinished(projectId))}
        >
          Clear finished
        </button>
      ) : null}
    </aside>
  );
}
