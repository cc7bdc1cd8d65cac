import { useEffect, useState } from 'react';
import { DexieRunStore, type RunRow, type RunState } from '../../store/pipelineRuns';
import { observe } from '../../store/live';
import { useServices } from '../app/servicesContext';
import { showError } from '../app/toastStore';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { relativeTime } from '../common/format';

/** The idea pipeline's id (src/workflows/idea/steps.ts), named here so the list loads no engine. */
const IDEA_PIPELINE = 'idea';

const STATE_WORDS: Record<RunState, string> = {
  idle: 'waiting for you',
  running: 'was running',
  paused: 'paused',
  cancelled: 'cancelled',
  failed: 'stopped at a failure',
  done: 'done',
};

/** A run someone has started: typed an idea into it or made a step. */
function started(row: RunRow): boolean {
  const idea = (row.params as { idea?: unknown } | null)?.idea;
  return Object.keys(row.current).length > 0 || (typeof idea === 'string' && idea.trim() !== '');
}

/** The name of the saved pipeline a run follows, if it follows one (read, not checked). */
function pipelineName(row: RunRow): string {
  const name = (row.template as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' ? name.slice(0, 60) : '';
}

/**
 * Runs of "From an idea" kept in this browser, unfinished ones first, so a run left by a reload
 * or a closed tab is found again and resumed where it stopped.
 */
export function IdeaRuns() {
  const { repo } = useServices();
  const [runs, setRuns] = useState<readonly RunRow[]>([]);
  const [deleting, setDeleting] = useState<RunRow | null>(null);
  useEffect(() => {
    const store = new DexieRunStore(repo.db);
    return observe(
      () => store.listRuns(IDEA_PIPELINE),
      (rows) => setRuns(rows.filter(started)),
      (error) => console.warn('Could not read the idea runs', error),
    );
  }, [repo]);
  if (runs.length === 0) return null;
  const ordered = [
    ...runs.filter((r) => r.state !== 'done'),
    ...runs.filter((r) => r.state === 'done'),
  ];
  const remove = (row: RunRow) =>
    new DexieRunStore(repo.db)
      .deleteRun(row.id)
      .catch((e: unknown) => showError('Could not delete the run', e));
  return (
    <section className="idea-runs" aria-labelledby="idea-runs-title">
      <h2 id="idea-runs-title">From an idea</h2>
      <ul>
        {ordered.map((row) => (
          <li key={row.id} className="idea-run-row">
            <a href={`#/idea/${row.id}`}>
              <strong>{row.title || 'Untitled idea'}</strong>
            </a>
            <span className="muted">
              {STATE_WORDS[row.state]} · {relativeTime(row.updatedAt)}
              {pipelineName(row) ? ` · ${pipelineName(row)}` : ''}
            </span>
            <a className="button quiet" href={`#/idea/${row.id}`}>
              {row.state === 'done' ? 'Open' : 'Continue'}
            </a>
            <button
              className="button quiet danger"
              type="button"
              aria-label={`Delete the run ${row.title}`}
              onClick={() => setDeleting(row)}
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
      {deleting ? (
        <ConfirmDialog
          title={`Delete “${deleting.title || 'Untitled idea'}”?`}
          confirmLabel="Delete run"
          danger
          onConfirm={() => void remove(deleting)}
          onClose={() => setDeleting(null)}
        >
          <p>
            Its idea and every step’s result go from this browser. A project it made stays in your
            projects.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
