import type { SceneId, ShotId } from './ids';
import type { ProjectSnapshot } from './project';

export interface ShotPlace {
  readonly sceneId: SceneId;
  /** Index among the scene's other shots (the moving shot left out). */
  readonly index: number;
}

/**
 * Where a shot goes when nudged one step earlier (-1) or later (+1) with the keyboard: within
 * its scene first; from a scene's first or last place into the neighbouring scene's end or
 * start. Null when there is nowhere to go.
 */
export function nudgeTarget(
  snapshot: ProjectSnapshot,
  shotId: ShotId,
  direction: -1 | 1,
): ShotPlace | null {
  const shot = snapshot.shots.find((s) => s.id === shotId);
  if (!shot) return null;
  const siblings = snapshot.shots.filter((s) => s.sceneId === shot.sceneId);
  const position = siblings.findIndex((s) => s.id === shotId);
  const next = position + direction;
  if (next >= 0 && next < siblings.length) return { sceneId: shot.sceneId, index: next };
  const sceneIndex = snapshot.scenes.findIndex((s) => s.id === shot.sceneId);
  const neighbour = snapshot.scenes[sceneIndex + direction];
  if (sceneIndex < 0 || !neighbour) return null;
  const neighbourCount = snapshot.shots.filter((s) => s.sceneId === neighbour.id).length;
  return { sceneId: neighbour.id, index: direction === -1 ? neighbourCount : 0 };
}

/**
 * Where a shot dropped onto another lands: before or after the target, counted among the target
 * scene's shots without the moving one.
 */
export function dropTarget(
  snapshot: ProjectSnapshot,
  movingId: ShotId,
  targetId: ShotId,
  side: 'before' | 'after',
): ShotPlace | null {
  const target = snapshot.shots.find((s) => s.id === targetId);
  if (!target || movingId === targetId) return null;
  const others = snapshot.shots.filter((s) => s.sceneId === target.sceneId && s.id !== movingId);
  const at = others.findIndex((s) => s.id === targetId);
  return { sceneId: target.sceneId, index: side === 'before' ? at : at + 1 };
}
