import { MAX_STRUCT_LENGTH, MAX_VALUE_DEPTH } from './limits';

/** What the guard throws inside; callers turn it into a refusal with its message. */
export class Reject extends Error {}

const utf8 = new TextDecoder();

/**
 * lib0's encodings, read defensively: every count is checked against the bytes left (each
 * element takes at least one), every length against the end of the buffer, and nested values are
 * walked with an explicit stack, so nothing here recurses and nothing allocates what the bytes
 * merely claim.
 */
export class ByteReader {
  pos = 0;
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

  /** A struct's length: at least 1 (Yjs never writes an empty one) and plausible. */
  length(): number {
    const n = this.varUint();
    if (n === 0) throw new Reject('a struct of length 0');
    if (n > MAX_STRUCT_LENGTH) throw new Reject(`a struct length of ${n} is not plausible`);
    return n;
  }

  string(): string {
    const n = this.varUint();
    const start = this.pos;
    this.skip(n);
    return utf8.decode(this.bytes.subarray(start, start + n));
  }

  skipString(): void {
    this.skip(this.varUint());
  }

  /** A JSON text (ContentJSON, ContentEmbed, ContentFormat, presence states). */
  json(): void {
    const text = this.string();
    if (text === 'undefined') return;
    if (jsonNesting(text) > MAX_VALUE_DEPTH) throw new Reject('a value is nested too deeply');
    try {
      JSON.parse(text);
    } catch {
      throw new Reject('a JSON value does not parse');
    }
  }

  /** lib0's `readAny`: a tagged value, nested through objects and arrays. */
  any(): void {
    const tag = this.byte();
    if (tag === 118 || tag === 117) this.container(tag);
    else this.scalar(tag);
  }

  /** An object or array, walked with a stack of what each open container still holds. */
  private container(first: number): void {
    const open: { left: number; keyed: boolean }[] = [];
    let tag = first;
    for (;;) {
      if (tag === 118 || tag === 117) {
        const n = this.count(tag === 118 ? 'object entry' : 'array item');
        if (open.length >= MAX_VALUE_DEPTH) throw new Reject('a value is nested too deeply');
        open.push({ left: n, keyed: tag === 118 });
      } else {
        this.scalar(tag);
      }
      let top = open[open.length - 1];
      while (top && top.left === 0) {
        open.pop();
        top = open[open.length - 1];
      }
      if (!top) return;
      top.left--;
      if (top.keyed) this.skipString();
      tag = this.byte();
    }
  }

  private scalar(tag: number): void {
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
        return this.skipString();
      case 116:
        return this.skip(this.varUint());
      default:
        throw new Reject(`unknown value tag ${tag}`);
    }
  }
}

/** How deep arrays and objects nest in a JSON text, counted without parsing it. */
function jsonNesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      // A backslash escapes the character after it; a quote ends the string.
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      deepest = Math.max(deepest, ++depth);
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return deepest;
}
