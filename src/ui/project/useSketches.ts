import { useSyncExternalStore } from 'react';
import type { SketchProgress, SketchScheduler } from '../../ai/sketchScheduler';

export function useSketchProgress(scheduler: SketchScheduler): SketchProgress {
  return useSyncExternalStore(scheduler.subscribe, scheduler.getProgress);
}
