import { useEffect, useState, useSyncExternalStore } from 'react';
import type { IdeaPricing } from '../../workflows/idea/appDeps';
import type { IdeaParams } from '../../workflows/idea/params';
import type { RunController } from '../../workflows/pipeline/runController';
import { firstPending, progressOf, remainingEstimate } from '../../workflows/pipeline/stepViews';
import { formatUsd } from '../ai/labels';
import { usePaidCallWarning } from '../ai/usePaidCallWarning';
import { useServices } from '../app/servicesContext';
import { plural } from '../common/format';
import { templateProviders } from '../../workflows/idea/fromTemplate';
import { pipelineFileJson } from '../../workflows/pipeline/custom/pipelineFile';
import { BriefForm } from './BriefForm';
import { PipelineChoice } from './PipelineChoice';
import { CostTable } from './CostTable';
import { StepPanel } from './StepPanel';
import { RUN_STATE_LABELS, STATUS_LABELS } from './statusLabels';
import { blankOrNewRun, useIdeaRun } from './useIdeaRun';
import '../styles/idea.css';

const BRIEF = 'brief';

/** "From an idea": `#/idea/new` makes (or reuses a blank) run, `#/idea/<run>` steers one. */
export function IdeaWizard({ runId }: { readonly runId: string }) {
  return runId === 'new' ? <NewRun /> : <OpenRun key={runId} runId={runId} />;
}

function NewRun() {
  const app = useServices();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    blankOrNewRun(app).then(
      (id) => window.location.replace(`#/idea/${id}`),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [app]);
  return error ? (
    <p className="page-pad idea-error" role="alert">
      Could not start a run: {error}
    </p>
  ) : (
    <p className="muted page-pad">Starting…</p>
  );
}

function OpenRun({ runId }: { readonly runId: string }) {
  const [opened, setOpened] = useState(0);
  const run = useIdeaRun(runId, opened);
  switch (run.kind) {
    case 'loading':
      return <p className="muted page-pad">Opening the run…</p>;
    case 'missing':
      return (
        <div className="page-pad" role="alert">
          <p>This run is not in this browser (it may have been deleted).</p>
          <a className="button idea-link" href="#/idea/new">
            Start from an idea
          </a>
        </div>
      );
    case 'failed':
      return (
        <p className="page-pad idea-error" role="alert">
          Could not open the run: {run.message}
        </p>
      );
    case 'ready':
      return (
        <Wizard
          controller={run.controller}
          pricing={run.pricing}
          templated={run.templated}
          onStepsChanged={() => setOpened((n) => n + 1)}
        />
      );
  }
}

function Wizard({
  controller,
  pricing,
  templated,
  onStepsChanged,
}: {
  readonly controller: RunController<IdeaParams>;
  readonly pricing: IdeaPricing;
  readonly templated: unknown;
  /** Another pipeline was chosen: the run is opened again with its steps. */
  readonly onStepsChanged: () => void;
}) {
  const run = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  usePaidCallWarning();
  const [selected, setSelected] = useState<string>(() =>
    run.steps.some((s) => s.status !== 'todo') ? (firstPending(run.steps)?.id ?? BRIEF) : BRIEF,
  );
  const progress = progressOf(run.steps);
  const left = remainingEstimate(run.steps);

  // Follow the step that is working, so its text is seen as it arrives.
  const runningId = progress.running?.id ?? null;
  const [followed, setFollowed] = useState<string | null>(null);
  if (runningId !== followed) {
    setFollowed(runningId);
    if (runningId) setSelected(runningId);
  }

  const step = run.steps.find((s) => s.id === selected) ?? null;
  const stoppable = run.busy;
  // A finished run whose earlier step was edited since has work again.
  const state = run.state === 'done' && left.steps > 0 ? 'idle' : run.state;
  const resumable = state === 'paused' || state === 'cancelled' || state === 'failed';
  const noIdea = !run.params.idea.trim();

  return (
    <section className="idea-wizard" aria-labelledby="idea-title">
      <header className="idea-head">
        <div className="idea-title">
          <h1 id="idea-title">{run.title || 'Untitled idea'}</h1>
          <span className={`idea-run-state state-${state}`} role="status">
            {RUN_STATE_LABELS[state]} · {progress.done} of {progress.total} steps done
          </span>
        </div>
        <progress
          className="progress idea-progress"
          max={progress.total || 1}
          value={progress.done}
          aria-label="Steps done"
        />
        <div className="idea-controls">
          <button
            className="button primary"
            type="button"
            disabled={run.busy || noIdea || left.steps === 0}
            title={noIdea ? 'Write the idea first' : undefined}
            onClick={() => {
              const pending = firstPending(run.steps);
              if (pending) setSelected(pending.id);
              void controller.next();
            }}
          >
            Next step
          </button>
          <button
            className="button"
            type="button"
            disabled={run.busy || noIdea || left.steps === 0}
            onClick={() => void controller.runAll()}
          >
            {resumable ? 'Resume' : 'Run all'}
            {left.calls > 0 ? ` (${formatUsd(left.costUsd)})` : ''}
          </button>
          <button
            className="button"
            type="button"
            disabled={!stoppable}
            onClick={() => controller.pause()}
          >
            Pause
          </button>
          <button
            className="button danger"
            type="button"
            disabled={!stoppable}
            onClick={() => controller.cancel()}
          >
            Cancel
          </button>
        </div>
      </header>
      {run.interrupted.map((line) => (
        <p key={line} className="idea-notice page-pad-x" role="status">
          {line}
        </p>
      ))}
      {run.error ? (
        <p className="idea-error page-pad-x" role="alert">
          {run.error}
        </p>
      ) : null}
      <div className="idea-body">
        <nav className="idea-rail" aria-label="Steps">
          <ol>
            <li>
              <RailButton
                label="Idea and brief"
                detail={noIdea ? 'Start here' : 'Written'}
                status={noIdea ? 'todo' : 'done'}
                current={selected === BRIEF}
                onSelect={() => setSelected(BRIEF)}
              />
            </li>
            {run.steps.map((s) => (
              <li key={s.id}>
                <RailButton
                  label={s.label}
                  detail={
                    s.status === 'done'
                      ? STATUS_LABELS.done
                      : `${STATUS_LABELS[s.status]} · ${formatUsd(s.estimate.costUsd)}`
                  }
                  status={s.status}
                  current={selected === s.id}
                  onSelect={() => setSelected(s.id)}
                />
              </li>
            ))}
          </ol>
          <p className="muted idea-rail-total">
            Left: {plural(left.calls, 'call')}, {formatUsd(left.costUsd)}
          </p>
        </nav>
        <div className="idea-detail">
          {step ? (
            <StepPanel
              step={step}
              run={run}
              controller={controller}
              options={pricing.options}
              onSelect={setSelected}
            />
          ) : (
            <section className="idea-step" aria-labelledby="idea-brief-title">
              <h2 id="idea-brief-title">Idea and brief</h2>
              <BriefForm
                params={run.params}
                readOnly={run.busy}
                onSave={(params, title) => void controller.setParams(params, title)}
              />
              <PipelineChoice
                templated={templated}
                options={pricing.options}
                disabled={run.busy || run.steps.some((s) => s.status !== 'todo')}
                onChoose={(spec) =>
                  void controller
                    .setTemplate(
                      spec ? JSON.parse(pipelineFileJson(spec)) : null,
                      spec ? templateProviders(spec) : {},
                    )
                    .then((ok) => ok && onStepsChanged())
                }
              />
              <CostTable
                steps={run.steps}
                capabilityOf={(id) => controller.capabilityOf(id)}
                options={pricing.options}
                onProvider={(id, choice) => void controller.setProvider(id, choice)}
                disabled={run.busy}
              />
              <p className="muted">
                Without a text provider every step runs on this device: an outline and a script
                skeleton from your idea, for you to rewrite. Add one in Settings to have them
                written for you.
              </p>
            </section>
          )}
        </div>
      </div>
    </section>
  );
}

function RailButton({
  label,
  detail,
  status,
  current,
  onSelect,
}: {
  readonly label: string;
  readonly detail: string;
  readonly status: string;
  readonly current: boolean;
  readonly onSelect: () => void;
}) {
  return (
    <button
      type="button"
      className={`idea-rail-item status-${status}`}
      aria-current={current ? 'step' : undefined}
      onClick={onSelect}
    >
      <span className="idea-rail-dot" aria-hidden="true" />
      <span className="idea-rail-text">
        <strong>{label}</strong>
        <span className="muted">{detail}</span>
      </span>
    </button>
  );
}
