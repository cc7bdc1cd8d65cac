import type { RunState } from '../../store/pipelineRuns';
import type { StepStatus } from '../../workflows/pipeline/types';

export const STATUS_LABELS: Record<StepStatus, string> = {
  todo: 'Not made yet',
  running: 'Working…',
  done: 'Done',
  stale: 'Stale',
  failed: 'Failed',
};

export const RUN_STATE_LABELS: Record<RunState, string> = {
  idle: 'Ready',
  running: 'Running',
  paused: 'Paused',
  cancelled: 'Cancelled',
  failed: 'Stopped at a failure',
  done: 'Done',
};
