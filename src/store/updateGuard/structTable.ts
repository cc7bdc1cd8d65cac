import { ByteReader, Reject } from './byteReader';
import { MAX_ROOT_NAMES_PER_UPDATE, MAX_STRUCTS_PER_UPDATE } from './limits';

/**
 * A Yjs update (format v1) read once, bounded, into flat columns: for every item, its id range,
 * what it hangs on (a root by name, a parent type by id, or a neighbour whose parent it shares),
 * whether it makes a shared type, and where its bytes are. nesting.ts works out depths from it.
 * Gaps (GC and Skip structs) are not kept: an item hanging on one is garbage-collected by Yjs.
 */

/** Content kinds (`info & 31`) of Yjs 13: 1 deleted … 9 subdocument; 0 is GC, 10 Skip. */
const CONTENT = {
  gc: 0,
  deleted: 1,
  json: 2,
  binary: 3,
  string: 4,
  embed: 5,
  format: 6,
  type: 7,
  any: 8,
  doc: 9,
  skip: 10,
} as const;

/** Shared types a ContentType may name: YArray … YXmlText. 3 and 5 carry a name. */
const TYPE_REF_COUNT = 7;
const TYPE_REFS_WITH_KEY = new Set([3, 5]);

const BIT8 = 0x80;
const BIT7 = 0x40;
const BIT6 = 0x20;
const BITS5 = 0x1f;

/** What an item's parent is found through. */
export const HANGS_ON = {
  /** A root type, by name: the item sits at depth 0. */
  root: 0,
  /** A parent type, by the id of the item that made it. */
  parent: 1,
  /** The item left of it (its origin), whose parent it shares. */
  left: 2,
  /** The item right of it, when it has no left one. */
  right: 3,
} as const;

/** A growable column of numbers. */
class Column<T extends Float64Array | Uint32Array | Uint8Array> {
  constructor(
    public data: T,
    private readonly make: (size: number) => T,
  ) {}

  set(index: number, value: number): void {
    if (index >= this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[index] = value;
  }
}

const floats = (size: number) => new Float64Array(size);
const uints = (size: number) => new Uint32Array(size);
const bytes = (size: number) => new Uint8Array(size);

export class StructTable {
  constructor(private readonly bytes: Uint8Array) {}

  /** Items kept (gaps are not). */
  size = 0;
  /** Items that make a shared type. */
  typeCount = 0;
  readonly client = new Column(floats(64), floats);
  readonly clock = new Column(floats(64), floats);
  readonly length = new Column(floats(64), floats);
  readonly isType = new Column(bytes(64), bytes);
  readonly hangsOn = new Column(bytes(64), bytes);
  readonly refClient = new Column(floats(64), floats);
  readonly refClock = new Column(floats(64), floats);
  /** Byte range of the whole struct, for rewriting (salvage). */
  readonly start = new Column(uints(64), uints);
  readonly end = new Column(uints(64), uints);
  /**
   * Where the root name (of items hanging on a root) and the map key (of items that name their
   * parent) are in the bytes, plus one; 0 for none. Read only to say where something is.
   */
  readonly rootNameAt = new Column(uints(64), uints);
  readonly keyAt = new Column(uints(64), uints);
  /** Per client, runs of item indices in clock order: [first, end) pairs. */
  readonly runs = new Map<number, number[]>();
  readonly roots = new Set<string>();

  rootName(i: number): string | undefined {
    return this.stringAt(this.rootNameAt.data[i]);
  }

  key(i: number): string | undefined {
    return this.stringAt(this.keyAt.data[i]);
  }

  private stringAt(position: number | undefined): string | undefined {
    if (!position) return undefined;
    const reader = new ByteReader(this.bytes);
    reader.pos = position - 1;
    return reader.string();
  }

  /** The item whose id range holds (client, clock), or -1. */
  find(client: number, clock: number): number {
    const runs = this.runs.get(client);
    if (!runs) return -1;
    const clocks = this.clock.data;
    const lengths = this.length.data;
    for (let r = 0; r < runs.length; r += 2) {
      let lo = runs[r] as number;
      let hi = (runs[r + 1] as number) - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const start = clocks[mid] as number;
        if (clock < start) hi = mid - 1;
        else if (clock >= start + (lengths[mid] as number)) lo = mid + 1;
        else return mid;
      }
    }
    return -1;
  }
}

/** Reads content and returns its length in ids (1 for most kinds). */
function readContent(reader: ByteReader, kind: number): number {
  switch (kind) {
    case CONTENT.deleted:
      return reader.length();
    case CONTENT.json: {
      const n = reader.count('JSON item');
      for (let i = 0; i < n; i++) reader.json();
      return n;
    }
    case CONTENT.binary:
      reader.skip(reader.varUint());
      return 1;
    case CONTENT.string:
      // Yjs counts a string's length in UTF-16 code units, as JavaScript does.
      return reader.string().length;
    case CONTENT.embed:
      reader.json();
      return 1;
    case CONTENT.format:
      reader.skipString();
      reader.json();
      return 1;
    case CONTENT.type: {
      const ref = reader.varUint();
      if (ref >= TYPE_REF_COUNT) throw new Reject(`unknown shared type ${ref}`);
      if (TYPE_REFS_WITH_KEY.has(ref)) reader.skipString();
      return 1;
    }
    case CONTENT.any: {
      const n = reader.count('value');
      for (let i = 0; i < n; i++) reader.any();
      return n;
    }
    case CONTENT.doc:
      // Subdocuments load other documents by name; Frameline has none, so a peer gets none in.
      throw new Reject('subdocuments are not accepted');
    default:
      throw new Reject(`unknown content kind ${kind}`);
  }
}

function readItem(reader: ByteReader, table: StructTable, info: number, start: number): void {
  const i = table.size;
  const hasLeft = (info & BIT8) !== 0;
  const hasRight = (info & BIT7) !== 0;
  let hangsOn: number = HANGS_ON.root;
  let refClient = 0;
  let refClock = 0;
  if (hasLeft) {
    hangsOn = HANGS_ON.left;
    refClient = reader.varUint();
    refClock = reader.varUint();
  }
  if (hasRight) {
    const client = reader.varUint();
    const clock = reader.varUint();
    if (!hasLeft) {
      hangsOn = HANGS_ON.right;
      refClient = client;
      refClock = clock;
    }
  }
  let rootNameAt = 0;
  let keyAt = 0;
  if (!hasLeft && !hasRight) {
    if (reader.varUint() === 1) {
      rootNameAt = reader.pos + 1;
      const name = reader.string();
      if (!table.roots.has(name)) {
        table.roots.add(name);
        if (table.roots.size > MAX_ROOT_NAMES_PER_UPDATE) throw new Reject('too many root types');
      }
    } else {
      hangsOn = HANGS_ON.parent;
      refClient = reader.varUint();
      refClock = reader.varUint();
    }
    if ((info & BIT6) !== 0) {
      keyAt = reader.pos + 1;
      reader.skipString();
    }
  }
  const kind = info & BITS5;
  const length = readContent(reader, kind);
  if (length === 0) throw new Reject('an empty item');
  table.hangsOn.set(i, hangsOn);
  table.refClient.set(i, refClient);
  table.refClock.set(i, refClock);
  table.rootNameAt.set(i, rootNameAt);
  table.keyAt.set(i, keyAt);
  table.length.set(i, length);
  table.isType.set(i, kind === CONTENT.type ? 1 : 0);
  if (kind === CONTENT.type) table.typeCount++;
  table.start.set(i, start);
  table.end.set(i, reader.pos);
}

/** Decodes a whole update into a table. Throws Reject when anything is off. */
export function readStructTable(update: Uint8Array): StructTable {
  const reader = new ByteReader(update);
  const table = new StructTable(update);
  let structs = 0;
  const clients = reader.count('client');
  for (let c = 0; c < clients; c++) {
    const count = reader.count('struct');
    structs += count;
    if (structs > MAX_STRUCTS_PER_UPDATE)
      throw new Reject(`more than ${MAX_STRUCTS_PER_UPDATE} structs`);
    const client = reader.varUint();
    let clock = reader.varUint();
    const runStart = table.size;
    for (let s = 0; s < count; s++) {
      const start = reader.pos;
      const info = reader.byte();
      const kind = info & BITS5;
      if (kind === CONTENT.gc || kind === CONTENT.skip) {
        clock += reader.length();
        continue;
      }
      table.client.set(table.size, client);
      table.clock.set(table.size, clock);
      readItem(reader, table, info, start);
      clock += table.length.data[table.size] as number;
      table.size++;
    }
    if (table.size > runStart) {
      const runs = table.runs.get(client) ?? [];
      runs.push(runStart, table.size);
      table.runs.set(client, runs);
    }
  }
  const deleteClients = reader.count('delete-set client');
  for (let c = 0; c < deleteClients; c++) {
    reader.varUint(); // client id
    const ranges = reader.count('delete range');
    for (let r = 0; r < ranges; r++) {
      reader.varUint(); // clock
      reader.length();
    }
  }
  if (reader.left !== 0) throw new Reject(`${reader.left} stray bytes after the update`);
  return table;
}
