import type * as Y from 'yjs';
import type { Character } from '../../model/character';
import type { ProjectMeta, ProjectSnapshot } from '../../model/project';
import type { Scene } from '../../model/scene';
import type { Shot } from '../../model/shot';
import { rootsOf, type ProjectRoots } from './layout';
import { PROJECT_SCHEMA_VERSION } from '../../model/schemaVersion';
import {
  readAlone,
  readCharacter,
  readMeta,
  readProject,
  readScene,
  readShot,
  sceneIdsOf,
  shotOrderIds,
  sortedKeys,
} from './read';
import {
  assembleSnapshot,
  byName,
  type ReadResult,
  type RecordRead,
  type RecordSource,
} from './snapshotAssembly';
import { sameValue } from './sameValue';
import { documentSchemaVersion } from './schema';
import type { Touched } from './touched';

/**
 * Keeps a project's snapshot up to date transaction by transaction, re-reading only the records
 * a transaction touched (touched.ts). What did not change keeps its identity: an untouched shot
 * is the same object as before, and so is a re-read one whose fields came out equal; the shots,
 * scenes and characters arrays, the problems and the snapshot itself stay the same objects when
 * nothing in them changed. Memoised components and `useSyncExternalStore` skip them.
 *
 * The result always equals what `readProject` reads from the same document (tested); records
 * that do not validate are reported in `problems`, never thrown.
 */
export class SnapshotReader {
  private readonly roots: ProjectRoots;
  private meta!: { value: ProjectMeta; problems: readonly string[] };
  private readonly scenes = new Map<string, RecordRead<Scene>>();
  private readonly shots = new Map<string, RecordRead<Shot>>();
  private readonly characters = new Map<string, RecordRead<Character>>();
  private readonly orders = new Map<string, readonly string[]>();
  private sceneIds: readonly string[] = [];
  private shotIds: readonly string[] = [];
  private characterIds: readonly string[] = [];
  private last: ReadResult;

  /**
   * A document written by an older build is read as a whole, migrated copy (readProject) until
   * it is migrated in place (a read-only tab never migrates it); then the caches are filled anew.
   */
  private cachesStale = false;

  constructor(private readonly doc: Y.Doc) {
    this.roots = rootsOf(doc);
    this.last = this.readAll();
  }

  private isOlder(): boolean {
    const version = documentSchemaVersion(this.doc);
    return version !== null && version < PROJECT_SCHEMA_VERSION;
  }

  get result(): ReadResult {
    return this.last;
  }

  /** Brings the snapshot up to date with a transaction's changes (touchedBy). */
  apply(touched: Touched): ReadResult {
    if (touched.all || this.cachesStale || this.isOlder()) return (this.last = this.readAll());
    const previous = this.last;
    const change = new Change();

    if (touched.meta) this.rereadMeta(change);
    for (const id of touched.scenes) this.rereadScene(id, change);
    for (const id of touched.shots) this.rereadShot(id, change);
    for (const id of touched.characters) this.rereadCharacter(id, change);
    for (const id of touched.shotOrders) {
      // A scene that went is a change of structure already (rereadScene).
      if (!this.roots.scenes.has(id)) continue;
      const order = shotOrderIds(this.roots, id);
      if (!sameValue(order, this.orders.get(id) ?? [])) change.structure = true;
      this.orders.set(id, order);
    }
    if (touched.sceneList) this.sceneIds = keep(this.sceneIds, sceneIdsOf(this.roots), change);
    if (touched.shotList) this.shotIds = keep(this.shotIds, sortedKeys(this.roots.shots), change);
    if (touched.characterList) {
      const ids = sortedKeys(this.roots.characters);
      if (!sameValue(ids, this.characterIds)) change.characters = true;
      this.characterIds = ids;
    }

    // A broken document lists its problems in record order: put it all together again.
    if (change.structure || change.problems || previous.problems.length > 0) {
      return (this.last = this.assemble(previous));
    }
    const { snapshot } = previous;
    const next: ProjectSnapshot = {
      meta: this.meta.value,
      scenes: replaced(snapshot.scenes, change.scenes),
      shots: replaced(snapshot.shots, change.shots),
      characters: change.characters ? this.sortedCharacters() : snapshot.characters,
    };
    const kept = reuse(snapshot, next);
    if (kept !== snapshot) this.last = { snapshot: kept, problems: previous.problems };
    return this.last;
  }

  /**
   * Reads every record again (the first read, and when a change could not be traced), keeping
   * the objects of records that came out equal.
   */
  private readAll(): ReadResult {
    this.cachesStale = this.isOlder();
    if (this.cachesStale) return readProject(this.doc);
    const change = new Change();
    this.rereadMeta(change);
    this.sceneIds = sceneIdsOf(this.roots);
    this.shotIds = sortedKeys(this.roots.shots);
    this.characterIds = sortedKeys(this.roots.characters);
    forgetAllBut(this.scenes, this.sceneIds);
    forgetAllBut(this.orders, this.sceneIds);
    forgetAllBut(this.shots, this.shotIds);
    forgetAllBut(this.characters, this.characterIds);
    for (const id of this.sceneIds) {
      this.rereadScene(id, change);
      this.orders.set(id, shotOrderIds(this.roots, id));
    }
    for (const id of this.shotIds) this.rereadShot(id, change);
    for (const id of this.characterIds) this.rereadCharacter(id, change);
    return this.assemble(this.last);
  }

  private assemble(previous: ReadResult | undefined): ReadResult {
    const source: RecordSource = {
      meta: this.meta,
      sceneIds: this.sceneIds,
      scene: (id) => this.scenes.get(id) ?? NOT_READ,
      shotIds: this.shotIds,
      shot: (id) => this.shots.get(id) ?? NOT_READ,
      shotOrder: (id) => this.orders.get(id) ?? [],
      characterIds: this.characterIds,
      character: (id) => this.characters.get(id) ?? NOT_READ,
    };
    const fresh = assembleSnapshot(source);
    if (!previous) return fresh;
    const before = previous.snapshot;
    const snapshot = reuse(before, {
      meta: fresh.snapshot.meta,
      scenes: sameItems(before.scenes, fresh.snapshot.scenes),
      shots: sameItems(before.shots, fresh.snapshot.shots),
      characters: sameItems(before.characters, fresh.snapshot.characters),
    });
    const problems = sameValue(previous.problems, fresh.problems)
      ? previous.problems
      : fresh.problems;
    return snapshot === before && problems === previous.problems
      ? previous
      : { snapshot, problems };
  }

  private sortedCharacters(): Character[] {
    return this.characterIds.flatMap((id) => this.characters.get(id)?.value ?? []).sort(byName);
  }

  private rereadMeta(change: Change): void {
    const problems: string[] = [];
    const value = readMeta(this.doc, problems);
    const old = this.meta as typeof this.meta | undefined;
    if (old && !sameValue(old.problems, problems)) change.problems = true;
    this.meta = { value: old && sameValue(old.value, value) ? old.value : value, problems };
  }

  private rereadScene(id: string, change: Change): void {
    const { scenes } = this.roots;
    const kept = this.store(this.scenes, id, scenes.has(id), change, (p) =>
      readScene(id, scenes.get(id), p),
    );
    if (kept) change.scenes.set(id, kept);
    if (!scenes.has(id)) this.orders.delete(id);
  }

  private rereadShot(id: string, change: Change): void {
    const { shots } = this.roots;
    const before = this.shots.get(id)?.value;
    const kept = this.store(this.shots, id, shots.has(id), change, (p) =>
      readShot(id, shots.get(id), p),
    );
    if (!kept) return;
    change.shots.set(id, kept);
    if (before && before.sceneId !== kept.sceneId) change.structure = true;
  }

  private rereadCharacter(id: string, change: Change): void {
    const { characters } = this.roots;
    const kept = this.store(this.characters, id, characters.has(id), change, (p) =>
      readCharacter(id, characters.get(id), p),
    );
    if (kept) change.characters = true;
  }

  /**
   * Re-reads one record into `cache`, keeping the old object when the new one is equal. Returns
   * the new value when it replaces an old one in place; anything else (a record appearing, going,
   * or starting or ceasing to validate) is a change of structure.
   */
  private store<T>(
    cache: Map<string, RecordRead<T>>,
    id: string,
    exists: boolean,
    change: Change,
    read: (problems: string[]) => T | null,
  ): T | null {
    const old = cache.get(id);
    const next = exists ? readAlone(read) : GONE;
    if (!sameValue(old?.problems ?? [], next.problems)) change.problems = true;
    if (exists) cache.set(id, next);
    else cache.delete(id);
    const before = old?.value ?? null;
    if (before === null || next.value === null) {
      if (before !== next.value) change.structure = true;
      return null;
    }
    if (sameValue(before, next.value)) {
      cache.set(id, { value: before, problems: next.problems });
      return null;
    }
    return next.value;
  }
}

/** What one transaction changed, as the reader found it. */
class Change {
  /** Orders, which records exist, or where a shot belongs: the lists are put together again. */
  structure = false;
  problems = false;
  characters = false;
  readonly scenes = new Map<string, Scene>();
  readonly shots = new Map<string, Shot>();
}

const NOT_READ: RecordRead<never> = { value: null, problems: [] };
const GONE = NOT_READ;

function forgetAllBut(cache: Map<string, unknown>, ids: readonly string[]): void {
  const keep = new Set(ids);
  for (const id of [...cache.keys()]) if (!keep.has(id)) cache.delete(id);
}

function keep(old: readonly string[], next: readonly string[], change: Change) {
  if (sameValue(old, next)) return old;
  change.structure = true;
  return next;
}

/** `list` with the changed items swapped in; the same array when none of them is in it. */
function replaced<T extends { readonly id: string }>(
  list: readonly T[],
  changed: ReadonlyMap<string, T>,
): readonly T[] {
  if (changed.size === 0) return list;
  return list.map((item) => changed.get(item.id) ?? item);
}

/** The old array when it holds the very same items. */
function sameItems<T>(old: readonly T[], next: readonly T[]): readonly T[] {
  if (old.length !== next.length) return next;
  for (let i = 0; i < old.length; i++) if (old[i] !== next[i]) return next;
  return old;
}

function reuse(old: ProjectSnapshot, next: ProjectSnapshot): ProjectSnapshot {
  return old.meta === next.meta &&
    old.scenes === next.scenes &&
    old.shots === next.shots &&
    old.characters === next.characters
    ? old
    : next;
}
