import { clipsStep } from '../steps/clips';
import { exportStep, type ExportOptions } from '../steps/exportFile';
import { framesStep, type FramesOptions } from '../steps/frames';
import { musicStep, type MusicOptions } from '../steps/music';
import { namedIn, type ProjectStepDeps, type ProjectStepSetup } from '../steps/projectStep';
import { renderStep, type RenderStepOptions } from '../steps/render';
import { upscaleStep, type UpscaleOptions } from '../steps/upscale';
import { voicesStep } from '../steps/voices';
import type { PipelineDefinition, PipelineStep, ProviderChoice } from '../types';
import type { StepKind } from './catalog';
import { startsFromIdea, type PipelineSpec, type PipelineStepSpec } from './pipelineFile';

/** A custom pipeline's run works on one project: the one open when it was started. */
export interface CustomParams {
  readonly projectId: string;
}

export interface CustomPipeline {
  readonly definition: PipelineDefinition<CustomParams>;
  /** The provider chosen for each step, by step id (the run starts with these). */
  readonly providers: Readonly<Record<string, ProviderChoice>>;
}

/** The kinds that act on a project (every kind but the text steps that make one). */
export type ProjectStepKind = Exclude<StepKind, 'script' | 'breakdown' | 'plan'>;

export function isProjectStepKind(kind: StepKind): kind is ProjectStepKind {
  return kind !== 'script' && kind !== 'breakdown' && kind !== 'plan';
}

/** The step a catalog entry stands for, on the project `setup` names. */
export function projectStepOf<P>(
  spec: PipelineStepSpec & { readonly kind: ProjectStepKind },
  setup: ProjectStepSetup<P>,
): PipelineStep<P> {
  const options = spec.options;
  const make: Record<ProjectStepKind, () => PipelineStep<P>> = {
    frames: () => framesStep(setup, options as unknown as FramesOptions),
    upscale: () => upscaleStep(setup, options as unknown as UpscaleOptions),
    imageToVideo: () => clipsStep(setup),
    voices: () => voicesStep(setup),
    music: () => musicStep(setup, options as unknown as MusicOptions),
    render: () => renderStep(setup, options as unknown as RenderStepOptions),
    export: () => exportStep(setup, options as unknown as ExportOptions),
  };
  return make[spec.kind]();
}

/** Step ids are the kinds, numbered when a kind repeats (export, export-2). */
export function stepIdsOf(spec: Pick<PipelineSpec, 'steps'>): string[] {
  const counts = new Map<string, number>();
  return spec.steps.map((entry) => {
    const n = (counts.get(entry.kind) ?? 0) + 1;
    counts.set(entry.kind, n);
    return n === 1 ? entry.kind : `${entry.kind}-${n}`;
  });
}

/**
 * The engine's definition of a checked pipeline run on a project: one step per entry, each after
 * the one before it (so a step runs on what the previous one left). Step ids are the kinds,
 * numbered when a kind repeats (export, export-2).
 */
export function customPipeline(
  id: string,
  spec: PipelineSpec,
  deps: ProjectStepDeps,
): CustomPipeline {
  if (startsFromIdea(spec))
    throw new Error(`“${spec.name}” writes a script: it starts from an idea, not an open project.`);
  const steps: PipelineStep<CustomParams>[] = [];
  const providers: Record<string, ProviderChoice> = {};
  const ids = stepIdsOf(spec);
  spec.steps.forEach((entry, i) => {
    const stepId = ids[i] ?? entry.kind;
    if (!isProjectStepKind(entry.kind))
      throw new Error('A pipeline that writes the script starts from an idea, not a project.');
    const before = steps.at(-1);
    steps.push(
      projectStepOf(
        { ...entry, kind: entry.kind },
        {
          deps,
          source: namedIn<CustomParams>(),
          id: stepId,
          after: before ? [before.id] : [],
        },
      ),
    );
    providers[stepId] = entry.provider;
  });
  return { definition: { id: `custom:${id}`, steps }, providers };
}
