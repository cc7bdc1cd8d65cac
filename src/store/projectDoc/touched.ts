import * as Y from 'yjs';
import { SCENE_SHOT_ORDER, type ProjectRoots } from './layout';

/**
 * What one transaction touched, by record (layout.ts), found from the types Yjs says it changed:
 * each changed type is traced up to its root, and the key under the root names the record.
 */
export interface Touched {
  /** Nothing could be traced (a type too deep, or not attached): read everything again. */
  readonly all: boolean;
  readonly meta: boolean;
  /** The scene order, or which scenes exist. */
  readonly sceneList: boolean;
  readonly scenes: ReadonlySet<string>;
  /** Scenes whose shot order changed (or was replaced). */
  readonly shotOrders: ReadonlySet<string>;
  /** Which shots exist (added, deleted, replaced). */
  readonly shotList: boolean;
  readonly shots: ReadonlySet<string>;
  /** Which characters exist. */
  readonly characterList: boolean;
  readonly characters: ReadonlySet<string>;
  /** Comments, resolutions, approvals or versions: not part of the snapshot. */
  readonly review: boolean;
  /** Shots whose drawing changed (layout.ts `drawings`; not part of the snapshot either). */
  readonly drawings: ReadonlySet<string>;
  /** The script text, its anchors or its follow setting (not part of the snapshot). */
  readonly script: boolean;
}

/** Any shared type, as `Transaction.changed` holds them. */
type SharedType = Y.Transaction['changed'] extends Map<infer T, unknown> ? T : never;

/** Deeper than any record's shapes (layout.ts); the update guard caps nesting well below. */
const MAX_TRACE_DEPTH = 32;

type Mutable = {
  -readonly [K in keyof Touched]: Touched[K] extends ReadonlySet<string> ? Set<string> : boolean;
};

export function touchedBy(transaction: Y.Transaction, roots: ProjectRoots): Touched {
  const touched: Mutable = {
    all: false,
    meta: false,
    sceneList: false,
    scenes: new Set(),
    shotOrders: new Set(),
    shotList: false,
    shots: new Set(),
    characterList: false,
    characters: new Set(),
    review: false,
    drawings: new Set(),
    script: false,
  };
  const review = new Set<unknown>([roots.comments, roots.threads, roots.approvals, roots.versions]);
  for (const [type, keys] of transaction.changed) {
    const trace = traceToRoot(type);
    if (!trace) {
      touched.all = true;
      continue;
    }
    const { root, path } = trace;
    const [recordId, field] = path;
    if (root === roots.meta) touched.meta = true;
    else if (root === roots.sceneOrder) touched.sceneList = true;
    else if (review.has(root)) touched.review = true;
    else if (root === roots.scenes) {
      if (recordId === undefined) {
        touched.sceneList = true;
        for (const key of keys) if (key !== null) addAll([touched.scenes, touched.shotOrders], key);
      } else {
        touched.scenes.add(recordId);
        const orderChanged =
          path.length === 1 ? keys.has(SCENE_SHOT_ORDER) : field === SCENE_SHOT_ORDER;
        if (orderChanged) touched.shotOrders.add(recordId);
      }
    } else if (root === roots.shots) {
      if (recordId === undefined) {
        touched.shotList = true;
        for (const key of keys) if (key !== null) touched.shots.add(key);
      } else touched.shots.add(recordId);
    } else if (root === roots.characters) {
      if (recordId === undefined) {
        touched.characterList = true;
        for (const key of keys) if (key !== null) touched.characters.add(key);
      } else touched.characters.add(recordId);
    } else if (root === roots.script) touched.script = true;
    else if (root === roots.drawings) {
      if (recordId !== undefined) touched.drawings.add(shotOfLayerKey(recordId));
      else for (const key of keys) if (key !== null) touched.drawings.add(shotOfLayerKey(key));
    }
    // Any other root is not part of a project (layout.ts): nothing reads it.
  }
  return touched;
}

/** `${shotId}/${layerId}` → the shot (layer ids never hold a slash; shot ids might). */
function shotOfLayerKey(key: string): string {
  const slash = key.lastIndexOf('/');
  return slash < 0 ? key : key.slice(0, slash);
}

function addAll(sets: readonly Set<string>[], key: string): void {
  for (const set of sets) set.add(key);
}

/**
 * The root a type hangs under and the keys on the way down to it (a record's id first; an
 * array's elements have no key and add none).
 */
function traceToRoot(type: SharedType): { root: unknown; path: string[] } | null {
  const path: string[] = [];
  let current = type;
  for (let depth = 0; current._item; depth++) {
    if (depth >= MAX_TRACE_DEPTH) return null;
    const { parent, parentSub } = current._item;
    if (!(parent instanceof Y.AbstractType)) return null;
    if (parentSub !== null) path.unshift(parentSub);
    current = parent;
  }
  return { root: current, path };
}
