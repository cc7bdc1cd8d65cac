import { AUTO, type ProviderChoice } from '../types';
import { CATALOG, defaultOptions, type StepKind } from './catalog';
import type { PipelineSpec, PipelineStepSpec } from './pipelineFile';

/** What the composer does to a pipeline: each returns a new one (the old is never changed). */

export const STARTER: PipelineSpec = {
  name: 'Frames and render',
  description: '',
  steps: [
    { kind: 'frames', provider: AUTO, options: defaultOptions('frames') },
    { kind: 'render', provider: AUTO, options: defaultOptions('render') },
  ],
};

/** Adds a step where the catalog's order puts it (after the steps of its rank or lower). */
export function addStep(spec: PipelineSpec, kind: StepKind): PipelineSpec {
  const step: PipelineStepSpec = { kind, provider: AUTO, options: defaultOptions(kind) };
  const rank = CATALOG[kind].rank;
  const at = spec.steps.findIndex((s) => CATALOG[s.kind].rank > rank);
  const steps = [...spec.steps];
  steps.splice(at < 0 ? steps.length : at, 0, step);
  return { ...spec, steps };
}

export function removeStep(spec: PipelineSpec, index: number): PipelineSpec {
  return { ...spec, steps: spec.steps.filter((_, i) => i !== index) };
}

/** Moves a step up (-1) or down (+1); the check then says if the new order is not allowed. */
export function moveStep(spec: PipelineSpec, index: number, delta: -1 | 1): PipelineSpec {
  const to = index + delta;
  if (to < 0 || to >= spec.steps.length) return spec;
  const steps = [...spec.steps];
  const [step] = steps.splice(index, 1);
  if (step) steps.splice(to, 0, step);
  return { ...spec, steps };
}

export function setStep(
  spec: PipelineSpec,
  index: number,
  patch: { provider?: ProviderChoice; options?: Record<string, unknown> },
): PipelineSpec {
  return {
    ...spec,
    steps: spec.steps.map((s, i) =>
      i === index
        ? {
            ...s,
            ...(patch.provider !== undefined ? { provider: patch.provider } : {}),
            ...(patch.options ? { options: { ...s.options, ...patch.options } } : {}),
          }
        : s,
    ),
  };
}

/** Kinds the composer still offers to add (repeatable ones always). */
export function addableKinds(spec: PipelineSpec): StepKind[] {
  const present = new Set(spec.steps.map((s) => s.kind));
  return (Object.keys(CATALOG) as StepKind[]).filter(
    (k) => CATALOG[k].repeatable || !present.has(k),
  );
}
