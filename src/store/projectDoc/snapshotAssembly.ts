import type { Character } from '../../model/character';
import type { ProjectMeta, ProjectSnapshot } from '../../model/project';
import type { Scene } from '../../model/scene';
import type { Shot } from '../../model/shot';

/** One record as read: its value (null when it did not validate) and what was wrong with it. */
export interface RecordRead<T> {
  readonly value: T | null;
  readonly problems: readonly string[];
}

/**
 * What a snapshot is put together from, however it was read: every record by id, and the orders.
 * read.ts reads all of it afresh; snapshotReader.ts keeps what a transaction did not touch.
 */
export interface RecordSource {
  readonly meta: { readonly value: ProjectMeta; readonly problems: readonly string[] };
  /** Scene ids in script order: sceneOrder's first, then any the order lost, in id order. */
  readonly sceneIds: readonly string[];
  scene(id: string): RecordRead<Scene>;
  /** Every shot id, in id order (sorted: the same on every peer, unlike a Y.Map's own order). */
  readonly shotIds: readonly string[];
  shot(id: string): RecordRead<Shot>;
  /** A scene's shot order, first occurrence of each id only. */
  shotOrder(sceneId: string): readonly string[];
  /** Every character id, in id order. */
  readonly characterIds: readonly string[];
  character(id: string): RecordRead<Character>;
}

export interface ReadResult {
  readonly snapshot: ProjectSnapshot;
  readonly problems: readonly string[];
}

/**
 * The snapshot's order rules, in one place. A shot belongs where its own sceneId says; the
 * scene's order only sorts it, and shots the order lost follow in id order. Shots whose scene is
 * gone are kept at the end of the board rather than dropped (and reported). Characters are in
 * name order, the id breaking ties the same way everywhere (two peers can add one name at once).
 * Linear in the number of records.
 */
export function assembleSnapshot(source: RecordSource): ReadResult {
  const problems: string[] = [...source.meta.problems];

  const scenes: Scene[] = [];
  for (const id of source.sceneIds) {
    const read = source.scene(id);
    problems.push(...read.problems);
    if (read.value) scenes.push(read.value);
  }

  const allShots = new Map<string, Shot>();
  const byScene = new Map<string, Shot[]>();
  for (const id of source.shotIds) {
    const read = source.shot(id);
    problems.push(...read.problems);
    const shot = read.value;
    if (!shot) continue;
    allShots.set(id, shot);
    const list = byScene.get(shot.sceneId);
    if (list) list.push(shot);
    else byScene.set(shot.sceneId, [shot]);
  }

  const placed = new Set<string>();
  const shots: Shot[] = [];
  const place = (shot: Shot) => {
    placed.add(shot.id);
    shots.push(shot);
  };
  for (const scene of scenes) {
    const inScene = byScene.get(scene.id);
    if (!inScene) continue;
    for (const id of source.shotOrder(scene.id)) {
      const shot = allShots.get(id);
      if (shot?.sceneId === scene.id && !placed.has(id)) place(shot);
    }
    for (const shot of inScene) if (!placed.has(shot.id)) place(shot);
  }
  for (const shot of allShots.values()) {
    if (placed.has(shot.id)) continue;
    problems.push(`shot ${shot.number || shot.id} has no scene`);
    shots.push(shot);
  }

  const characters: Character[] = [];
  for (const id of source.characterIds) {
    const read = source.character(id);
    problems.push(...read.problems);
    if (read.value) characters.push(read.value);
  }
  characters.sort(byName);

  return { snapshot: { meta: source.meta.value, scenes, shots, characters }, problems };
}

export function byName(a: Character, b: Character): number {
  return a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1);
}
