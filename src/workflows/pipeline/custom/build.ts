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

type Setup = ProjectStepSetup<CustomParams>;

function stepOf(spec: PipelineStepSpec, setup: Setup): PipelineStep<CustomParams> {
  const options = spec.options;
  const make: Record<
    Exclude<StepKind, 'script' | 'breakdown' | 'plan'>,
    () => PipelineStep<CustomParams>
  > = {
    frames: () => framesStep(setup, options as unknown as FramesOptions),
    upscale: () => upscaleStep(setup, options as unknown as UpscaleOptions),
    imageToVideo: () => clipsStep(setup),
    voices: () => voicesStep(setup),
    music: () => musicStep(setup, options as unknown as MusicOptions),
    render: () => renderStep(setup, options as unknown as RenderStepOptions),
    export: () => exportStep(setup, options as unknown as ExportOptions),
  };
  if (spec.kind === 'script' || spec.kind === 'breakdown' || spec.kind === 'plan')
    throw new Error('A pipeline that writes the script starts from an idea, not a project.');
  return make[spec.kind]();
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
  const counts = new Map<string, number>();
  for (const entry of spec.steps) {
    const n = (counts.get(entry.kind) ?? 0) + 1;
    counts.set(entry.kind, n);
    const stepId = n === 1 ? entry.kind : `${entry.kind}-${n}`;
    const before = steps.at(-1);
    const step = stepOf(entry, {
      deps,
      source: namedIn<CustomParams>(),
      id: stepId,
      after: before ? [before.id] : [],
    });
    steps.push(step);
    providers[stepId] = entry.provider;
  }
  return { definition: { id: `custom:${id}`, steps }, providers };
}
