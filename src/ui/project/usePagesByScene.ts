import { useEffect, useState } from 'react';
import { afterPaint } from '../../store/afterPaint';
import type { ProjectSnapshot } from '../../model/project';
import type { Scene } from '../../model/scene';
import type { Shot } from '../../model/shot';
import { pagesOfScene } from '../../plan/scenePages';
import type { ShotGroups } from './shotGroups';

interface Cached {
  readonly scene: Scene;
  readonly shots: readonly Shot[];
  readonly pages: number;
}

/**
 * Estimated script pages per scene id, worked out again only for scenes whose heading or shots
 * changed (a keystroke in one shot re-estimates one scene, not a feature's three hundred).
 */
class PageEstimates {
  private cache = new Map<string, Cached>();
  private last: {
    scenes: ProjectSnapshot['scenes'];
    groups: ShotGroups;
    pages: ReadonlyMap<string, number>;
  } | null = null;

  of(snapshot: ProjectSnapshot, groups: ShotGroups): ReadonlyMap<string, number> {
    if (this.last?.groups === groups && this.last.scenes === snapshot.scenes)
      return this.last.pages;
    const next = new Map<string, Cached>();
    const pages = new Map<string, number>();
    for (const scene of snapshot.scenes) {
      const shots = groups.get(scene.id) ?? [];
      const old = this.cache.get(scene.id);
      const entry =
        old && old.scene === scene && old.shots === shots
          ? old
          : { scene, shots, pages: pagesOfScene(snapshot, scene, shots) };
      next.set(scene.id, entry);
      pages.set(scene.id, entry.pages);
    }
    this.cache = next;
    this.last = { scenes: snapshot.scenes, groups, pages };
    return pages;
  }
}

const NOT_YET: ReadonlyMap<string, number> = new Map();

/**
 * Page estimates per scene id; none until the project has first been painted: estimating every
 * scene of a feature (counting and wrapping all its text) would hold its boards back, and the
 * estimates are a detail the panel can show a moment later.
 */
export function usePagesByScene(
  snapshot: ProjectSnapshot,
  groups: ShotGroups,
): ReadonlyMap<string, number> {
  const [estimates] = useState(() => new PageEstimates());
  const [painted, setPainted] = useState(false);
  useEffect(() => afterPaint(() => setPainted(true)), []);
  return painted ? estimates.of(snapshot, groups) : NOT_YET;
}
