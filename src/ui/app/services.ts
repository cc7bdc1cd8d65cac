import { sketchFrame } from '../../ai/sketch/sketchClient';
import type { SketchFn } from '../../ai/sketchScheduler';
import {
  createAssetStore,
  openDb,
  ProjectRecovery,
  ProjectRepository,
  type AssetStore,
} from '../../store';

/**
 * The app's long-lived collaborators, made once. Components reach them through `useServices`
 * (context) so tests or a future second backend can hand in others.
 */
export interface Services {
  readonly repo: ProjectRepository;
  readonly assets: AssetStore;
  readonly sketch: SketchFn;
  /** The ways out for a project that fails to open or display (last good state, raw log). */
  readonly recovery: ProjectRecovery;
}

export function createBrowserServices(): Services {
  const db = openDb();
  // Opening IndexedDB takes a while; begun now, it overlaps loading the first view's code. A
  // failure is left to the first query, which reports it where it is shown.
  db.open().catch(() => undefined);
  return {
    repo: new ProjectRepository(db),
    assets: createAssetStore(db),
    sketch: sketchFrame,
    recovery: new ProjectRecovery(db),
  };
}
