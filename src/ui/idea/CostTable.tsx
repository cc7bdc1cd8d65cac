import type { ModelTask } from '../../ai/providers/types';
import type { ProviderOptions } from '../../workflows/idea/appDeps';
import { remainingEstimate } from '../../workflows/pipeline/stepViews';
import type { ProviderChoice, StepView } from '../../workflows/pipeline/types';
import { formatUsd } from '../ai/labels';
import { plural } from '../common/format';

interface Props {
  readonly steps: readonly StepView[];
  readonly capabilityOf: (stepId: string) => ModelTask | 'none';
  readonly options: ProviderOptions;
  readonly onProvider: (stepId: string, choice: ProviderChoice) => void;
  readonly disabled: boolean;
}

/**
 * Before a run: every step with the calls it would make, who would answer and the estimated
 * cost (0 for a step whose result is already there), and the total of what is left.
 */
export function CostTable({ steps, capabilityOf, options, onProvider, disabled }: Props) {
  const left = remainingEstimate(steps);
  return (
    <table className="idea-costs">
      <caption>
        Cost before you run: {plural(left.calls, 'call')} to providers, estimated{' '}
        <strong>{formatUsd(left.costUsd)}</strong>
      </caption>
      <thead>
        <tr>
          <th scope="col">Step</th>
          <th scope="col">Provider</th>
          <th scope="col">Answers</th>
          <th scope="col" className="num">
            Calls
          </th>
          <th scope="col" className="num">
            Estimate
          </th>
        </tr>
      </thead>
      <tbody>
        {steps.map((step) => (
          <tr key={step.id}>
            <th scope="row">{step.label}</th>
            <td>
              <ProviderSelect
                step={step}
                capability={capabilityOf(step.id)}
                options={options}
                onProvider={onProvider}
                disabled={disabled}
              />
            </td>
            <td className="muted">{step.estimate.providerLabel}</td>
            <td className="num">{step.estimate.calls}</td>
            <td className="num">{formatUsd(step.estimate.costUsd)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={3}>
            Total for the {plural(left.steps, 'step')} left
          </th>
          <td className="num">{left.calls}</td>
          <td className="num">{formatUsd(left.costUsd)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

/** Auto / Offline / a provider set up for what the step does; a local step has no choice. */
export function ProviderSelect({
  step,
  capability,
  options,
  onProvider,
  disabled,
}: {
  readonly step: StepView;
  readonly capability: ModelTask | 'none';
  readonly options: ProviderOptions;
  readonly onProvider: (stepId: string, choice: ProviderChoice) => void;
  readonly disabled: boolean;
}) {
  if (capability === 'none') return <span className="muted">This device</span>;
  const choices = options[capability] ?? [];
  const known = choices.some((o) => o.value === step.provider);
  return (
    <select
      aria-label={`Provider for ${step.label}`}
      value={step.provider}
      disabled={disabled}
      onChange={(e) => onProvider(step.id, e.target.value)}
    >
      {choices.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
      {known ? null : <option value={step.provider}>Removed provider</option>}
    </select>
  );
}
