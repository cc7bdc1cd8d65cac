import type { ProjectSnapshot } from '../model/project';
import type { ScreenplayBudget } from './screenplayBudget';
import { planScreenplayDraft, planScreenplayProject } from './screenplayJob';
import type {
  DraftPlanResult,
  ProjectPlanResult,
  ScreenplaySource,
  StageListener,
} from './screenplayJob';

/**
 * What workers/screenplay.worker.ts exposes over comlink (one handler per job kind); the client
 * (screenplayClient.ts) is typed against this. Listeners arrive as comlink proxies.
 */
export interface ScreenplayWorkerApi {
  planProject(
    source: ScreenplaySource,
    budget: ScreenplayBudget,
    withSnapshot: boolean,
    onStage: StageListener,
  ): Promise<ProjectPlanResult>;
  planDraft(
    source: ScreenplaySource,
    current: ProjectSnapshot,
    budget: ScreenplayBudget,
    onStage: StageListener,
  ): Promise<DraftPlanResult>;
}

/**
 * The worker's handlers, apart from the worker file so the same code runs in Node tests (over a
 * MessageChannel) and in the browser's worker.
 */
export function createScreenplayWorkerApi(
  transfer: <T>(value: T, transferables: Transferable[]) => T,
): ScreenplayWorkerApi {
  return {
    async planProject(source, budget, withSnapshot, onStage) {
      const result = await planScreenplayProject(source, { budget, withSnapshot, onStage });
      // The document can be megabytes: hand it over instead of copying it.
      return result.ok ? transfer(result, [result.update.buffer]) : result;
    },
    planDraft(source, current, budget, onStage) {
      return planScreenplayDraft(source, current, { budget, onStage });
    },
  };
}
