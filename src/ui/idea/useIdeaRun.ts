import { useEffect, useState } from 'react';
import type { ProjectSnapshot } from '../../model/project';
import { DexieRunStore } from '../../store/pipelineRuns';
import {
  ideaDepsFor,
  loadIdeaPricing,
  type IdeaAi,
  type IdeaPricing,
} from '../../workflows/idea/appDeps';
import { defaultParams, titleOf, type IdeaParams } from '../../workflows/idea/params';
import { ideaPipelineFrom } from '../../workflows/idea/fromTemplate';
import { IDEA_PIPELINE, ideaPipeline } from '../../workflows/idea/steps';
import { checkPipeline, type PipelineSpec } from '../../workflows/pipeline/custom/pipelineFile';
import { PipelineEngine, type EngineDeps } from '../../workflows/pipeline/engine';
import { RunController } from '../../workflows/pipeline/runController';
import type { Pricer } from '../../workflows/pipeline/types';
import { aiServiceFor } from '../ai/useAi';
import { stepDepsFor } from '../pipelines/appStepDeps';
import type { Services } from '../app/services';
import { useServices } from '../app/servicesContext';

export const IDEA_PIPELINE_ID = IDEA_PIPELINE;

export type IdeaRun =
  | { readonly kind: 'loading' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'failed'; readonly message: string }
  | {
      readonly kind: 'ready';
      readonly controller: RunController<IdeaParams>;
      readonly pricing: IdeaPricing;
      /** The saved pipeline the run follows (its file's JSON); undefined: the default steps. */
      readonly templated: unknown;
    };

/**
 * The engine's parts for this app: the runs table, the idea pipeline (its default steps, or
 * those of the saved pipeline the run follows) over the person's providers and the repository,
 * and a price that follows Settings (`pricing.current` is swapped when the providers or the
 * price table change; the engine asks it on every view).
 */
function engineDeps(
  app: Services,
  runId: string,
  pricer: { current: Pricer },
  template: unknown = undefined,
) {
  const ai: IdeaAi = aiServiceFor(app);
  const deps = {
    ...ideaDepsFor(ai, (snapshot: ProjectSnapshot) => app.repo.create(snapshot), `idea:${runId}`),
    // Frames, voices and the rendered animatic, in the project the run made.
    animatic: stepDepsFor(app),
  };
  const definition =
    template === undefined ? ideaPipeline(deps) : ideaPipelineFrom(deps, templateSpec(template));
  const engineDeps: EngineDeps<IdeaParams> = {
    store: new DexieRunStore(app.repo.db),
    definition,
    price: (plan, choice) => pricer.current(plan, choice),
  };
  return { ai, deps: engineDeps };
}

/**
 * A run's saved pipeline, checked again as a file (its steps and options; the providers the run
 * uses are its own, kept per step). One that no longer reads says why instead of running.
 */
function templateSpec(template: unknown): PipelineSpec {
  const checked = checkPipeline(template, () => []);
  if (!checked.ok)
    throw new Error(
      `its pipeline no longer reads: ${checked.errors.map((e) => `${e.where} ${e.message}`).join('; ')}`,
    );
  return checked.spec;
}

/**
 * Opens a stored run for the wizard; leaving the wizard pauses a step under way. A new `opened`
 * opens it again (its steps changed: another saved pipeline was chosen).
 */
export function useIdeaRun(runId: string, opened = 0): IdeaRun {
  const app = useServices();
  const [run, setRun] = useState<IdeaRun>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    let controller: RunController<IdeaParams> | null = null;
    let stopWatching = () => {};
    const pricer: { current: Pricer } = {
      current: () => ({ calls: 0, costUsd: 0, providerLabel: '…' }),
    };
    void (async () => {
      try {
        const row = await new DexieRunStore(app.repo.db).getRun(runId);
        const { ai, deps } = engineDeps(app, runId, pricer, row?.template);
        const engine = await PipelineEngine.open(deps, runId);
        if (!live) return;
        if (!engine) return setRun({ kind: 'missing' });
        controller = new RunController(engine, deps.definition);
        const c = controller;
        const pricing = await loadIdeaPricing(ai);
        pricer.current = pricing.price;
        await c.refresh();
        if (!live) return;
        setRun({ kind: 'ready', controller: c, pricing, templated: row?.template });
        // Providers or prices changed in Settings: estimates and choices follow.
        stopWatching = ai.watchSettings(() => {
          void loadIdeaPricing(ai).then((next) => {
            if (!live) return;
            pricer.current = next.price;
            setRun({ kind: 'ready', controller: c, pricing: next, templated: row?.template });
            void c.refresh();
          });
        });
      } catch (error) {
        if (live) setRun({ kind: 'failed', message: messageOf(error) });
      }
    })();
    return () => {
      live = false;
      stopWatching();
      controller?.pause();
      controller?.dispose();
    };
  }, [app, runId, opened]);
  return run;
}

/** Only one new run is made at a time (React runs effects twice in development). */
let making: Promise<string> | null = null;

/**
 * The run "From an idea" opens: the newest one nobody has typed an idea into yet, else a new
 * one. So clicking the button twice, or leaving and coming back, leaves no pile of blank runs.
 */
export function blankOrNewRun(app: Services): Promise<string> {
  making ??= (async () => {
    const store = new DexieRunStore(app.repo.db);
    const blank = (await store.listRuns(IDEA_PIPELINE_ID)).find(
      (r) => Object.keys(r.current).length === 0 && !(r.params as IdeaParams | null)?.idea?.trim(),
    );
    if (blank) return blank.id;
    const params = defaultParams('');
    const { deps } = engineDeps(app, 'new', {
      current: () => ({ calls: 0, costUsd: 0, providerLabel: '' }),
    });
    const engine = await PipelineEngine.create(deps, {
      id: crypto.randomUUID(),
      title: titleOf(params),
      params,
    });
    return engine.id;
  })().finally(() => {
    making = null;
  });
  return making;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
