import { appProjectStepDeps } from '../../workflows/pipeline/appSteps';
import type { ProjectStepDeps } from '../../workflows/pipeline/steps/projectStep';
import { videoJobKeeper } from '../ai/animateJobs';
import { aiServiceFor } from '../ai/useAi';
import { getActiveProject } from '../app/activeSession';
import type { Services } from '../app/services';
import { measureAudio } from '../timeline/decodeAudio';

const made = new WeakMap<Services, ProjectStepDeps>();

/** The project steps' dependencies for this app (one set per services object). */
export function stepDepsFor(app: Services): ProjectStepDeps {
  let deps = made.get(app);
  if (!deps) {
    deps = appProjectStepDeps({
      ai: aiServiceFor(app),
      repo: app.repo,
      assets: app.assets,
      sketch: app.sketch,
      measureAudio: (bytes) => measureAudio(bytes.slice().buffer),
      videoJobs: videoJobKeeper,
      active: getActiveProject,
    });
    made.set(app, deps);
  }
  return deps;
}
