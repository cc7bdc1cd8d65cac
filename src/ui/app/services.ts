import { sketchFrame } from '../../ai/sketch/sketchClient';
import type { SketchFn } from '../../ai/sketchScheduler';
import { createAssetStore, openDb, ProjectRepository, type AssetStore } from '../../store';

/**
 * The app's long-lived collaborators, made once. Components reach them through `useServices`
 * (context) so tests or a future second backend can hand in others.
 */
export interface Services {
  readonly repo: ProjectRepository;
  readonly assets: AssetStore;
  readonly sketch: SketchFn;
}

export function createBrowserServices(): Services {
  const db = openDb();
  return { repo: new ProjectRepository(db), assets: createAssetStore(db), sketch: sketchFrame };
}
