import type { ShotId } from '../../model/ids';
import type { ProjectSnapshot } from '../../model/project';
import type { Shot } from '../../model/shot';

/** Each scene's shots in board order, by scene id. */
export type ShotGroups = ReadonlyMap<string, readonly Shot[]>;

const NONE: readonly Shot[] = [];

/**
 * Groups the snapshot's shots by scene in one pass, keeping the previous array of a scene whose
 * shots are the very same objects in the same order: typing in one shot gives that one scene a
 * new array and every other scene the one it had, so memoised scene rows skip rendering.
 */
export function groupShots(snapshot: ProjectSnapshot, previous?: ShotGroups): ShotGroups {
  const fresh = new Map<string, Shot[]>(snapshot.scenes.map((scene) => [scene.id, []]));
  for (const shot of snapshot.shots) fresh.get(shot.sceneId)?.push(shot);
  const groups = new Map<string, readonly Shot[]>();
  for (const [sceneId, shots] of fresh) {
    const old = previous?.get(sceneId);
    groups.set(sceneId, old && sameItems(old, shots) ? old : shots.length ? shots : NONE);
  }
  return groups;
}

/**
 * With the structure unchanged (sameStructure), only the scenes holding a shot that is a new
 * object get a new array; with none, the groups are the same object.
 */
function regroupChanged(
  before: ProjectSnapshot,
  groups: ShotGroups,
  snapshot: ProjectSnapshot,
): ShotGroups {
  // Same structure: each new shot object takes its predecessor's place in its scene's array
  // (a copy per scene touched), with no pass over every shot to rebuild that scene.
  let next: Map<string, readonly Shot[]> | null = null;
  const copied = new Map<string, Shot[]>();
  const { shots } = snapshot;
  for (let i = 0; i < shots.length; i++) {
    const shot = shots[i];
    const old = before.shots[i];
    if (old === shot || !shot) continue;
    let group = copied.get(shot.sceneId);
    if (!group) {
      group = [...(groups.get(shot.sceneId) ?? NONE)];
      copied.set(shot.sceneId, group);
      next ??= new Map(groups);
      next.set(shot.sceneId, group);
    }
    const at = old ? group.indexOf(old) : -1;
    if (at < 0) return groupShots(snapshot, groups);
    group[at] = shot;
  }
  return next ?? groups;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Remembers the last grouping, so each snapshot is grouped against the one before it (a React
 * hook holds one per open project; the same snapshot gives the same groups).
 */
export class ShotGrouper {
  private last: { snapshot: ProjectSnapshot; groups: ShotGroups } | null = null;

  of(snapshot: ProjectSnapshot): ShotGroups {
    const last = this.last;
    if (last?.snapshot === snapshot) return last.groups;
    const groups =
      last && sameStructure(last.snapshot, snapshot)
        ? regroupChanged(last.snapshot, last.groups, snapshot)
        : groupShots(snapshot, last?.groups);
    this.last = { snapshot, groups };
    return groups;
  }
}

/** Where each board is: its scene's index and its index in the scene. */
export interface BoardStructure {
  /** Every shot id in board order. */
  readonly order: readonly ShotId[];
  readonly places: ReadonlyMap<ShotId, { readonly scene: number; readonly index: number }>;
  /** Per scene: how many boards come before its first, and how many it has. */
  readonly before: readonly number[];
  readonly sizes: readonly number[];
}

/**
 * Whether two snapshots have the same boards in the same places (the same scenes in order, the
 * same shot ids in order, each in the same scene): true for any edit of a field.
 */
export function sameStructure(a: ProjectSnapshot, b: ProjectSnapshot): boolean {
  if (a.scenes !== b.scenes) {
    if (a.scenes.length !== b.scenes.length) return false;
    for (let i = 0; i < a.scenes.length; i++) if (a.scenes[i]?.id !== b.scenes[i]?.id) return false;
  }
  if (a.shots === b.shots) return true;
  if (a.shots.length !== b.shots.length) return false;
  for (let i = 0; i < a.shots.length; i++) {
    const x = a.shots[i];
    const y = b.shots[i];
    if (x !== y && (x?.id !== y?.id || x?.sceneId !== y?.sceneId)) return false;
  }
  return true;
}

export function boardStructure(snapshot: ProjectSnapshot, groups: ShotGroups): BoardStructure {
  const places = new Map<ShotId, { scene: number; index: number }>();
  const before: number[] = [];
  const sizes: number[] = [];
  const order: ShotId[] = [];
  snapshot.scenes.forEach((scene, sceneIndex) => {
    before.push(order.length);
    const shots = groups.get(scene.id) ?? NONE;
    sizes.push(shots.length);
    shots.forEach((shot, index) => {
      places.set(shot.id, { scene: sceneIndex, index });
      order.push(shot.id);
    });
  });
  return { order, places, before, sizes };
}

/**
 * The grid's structure, worked out again only when boards were added, removed or moved: typing
 * in a field keeps the same object (and the grid's layout with it), so a keystroke in a
 * 5,000-shot project builds no map of 5,000 places.
 */
export class StructureKeeper {
  private last: { snapshot: ProjectSnapshot; structure: BoardStructure } | null = null;

  of(snapshot: ProjectSnapshot, groups: ShotGroups): BoardStructure {
    const last = this.last;
    if (last && (last.snapshot === snapshot || sameStructure(last.snapshot, snapshot))) {
      this.last = { snapshot, structure: last.structure };
      return last.structure;
    }
    const structure = boardStructure(snapshot, groups);
    this.last = { snapshot, structure };
    return structure;
  }
}
