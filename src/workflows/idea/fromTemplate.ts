import { isProjectStepKind, projectStepOf, stepIdsOf } from '../pipeline/custom/build';
import type { StepKind } from '../pipeline/custom/catalog';
import { startsFromIdea, type PipelineSpec } from '../pipeline/custom/pipelineFile';
import { madeBy } from '../pipeline/steps/projectStep';
import type { PipelineDefinition, PipelineStep, ProviderChoice } from '../pipeline/types';
import type { IdeaParams } from './params';
import { guessedShots, IDEA_PIPELINE, ideaTextSteps, type IdeaDeps } from './steps';

/**
 * "From an idea" with a saved pipeline instead of the default steps. A template's text steps
 * stand for steps of the idea pipeline: Script for the outline and the script, Breakdown for the
 * character bible, Shot plan for the plan and the project it makes (the script's scenes and
 * shots are read whenever there is a plan: that costs nothing). Steps the template leaves out are
 * not run; each step gets the provider the template chose. The steps after the plan are the
 * catalog's project steps, on the project the run made, each after the one before it.
 */

/** The idea pipeline's steps a template's text step stands for, in order. */
const TEXT_STEPS: Readonly<Record<'script' | 'breakdown' | 'plan', readonly string[]>> = {
  script: ['outline', 'script'],
  breakdown: ['bible'],
  plan: ['plan', 'project'],
};

/** Each step id of the run a template makes, with the provider the template chose for it. */
export function templateProviders(spec: Pick<PipelineSpec, 'steps'>): Record<string, string> {
  const ids = stepIdsOf(spec);
  const providers: Record<string, ProviderChoice> = {};
  spec.steps.forEach((entry, i) => {
    const kind: StepKind = entry.kind;
    const stepIds = isProjectStepKind(kind) ? [ids[i] ?? kind] : TEXT_STEPS[kind];
    for (const id of stepIds) providers[id] = entry.provider;
  });
  return providers;
}

/** The run's definition for a checked template that starts from an idea. */
export function ideaPipelineFrom(
  deps: IdeaDeps,
  spec: Pick<PipelineSpec, 'name' | 'steps'>,
): PipelineDefinition<IdeaParams> {
  if (!startsFromIdea(spec))
    throw new Error(
      `“${spec.name}” works on an open project: run it from the project’s Pipelines dialog.`,
    );
  const kinds = new Set(spec.steps.map((s) => s.kind));
  const text = ideaTextSteps(deps);
  const steps: PipelineStep<IdeaParams>[] = [text.outline, text.script];
  if (kinds.has('breakdown') || kinds.has('plan')) steps.push(text.breakdown);
  if (kinds.has('breakdown')) steps.push(text.bible);
  if (kinds.has('plan')) steps.push(text.plan(kinds.has('breakdown')), text.project);

  const ids = stepIdsOf(spec);
  spec.steps.forEach((entry, i) => {
    if (!isProjectStepKind(entry.kind)) return;
    if (!deps.animatic)
      throw new Error(`“${spec.name}” works on the project it makes: this run cannot open one.`);
    const before = steps.at(-1);
    steps.push(
      projectStepOf(
        { ...entry, kind: entry.kind },
        {
          deps: deps.animatic,
          source: madeBy<IdeaParams>('project', 'plan', guessedShots),
          id: ids[i] ?? entry.kind,
          after: before ? [before.id] : [],
        },
      ),
    );
  });
  return { id: IDEA_PIPELINE, steps };
}
