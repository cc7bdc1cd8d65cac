import * as Y from 'yjs';
import { MAX_TYPE_DEPTH } from './limits';
import { HANGS_ON, type StructTable } from './structTable';

/**
 * How deep every item of an update will sit once applied: the depth of the shared type it lands
 * in, a root being 0. An item names its parent type by id, or names a neighbour and shares its
 * parent, so depths follow chains through the update (which may run backwards: a merged update
 * lists clients in any order) and end at a root, at an item the document already has, or at
 * nothing (Yjs parks such items until what they hang on arrives; they are measured again then,
 * see `checkUpdate`). Chains are followed with an explicit path, never by recursion.
 */
/** Any shared type, as a document's roots are typed. */
type SharedType = Y.Doc['share'] extends Map<string, infer T> ? T : never;

const UNRESOLVED = -1;
const VISITING = -2;

/** A type's depth in a live document, counted up to one past the limit (enough to refuse). */
function typeDepth(type: SharedType): number {
  let depth = 0;
  let item = type._item;
  while (item !== null && depth <= MAX_TYPE_DEPTH) {
    depth++;
    const parent = item.parent;
    item = parent instanceof Y.AbstractType ? parent._item : null;
  }
  return depth;
}

/** Answers about ids the document already has (Yjs skips those parts of an update). */
class DocView {
  constructor(private readonly store: Y.Doc['store']) {}

  /** The next clock the document expects from a client: it has every id below. */
  state(client: number): number {
    return Y.getState(this.store, client);
  }

  has(client: number, clock: number): boolean {
    return clock < this.state(client);
  }

  private structAt(client: number, clock: number): Y.Item | Y.GC {
    return Y.getItem(this.store, Y.createID(client, clock)) as Y.Item | Y.GC;
  }

  /** Depth of the type the item at this id sits in (0 for a gap: what hangs on it is collected). */
  levelAt(client: number, clock: number): number {
    const struct = this.structAt(client, clock);
    if (!(struct instanceof Y.Item)) return 0;
    return struct.parent instanceof Y.AbstractType ? typeDepth(struct.parent) : 0;
  }

  /** Depth of the type the item at this id made (0 when it made none: its children are collected). */
  depthOfTypeAt(client: number, clock: number): number {
    const struct = this.structAt(client, clock);
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) return 0;
    return typeDepth(struct.content.type);
  }

  /** `root › key` of the outermost record holding the item at this id. */
  locate(client: number, clock: number): string {
    let struct: Y.Item | Y.GC | null = this.structAt(client, clock);
    for (let hops = 0; struct instanceof Y.Item && hops <= MAX_TYPE_DEPTH; hops++) {
      const parent: unknown = struct.parent;
      if (!(parent instanceof Y.AbstractType)) break;
      if (parent._item === null) {
        const root = Y.findRootTypeKey(parent);
        return struct.parentSub === null ? root : `${root} › ${struct.parentSub}`;
      }
      struct = parent._item;
    }
    return 'a part of the document';
  }
}

export class Nesting {
  /** Per item: the depth of the type it sits in. */
  readonly level: Int32Array;
  private readonly doc: DocView | null;
  /** Scratch for resolve(), kept between calls. */
  private readonly path: number[] = [];
  private readonly steps: number[] = [];

  constructor(
    private readonly table: StructTable,
    doc: Y.Doc | null,
  ) {
    this.doc = doc ? new DocView(doc.store) : null;
    this.level = new Int32Array(table.size).fill(UNRESOLVED);
    for (let i = 0; i < table.size; i++) if (this.level[i] === UNRESOLVED) this.resolve(i);
  }

  /** Whether Yjs will add the item (the document does not have all of it yet). */
  isNew(i: number): boolean {
    const t = this.table;
    const end = (t.clock.data[i] as number) + (t.length.data[i] as number) - 1;
    return !this.doc?.has(t.client.data[i] as number, end);
  }

  /** Depth of the type an item makes (0 when it makes none). */
  typeDepth(i: number): number {
    return this.table.isType.data[i] === 1 ? (this.level[i] as number) + 1 : 0;
  }

  /** Where an item is, for a person: the root and key of the record it is inside. */
  locate(i: number): string {
    const t = this.table;
    let cur = i;
    for (let hops = 0; hops <= t.size; hops++) {
      const root = t.rootName(cur);
      if (root !== undefined) {
        const key = t.key(cur);
        return key === undefined ? root : `${root} › ${key}`;
      }
      const client = t.refClient.data[cur] as number;
      const clock = t.refClock.data[cur] as number;
      if (this.doc?.has(client, clock)) return this.doc.locate(client, clock);
      const next = t.find(client, clock);
      if (next < 0) break;
      cur = next;
    }
    return 'a part whose container is missing';
  }

  private resolve(first: number): void {
    const t = this.table;
    const level = this.level;
    // path[k] sits steps[k] levels below whatever it led to; the last one leads to `base`.
    const path = this.path;
    const steps = this.steps;
    path.length = 0;
    steps.length = 0;
    let base = 0;
    let cur = first;
    for (;;) {
      const known = level[cur] as number;
      if (known >= 0) {
        base = known;
        break;
      }
      if (known === VISITING) break; // a cycle: Yjs parks it, it never integrates
      level[cur] = VISITING;
      path.push(cur);
      const client = t.client.data[cur] as number;
      const clock = t.clock.data[cur] as number;
      if (this.doc?.has(client, clock)) {
        // Yjs adds only the part past what it has, next to the item before it.
        const end = Math.min(clock + (t.length.data[cur] as number), this.doc.state(client));
        steps.push(0);
        base = this.doc.levelAt(client, end - 1);
        break;
      }
      const hangsOn = t.hangsOn.data[cur];
      if (hangsOn === HANGS_ON.root) {
        steps.push(0);
        break;
      }
      const refClient = t.refClient.data[cur] as number;
      const refClock = t.refClock.data[cur] as number;
      const inDoc = this.doc?.has(refClient, refClock) ?? false;
      if (hangsOn === HANGS_ON.parent) {
        steps.push(inDoc ? 0 : 1);
        if (inDoc) {
          base = (this.doc as DocView).depthOfTypeAt(refClient, refClock);
          break;
        }
        const parent = t.find(refClient, refClock);
        const makesType = parent >= 0 && t.isType.data[parent] === 1;
        if (!makesType || t.clock.data[parent] !== refClock) {
          steps[steps.length - 1] = 0; // no such type: Yjs collects the item
          break;
        }
        cur = parent;
        continue;
      }
      steps.push(0);
      if (inDoc) {
        base = (this.doc as DocView).levelAt(refClient, refClock);
        break;
      }
      const neighbour = t.find(refClient, refClock);
      if (neighbour < 0) break; // not here yet: parked by Yjs, measured again when it comes
      cur = neighbour;
    }
    let value = base;
    for (let k = path.length - 1; k >= 0; k--) {
      value += steps[k] as number;
      level[path[k] as number] = value;
    }
  }
}
