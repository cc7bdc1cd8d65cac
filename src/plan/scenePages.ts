import type { ProjectSnapshot } from '../model/project';
// From stats.ts itself, not the script index: the index brings the FDX and PDF readers.
import { scriptStats } from '../script/stats';
import { scriptFromProject } from './scriptFromProject';

/**
 * Estimated script pages per scene, from the scene's text as the boards hold it (the script
 * engine's page rule: standard widths, 55 lines a page).
 */
export function pagesByScene(snapshot: ProjectSnapshot): Map<string, number> {
  const pages = new Map<string, number>();
  const shotsByScene = new Map<string, ProjectSnapshot['shots'][number][]>();
  for (const shot of snapshot.shots) {
    const list = shotsByScene.get(shot.sceneId) ?? [];
    list.push(shot);
    shotsByScene.set(shot.sceneId, list);
  }
  for (const scene of snapshot.scenes) {
    pages.set(scene.id, pagesOfScene(snapshot, scene, shotsByScene.get(scene.id) ?? []));
  }
  return pages;
}

/** Estimated script pages of one scene with its shots (in board order). */
export function pagesOfScene(
  snapshot: ProjectSnapshot,
  scene: ProjectSnapshot['scenes'][number],
  shots: readonly ProjectSnapshot['shots'][number][],
): number {
  const one = scriptFromProject({ ...snapshot, scenes: [scene], shots: [...shots] });
  return scriptStats(one).estimatedPages;
}
