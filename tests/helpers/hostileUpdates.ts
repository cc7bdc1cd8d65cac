import * as encoding from 'lib0/encoding';

/**
 * Yjs updates (format v1) an attacker would send, written byte by byte: building them with Yjs
 * itself would need the very recursion they are meant to trip, and this is fast enough for
 * 100,000 levels.
 */

const CONTENT_TYPE = 7;
const Y_MAP = 1;
const HAS_PARENT_SUB = 0x20;

export interface NestedMapsOptions {
  /** How many Y.Maps, each inside the one before. */
  readonly depth: number;
  /** The root map the outermost one is put in (`versions` makes it a version record). */
  readonly root?: string;
  /** Its key there. */
  readonly key?: string;
  /** The writer's Yjs client id; pick one no real peer has. */
  readonly client?: number;
}

/**
 * One update that puts `depth` shared maps inside each other under `root[key]`: what made a
 * project fail to open with "Maximum call stack size exceeded" on every reload.
 */
export function nestedMapsUpdate({
  depth,
  root = 'versions',
  key = 'nested',
  client = 987_654_321,
}: NestedMapsOptions): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // one client
  encoding.writeVarUint(e, depth); // structs
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 0); // first clock
  for (let i = 0; i < depth; i++) {
    encoding.writeUint8(e, CONTENT_TYPE | HAS_PARENT_SUB);
    if (i === 0) {
      encoding.writeVarUint(e, 1); // the parent is a root type, by name
      encoding.writeVarString(e, root);
      encoding.writeVarString(e, key);
    } else {
      encoding.writeVarUint(e, 0); // the parent is the map written just before
      encoding.writeVarUint(e, client);
      encoding.writeVarUint(e, i - 1);
      encoding.writeVarString(e, 'inner');
    }
    encoding.writeVarUint(e, Y_MAP);
  }
  encoding.writeVarUint(e, 0); // no deletions
  return encoding.toUint8Array(e);
}

/** One update with `count` empty shared maps side by side in one root map: wide, not deep. */
export function manyMapsUpdate(count: number, root = 'shots', client = 987_654_322): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, count);
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 0);
  for (let i = 0; i < count; i++) {
    encoding.writeUint8(e, CONTENT_TYPE | HAS_PARENT_SUB);
    encoding.writeVarUint(e, 1);
    encoding.writeVarString(e, root);
    encoding.writeVarString(e, `m${i}`);
    encoding.writeVarUint(e, Y_MAP);
  }
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
}
