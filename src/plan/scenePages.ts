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
  for (const scene of snapshot.scenes) {
    const one = scriptFromProject({ ...snapshot, scenes: [scene] });
    pages.set(scene.id, scriptStats(one).estimatedPages);
  }
  return pages;
}
