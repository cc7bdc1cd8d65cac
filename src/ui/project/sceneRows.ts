import type { ShotId } from '../../model/ids';
import type { ProjectSnapshot } from '../../model/project';
import type { Scene } from '../../model/scene';
import type { Shot } from '../../model/shot';
import { formatDuration, sumDurations } from '../../model/units';
import { pagesText, plural } from '../common/format';
import type { ShotGroups } from './shotGroups';

/** What the script panel shows of one scene. */
export interface SceneRowFacts {
  readonly scene: Scene;
  /** Picking the scene goes here; null for a scene without shots. */
  readonly firstShotId: ShotId | null;
  /** "3 shots · 0:12.0 · 1.5 pages" */
  readonly meta: string;
}

/** "3 shots · 0:12.0" per scene's shots array: only the scene typed in is counted again. */
const countsAndTimes = new WeakMap<readonly Shot[], string>();
function countAndTime(shots: readonly Shot[]): string {
  let text = countsAndTimes.get(shots);
  if (text === undefined) {
    const shown = shots.filter((s) => !s.omitted);
    const time = formatDuration(sumDurations(shown.map((s) => s.durationMs)));
    text = `${plural(shown.length, 'shot')} · ${time}`;
    countsAndTimes.set(shots, text);
  }
  return text;
}

const NO_SHOTS: readonly Shot[] = [];

/**
 * The script panel's rows, kept across snapshots: a row is the same object while its scene, first
 * shot and text are, and the list is the same array while every row is. Typing in a shot's action
 * changes none of them (unless the scene's page estimate moves), so the memoised panel skips
 * rendering its hundreds of scenes.
 */
export class SceneRowsKeeper {
  private rows: readonly SceneRowFacts[] = [];
  private byScene = new Map<string, SceneRowFacts>();

  of(
    scenes: ProjectSnapshot['scenes'],
    groups: ShotGroups,
    pagesByScene: ReadonlyMap<string, number>,
  ): readonly SceneRowFacts[] {
    let changed = scenes.length !== this.rows.length;
    const byScene = new Map<string, SceneRowFacts>();
    const rows = scenes.map((scene, i) => {
      const shots = groups.get(scene.id) ?? NO_SHOTS;
      const pages = pagesByScene.get(scene.id);
      const meta = `${countAndTime(shots)}${pages === undefined ? '' : ` · ${pagesText(pages)}`}`;
      const firstShotId = shots[0]?.id ?? null;
      const old = this.byScene.get(scene.id);
      const row =
        old && old.scene === scene && old.firstShotId === firstShotId && old.meta === meta
          ? old
          : { scene, firstShotId, meta };
      byScene.set(scene.id, row);
      if (this.rows[i] !== row) changed = true;
      return row;
    });
    this.byScene = byScene;
    if (changed) this.rows = rows;
    return this.rows;
  }
}
