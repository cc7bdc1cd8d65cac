import { useEffect, useLayoutEffect, useRef } from 'react';
import type { ProjectId, SceneId, ShotId } from '../../model/ids';
import { navigate } from '../app/route';

/** Where a search result leads: a project, and in it a scene or a shot (null: just open it). */
export interface JumpTarget {
  readonly projectId: ProjectId;
  readonly sceneId: SceneId | null;
  readonly shotId: ShotId | null;
}

/** The jump not yet taken by its project's view (which may still be loading). */
let pending: JumpTarget | null = null;
const listeners = new Set<() => void>();

/** Opens the project (if it is not open) and asks its view to select and show the target. */
export function jumpTo(target: JumpTarget): void {
  pending = target;
  for (const listener of listeners) listener();
  navigate({ name: 'project', id: target.projectId });
}

/**
 * Calls `onJump` with every jump into `projectId`: one made before the view mounted (the
 * project was opening) and those made while it is open.
 */
export function useJumps(projectId: ProjectId, onJump: (target: JumpTarget) => void): void {
  const latest = useRef(onJump);
  useLayoutEffect(() => {
    latest.current = onJump;
  });
  useEffect(() => {
    const take = () => {
      if (pending?.projectId !== projectId) return;
      const target = pending;
      pending = null;
      latest.current(target);
    };
    take();
    listeners.add(take);
    return () => {
      listeners.delete(take);
    };
  }, [projectId]);
}
