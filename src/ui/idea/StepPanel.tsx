import { useState } from 'react';
import type { ProviderOptions } from '../../workflows/idea/appDeps';
import { handStart } from '../../workflows/idea/editOutputs';
import type { IdeaParams } from '../../workflows/idea/params';
import type { RunController, RunSnapshot } from '../../workflows/pipeline/runController';
import { canRunStep, stepAfter } from '../../workflows/pipeline/stepViews';
import { forgetSheet } from '../../workflows/pipeline/steps/sheets';
import type { StepView } from '../../workflows/pipeline/types';
import { formatUsd } from '../ai/labels';
import { useServices } from '../app/servicesContext';
import { plural } from '../common/format';
import { stepDepsFor } from '../pipelines/appStepDeps';
import { ProviderSelect } from './CostTable';
import { StepResult } from './StepResult';
import { STATUS_LABELS } from './statusLabels';

interface Props {
  readonly step: StepView;
  readonly run: RunSnapshot<IdeaParams>;
  readonly controller: RunController<IdeaParams>;
  readonly options: ProviderOptions;
  /** Shows another step (the one an action is about to make). */
  readonly onSelect: (stepId: string) => void;
}

/** One step: its status, provider and estimate, its result to edit, and what can be done next. */
export function StepPanel({ step, run, controller, options, onSelect }: Props) {
  const capability = controller.capabilityOf(step.id);
  const next = stepAfter(run.steps, step.id);
  const busy = run.busy;
  const hasOutput = step.output !== null && step.output !== undefined;
  const headingId = `idea-step-${step.id}`;
  const app = useServices();
  const [trouble, setTrouble] = useState<string | null>(null);
  const hand = step.error
    ? handStart(
        step.id,
        run.params,
        Object.fromEntries(run.steps.map((s) => [s.id, s.output] as const)),
      )
    : null;
  return (
    <section className="idea-step" aria-labelledby={headingId}>
      <header className="idea-step-head">
        <h2 id={headingId}>{step.label}</h2>
        <span className={`idea-status status-${step.status}`}>
          {STATUS_LABELS[step.status]}
          {step.edited ? ' · edited by hand' : ''}
        </span>
        <span className="idea-step-provider">
          <ProviderSelect
            step={step}
            capability={capability}
            options={options}
            onProvider={(id, choice) => void controller.setProvider(id, choice)}
            disabled={busy}
          />
        </span>
        <span className="muted">
          {step.status === 'done'
            ? 'nothing to pay'
            : `${plural(step.estimate.calls, 'call')} · ${step.estimate.providerLabel} · ${formatUsd(step.estimate.costUsd)}`}
        </span>
      </header>

      {step.status === 'stale' ? (
        <div className="idea-notice" role="status">
          <p>
            Something before this step changed since it was made.{' '}
            {projectTitle(step.output) !== null
              ? `Updating makes a new project; “${projectTitle(step.output)}” stays as it is.`
              : step.edited
                ? 'Updating replaces your edits; keep them if they still fit.'
                : 'Update it, or keep it as it is.'}
          </p>
          <button
            className="button"
            type="button"
            disabled={busy}
            onClick={() => void controller.runTo(step.id)}
          >
            Update {step.label.toLowerCase()}
          </button>
          <button
            className="button"
            type="button"
            disabled={busy || !canRunStep(run.steps, step.id)}
            title={
              canRunStep(run.steps, step.id) ? undefined : 'Bring the steps before it up to date'
            }
            onClick={() => void controller.keep(step.id)}
          >
            Keep this {step.label.toLowerCase()}
          </button>
        </div>
      ) : null}

      {step.error ? (
        <div className="idea-error" role="alert">
          <p>
            <strong>{step.label} failed:</strong> {step.error.message}
          </p>
          {step.error.raw !== null ? (
            <details open>
              <summary>What the model answered</summary>
              <pre className="idea-raw">{step.error.raw}</pre>
            </details>
          ) : null}
          <button
            className="button primary"
            type="button"
            disabled={busy}
            onClick={() => void controller.runTo(step.id)}
          >
            Retry
          </button>
          {hand !== null && canRunStep(run.steps, step.id) ? (
            <button
              className="button"
              type="button"
              disabled={busy}
              onClick={() => void controller.edit(step.id, hand)}
            >
              Write it by hand
            </button>
          ) : null}
        </div>
      ) : null}

      {trouble ? (
        <p className="idea-error" role="alert">
          {trouble}
        </p>
      ) : null}

      {step.status === 'running' ? (
        <div className="idea-streaming">
          <p className="muted" role="status">
            Writing {step.label.toLowerCase()}…
          </p>
          {step.partial ? (
            <pre className="idea-raw" aria-live="polite" aria-label={`${step.label} so far`}>
              {step.partial}
            </pre>
          ) : null}
        </div>
      ) : hasOutput ? (
        <StepResult
          step={step}
          readOnly={busy}
          onEdit={(output) => void controller.edit(step.id, output)}
          onRedrawSheet={(projectId, characterId) => {
            setTrouble(null);
            // The old sheet is forgotten in the project, then the step draws what is missing.
            forgetSheet(stepDepsFor(app), projectId, characterId).then(
              () => void controller.regenerate(step.id),
              (error: unknown) =>
                setTrouble(
                  `The sheet could not be redrawn: ${error instanceof Error ? error.message : String(error)}`,
                ),
            );
          }}
        />
      ) : step.status === 'todo' ? (
        <p className="muted">Not made yet.</p>
      ) : null}

      <footer className="idea-step-actions">
        {step.status === 'todo' || (step.status === 'failed' && !step.error) ? (
          <button
            className="button primary"
            type="button"
            disabled={busy}
            onClick={() => void controller.runTo(step.id)}
          >
            Make {step.label.toLowerCase()}
          </button>
        ) : null}
        {step.status === 'done' && next && next.status !== 'done' ? (
          <button
            className="button primary"
            type="button"
            disabled={busy}
            onClick={() => {
              onSelect(next.id);
              void controller.runTo(next.id);
            }}
          >
            Accept and make {next.label.toLowerCase()}
          </button>
        ) : null}
        {/* Sheets are redrawn one by one on their cards: the step as a whole draws only missing ones. */}
        {hasOutput && capability !== 'none' && step.status !== 'running' && step.id !== 'sheets' ? (
          <button
            className="button"
            type="button"
            disabled={busy}
            onClick={() => void controller.regenerate(step.id)}
          >
            Regenerate
          </button>
        ) : null}
      </footer>
    </section>
  );
}

/** The title of the project a step made, or null when its result is not a made project. */
function projectTitle(output: unknown): string | null {
  const made = output as { projectId?: unknown; title?: unknown } | null;
  return typeof made?.projectId === 'string' ? String(made.title ?? '') : null;
}
