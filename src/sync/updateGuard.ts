import {
  MAX_REMOTE_UPDATE_BYTES,
  MAX_ROOT_NAMES_PER_UPDATE,
  MAX_STRUCT_LENGTH,
  MAX_VALUE_DEPTH,
} from './limits';

/**
 * Checks a Yjs update (format v1, what the sync protocol carries) from a peer before Yjs sees
 * it. A bounded reader walks the whole structure: every count is checked against the bytes that
 * are left (each element takes at least one), every length against the end of the buffer, every
 * nesting against a depth, and content kinds Yjs would not know (or Frameline never uses, like
 * subdocuments) are refused. The walk is linear
 * in the size of the update, so a tiny update declaring a huge struct count (yjs#687) costs
 * nothing, and what passes decodes without surprises.
 */
export type GuardResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

class Reject extends Error {}

/** Content kinds (`info & 31`) of Yjs 13: 1 deleted … 9 subdocument; 0 is GC, 10 Skip. */
const enum Content {
  Deleted = 1,
  Json = 2,
  Binary = 3,
  String = 4,
  Embed = 5,
  Format = 6,
  Type = 7,
  Any = 8,
  Doc = 9,
}
/** Shared types a ContentType may name: YArray … YXmlText. 3 and 5 carry a name. */
const TYPE_REF_COUNT = 7;
const TYPE_REFS_WITH_KEY = new Set([3, 5]);

const BIT8 = 0x80;
const BIT7 = 0x40;
const BIT6 = 0x20;
const BITS5 = 0x1f;

class Reader {
  pos = 0;
  readonly roots = new Set<string>();
  constructor(readonly bytes: Uint8Array) {}

  get left(): number {
    return this.bytes.length - this.pos;
  }

  byte(): number {
    const value = this.bytes[this.pos];
    if (value === undefined) throw new Reject('update ends early');
    this.pos++;
    return value;
  }

  skip(n: number): void {
    if (n > this.left) throw new Reject('a length runs past the end of the update');
    this.pos += n;
  }

  varUint(): number {
    let value = 0;
    let multiplier = 1;
    for (let i = 0; i < 8; i++) {
      const byte = this.byte();
      value += (byte & 0x7f) * multiplier;
      if (byte < 0x80) {
        if (value > Number.MAX_SAFE_INTEGER) throw new Reject('an integer is too large');
        return value;
      }
      multiplier *= 128;
    }
    throw new Reject('an integer is too long');
  }

  varInt(): void {
    for (let i = 0; i < 8; i++) if (this.byte() < 0x80) return;
    throw new Reject('an integer is too long');
  }

  /** A count of things that each take at least one byte can never exceed the bytes left. */
  count(what: string): number {
    const n = this.varUint();
    if (n > this.left) throw new Reject(`${what} count ${n} exceeds the update's size`);
    return n;
  }

  length(): number {
    const n = this.varUint();
    if (n > MAX_STRUCT_LENGTH) throw new Reject(`a struct length of ${n} is not plausible`);
    return n;
  }

  string(): string {
    const n = this.varUint();
    const start = this.pos;
    this.skip(n);
    return new TextDecoder().decode(this.bytes.subarray(start, start + n));
  }

  json(): void {
    const text = this.string();
    if (text === 'undefined') return;
    try {
      JSON.parse(text);
    } catch {
      throw new Reject('a JSON value does not parse');
    }
  }

  /** lib0's `readAny`: a tagged value, nested through objects and arrays. */
  any(depth: number): void {
    if (depth > MAX_VALUE_DEPTH) throw new Reject('a value is nested too deeply');
    const tag = this.byte();
    switch (tag) {
      case 127: // undefined
      case 126: // null
      case 121: // false
      case 120: // true
        return;
      case 125:
        return this.varInt();
      case 124:
        return this.skip(4);
      case 123:
      case 122:
        return this.skip(8);
      case 119:
        this.string();
        return;
      case 118: {
        const entries = this.count('object entry');
        for (let i = 0; i < entries; i++) {
          this.string();
          this.any(depth + 1);
        }
        return;
      }
      case 117: {
        const items = this.count('array item');
        for (let i = 0; i < items; i++) this.any(depth + 1);
        return;
      }
      case 116:
        this.skip(this.varUint());
        return;
      default:
        throw new Reject(`unknown value tag ${tag}`);
    }
  }

  id(): void {
    this.varUint(); // client
    this.varUint(); // clock
  }
}

function readContent(reader: Reader, kind: number): void {
  switch (kind) {
    case Content.Deleted:
      reader.length();
      return;
    case Content.Json: {
      const n = reader.count('JSON item');
      for (let i = 0; i < n; i++) reader.json();
      return;
    }
    case Content.Binary:
      reader.skip(reader.varUint());
      return;
    case Content.String:
      reader.string();
      return;
    case Content.Embed:
      reader.json();
      return;
    case Content.Format:
      reader.string();
      reader.json();
      return;
    case Content.Type: {
      const ref = reader.varUint();
      if (ref >= TYPE_REF_COUNT) throw new Reject(`unknown shared type ${ref}`);
      if (TYPE_REFS_WITH_KEY.has(ref)) reader.string();
      return;
    }
    case Content.Any: {
      const n = reader.count('value');
      for (let i = 0; i < n; i++) reader.any(0);
      return;
    }
    case Content.Doc:
      // Subdocuments load other documents by name; Frameline has none, so a peer gets none in.
      throw new Reject('subdocuments are not accepted');
    default:
      throw new Reject(`unknown content kind ${kind}`);
  }
}

function readStruct(reader: Reader): void {
  const info = reader.byte();
  const kind = info & BITS5;
  if (kind === 0 || kind === 10) {
    reader.length(); // GC or Skip: a length and nothing else
    return;
  }
  const hasOrigin = (info & BIT8) !== 0;
  const hasRightOrigin = (info & BIT7) !== 0;
  if (hasOrigin) reader.id();
  if (hasRightOrigin) reader.id();
  if (!hasOrigin && !hasRightOrigin) {
    const parentIsRoot = reader.varUint() === 1;
    if (parentIsRoot) {
      reader.roots.add(reader.string());
      if (reader.roots.size > MAX_ROOT_NAMES_PER_UPDATE) throw new Reject('too many root types');
    } else {
      reader.id();
    }
    if ((info & BIT6) !== 0) reader.string();
  }
  readContent(reader, kind);
}

function readUpdate(reader: Reader): void {
  const clients = reader.count('client');
  for (let c = 0; c < clients; c++) {
    const structs = reader.count('struct');
    reader.varUint(); // client id
    reader.varUint(); // first clock
    for (let s = 0; s < structs; s++) readStruct(reader);
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
}

export function checkUpdate(
  update: Uint8Array,
  maxBytes: number = MAX_REMOTE_UPDATE_BYTES,
): GuardResult {
  if (update.byteLength > maxBytes) {
    return { ok: false, reason: `update of ${update.byteLength} bytes is over the limit` };
  }
  try {
    readUpdate(new Reader(update));
    return { ok: true };
  } catch (error) {
    if (error instanceof Reject) return { ok: false, reason: error.message };
    throw error;
  }
}

/** A state vector (sync step 1): client/clock pairs, nothing else. */
export function checkStateVector(vector: Uint8Array): GuardResult {
  try {
    const reader = new Reader(vector);
    const entries = reader.count('state vector entry');
    for (let i = 0; i < entries; i++) reader.id();
    if (reader.left !== 0) throw new Reject('stray bytes after the state vector');
    return { ok: true };
  } catch (error) {
    if (error instanceof Reject) return { ok: false, reason: error.message };
    throw error;
  }
}

/** An awareness update: per client an id, a clock and a JSON state (or `null`). */
export function checkAwarenessUpdate(update: Uint8Array, maxBytes: number): GuardResult {
  if (update.byteLength > maxBytes) {
    return {
      ok: false,
      reason: `presence message of ${update.byteLength} bytes is over the limit`,
    };
  }
  try {
    const reader = new Reader(update);
    const entries = reader.count('presence entry');
    for (let i = 0; i < entries; i++) {
      reader.varUint();
      reader.varUint();
      reader.json();
    }
    if (reader.left !== 0) throw new Reject('stray bytes after the presence message');
    return { ok: true };
  } catch (error) {
    if (error instanceof Reject) return { ok: false, reason: error.message };
    throw error;
  }
}
