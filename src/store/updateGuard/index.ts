import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { Reject } from './byteReader';
import {
  MAX_SHARED_TYPES_PER_DOCUMENT,
  MAX_SHARED_TYPES_PER_UPDATE,
  MAX_TYPE_DEPTH,
} from './limits';
import { Nesting } from './nesting';
import { refused, type GuardResult } from './structure';
import { readStructTable, type StructTable } from './structTable';

/**
 * Checks a Yjs update (format v1) before Yjs sees it. A bounded reader walks the whole structure
 * (structTable.ts): counts against the bytes left, lengths against the end, plain values against
 * a depth, content kinds Frameline never uses (subdocuments) refused. Then the shared types: how
 * many the update makes, and how deep each will sit (nesting.ts), counting the levels the
 * document already has. Everything is linear in the update's size, iterative, and allocates in
 * proportion to the bytes actually there, so a tiny update declaring a huge struct count
 * (yjs#687) or 100,000 nested maps in 1.7 MB costs milliseconds, and what passes applies, reads,
 * deletes and garbage-collects without deep recursion inside Yjs.
 */
export { checkStructure, refused, type GuardResult } from './structure';

export { ByteReader, Reject } from './byteReader';
export * from './limits';

export interface CheckOptions {
  /** Refuse larger updates before reading them. */
  readonly maxBytes?: number;
  /**
   * The live document the update is for: depths continue from what it holds, and items it has
   * parked (waiting for what they hang on) are checked together with the update.
   */
  readonly doc?: Y.Doc;
}

function deepReason(nesting: Nesting, i: number): string {
  return `shared types nested more than ${MAX_TYPE_DEPTH} levels deep, under ${nesting.locate(i)}`;
}

export function checkUpdate(update: Uint8Array, options: CheckOptions = {}): GuardResult {
  const { maxBytes = Number.POSITIVE_INFINITY, doc = null } = options;
  if (update.byteLength > maxBytes) {
    return refused(`update of ${update.byteLength} bytes is over the limit`);
  }
  try {
    let table = readStructTable(update);
    const parked = doc?.store.pendingStructs;
    // Yjs keeps parked items as a v2 update.
    if (parked) {
      table = readStructTable(Y.mergeUpdates([Y.convertUpdateFormatV2ToV1(parked.update), update]));
    }
    const nesting = new Nesting(table, doc);
    let types = 0;
    for (let i = 0; i < table.size; i++) {
      if (!nesting.isNew(i)) continue;
      if (nesting.typeDepth(i) > MAX_TYPE_DEPTH) return refused(deepReason(nesting, i));
      if (table.isType.data[i] === 1) types++;
    }
    if (types > MAX_SHARED_TYPES_PER_UPDATE) {
      return refused(
        `the update makes ${types} shared types; a project never needs more than ${MAX_SHARED_TYPES_PER_UPDATE} at once`,
      );
    }
    return { ok: true };
  } catch (error) {
    if (error instanceof Reject) return refused(error.message);
    throw error;
  }
}

/** Whether a readable update holds the item with this id (false when it cannot be read). */
export function updateHolds(update: Uint8Array, client: number, clock: number): boolean {
  try {
    return readStructTable(update).find(client, clock) >= 0;
  } catch (error) {
    if (error instanceof Reject) return false;
    throw error;
  }
}

/** A part of a stored document left out so that the rest can open. */
export interface UpdateProblem {
  /** What is wrong, in words. */
  readonly reason: string;
  /** Where: `root › key` of the record it is in. */
  readonly where: string;
  /** The first item left out (to tell which stored row brought it). */
  readonly client: number;
  readonly clock: number;
}

export interface Salvage {
  /** The update with every part that breaks a bound turned into a gap Yjs skips. */
  readonly update: Uint8Array;
  readonly problems: readonly UpdateProblem[];
}

/** Problems reported per salvage; one per place is plenty. */
const MAX_PROBLEMS = 20;

/**
 * For a project's own stored log, which cannot simply be refused: the same bounds as
 * `checkUpdate`, but what breaks them is cut out rather than the whole refused. A shared type
 * nested too deep (and everything inside it), or made past the document's type budget, becomes
 * a gap of the same length (a GC struct): the ids stay taken, Yjs collects whatever hangs on
 * them, and everything else applies as before. Throws `Reject` when the update cannot be read
 * at all.
 */
export function salvageUpdate(update: Uint8Array): Salvage {
  const table = readStructTable(update);
  const nesting = new Nesting(table, null);
  const cut = new Uint8Array(table.size);
  const problems: UpdateProblem[] = [];
  const seen = new Set<string>();
  const report = (i: number, reason: string, where: string) => {
    if (seen.has(reason + where) || problems.length >= MAX_PROBLEMS) return;
    seen.add(reason + where);
    const client = table.client.data[i] as number;
    problems.push({ reason, where, client, clock: table.clock.data[i] as number });
  };
  let types = 0;
  let cuts = 0;
  for (let i = 0; i < table.size; i++) {
    const level = nesting.level[i] as number;
    if (level > MAX_TYPE_DEPTH || nesting.typeDepth(i) > MAX_TYPE_DEPTH) {
      // Only the outermost type too deep is reported; what is inside it goes with it.
      if (level === MAX_TYPE_DEPTH) {
        report(i, `shared types nested more than ${MAX_TYPE_DEPTH} levels deep`, nesting.locate(i));
      }
      cut[i] = 1;
      cuts++;
    } else if (table.isType.data[i] === 1 && ++types > MAX_SHARED_TYPES_PER_DOCUMENT) {
      report(i, `more than ${MAX_SHARED_TYPES_PER_DOCUMENT} shared types`, nesting.locate(i));
      cut[i] = 1;
      cuts++;
    }
  }
  return { update: cuts === 0 ? update : rewrite(update, table, cut), problems };
}

/** The update with the cut items written as gaps (GC structs) of their length. */
function rewrite(update: Uint8Array, table: StructTable, cut: Uint8Array): Uint8Array {
  const out = encoding.createEncoder();
  let copied = 0;
  for (let i = 0; i < table.size; i++) {
    if (cut[i] !== 1) continue;
    const start = table.start.data[i] as number;
    encoding.writeUint8Array(out, update.subarray(copied, start));
    encoding.writeUint8(out, 0); // info: GC
    encoding.writeVarUint(out, table.length.data[i] as number);
    copied = table.end.data[i] as number;
  }
  encoding.writeUint8Array(out, update.subarray(copied));
  return encoding.toUint8Array(out);
}
