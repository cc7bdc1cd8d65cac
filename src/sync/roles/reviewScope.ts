import * as Y from 'yjs';

/**
 * What a commenter or viewer may add to the project document, read off the update itself before
 * it is applied (roles enforced by every peer: README). A viewer may add nothing. A commenter may
 * add or replace whole records in the review maps (comments, thread resolutions, approvals) and
 * nothing else: no shot, scene, field, drawing or script change, no nested shared type, and no
 * deletion outside those maps. Comments and approvals must name the signing device as author,
 * so a commenter cannot post in someone else's name either.
 *
 * The update is first cut down to what this document does not have yet (a catch-up from a
 * commenter repeats what an editor wrote; that part is not theirs to vouch for, but it is no
 * change here either).
 */
export const REVIEW_ROOTS = new Set(['comments', 'threads', 'approvals']);
/** Review records whose `author.publicKey` must be the signer's. */
const AUTHORED_ROOTS = new Set(['comments', 'approvals']);

/** Yjs does not export the delete set's type; this is what `decodeUpdate` returns for it. */
type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];

export type ScopeResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const OK: ScopeResult = { ok: true };
const refuse = (reason: string): ScopeResult => ({ ok: false, reason });

/** Where an item sits: a root map and a key, or somewhere a commenter may not write. */
interface Place {
  readonly root: string;
  readonly key: string | null;
}

function idKey(id: Y.ID): string {
  return `${id.client}:${id.clock}`;
}

/** The item of the document holding this id, if the document has it. */
function docItem(doc: Y.Doc, id: Y.ID): Y.Item | null {
  if (id.clock >= Y.getState(doc.store, id.client)) return null;
  const struct = Y.getItem(doc.store, id) as Y.Item | Y.GC;
  return struct instanceof Y.Item ? struct : null;
}

function placeOfDocItem(item: Y.Item): Place | null {
  const parent: unknown = item.parent;
  if (!(parent instanceof Y.AbstractType) || parent._item !== null) return null;
  return { root: Y.findRootTypeKey(parent), key: item.parentSub };
}

/** Finds the root and key of a decoded item: named, or shared with the neighbour it hangs on. */
function placeOf(item: Y.Item, inUpdate: Map<string, Place | null>, doc: Y.Doc): Place | null {
  const parent = item.parent as unknown;
  if (typeof parent === 'string') return { root: parent, key: item.parentSub };
  if (parent !== null) return null; // a parent named by id: a nested type, never a review record
  const neighbour = item.origin ?? item.rightOrigin;
  if (!neighbour) return null;
  const fromUpdate = inUpdate.get(idKey(neighbour));
  if (fromUpdate !== undefined) return fromUpdate;
  const known = docItem(doc, neighbour);
  return known ? placeOfDocItem(known) : null;
}

function authorKeyOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const author = (value as { author?: unknown }).author;
  if (typeof author !== 'object' || author === null) return null;
  const key = (author as { publicKey?: unknown }).publicKey;
  return typeof key === 'string' ? key : null;
}

/** The part of `update` this document lacks. */
function newPart(
  update: Uint8Array,
  doc: Y.Doc,
): { structs: Y.Item[]; ds: DeleteSet; gaps: number } {
  const decoded = Y.decodeUpdate(Y.diffUpdate(update, Y.encodeStateVector(doc)));
  const structs: Y.Item[] = [];
  let gaps = 0;
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Item) structs.push(struct);
    else if (struct instanceof Y.GC) gaps++;
  }
  return { structs, ds: decoded.ds, gaps };
}

/** Checks every deleted range: each must already be deleted, or be a review record (or new). */
function checkDeletes(
  ds: DeleteSet,
  doc: Y.Doc,
  inUpdate: Map<string, Place | null>,
  allowReview: boolean,
): ScopeResult {
  for (const [client, ranges] of ds.clients) {
    for (const range of ranges) {
      let clock = range.clock;
      const end = range.clock + range.len;
      while (clock < end) {
        const item = docItem(doc, Y.createID(client, clock));
        if (!item) {
          if (inUpdate.has(`${client}:${clock}`) && allowReview) {
            clock++;
            continue;
          }
          if (clock >= Y.getState(doc.store, client)) {
            return refuse('deletes something this peer has never seen');
          }
          clock++; // a collected gap: nothing left to delete
          continue;
        }
        if (!item.deleted) {
          const place = placeOfDocItem(item);
          if (!allowReview || !place || !REVIEW_ROOTS.has(place.root)) {
            return refuse(
              `deletes from ${place ? place.root : 'the project'}, which it may not edit`,
            );
          }
        }
        clock = item.id.clock + item.length;
      }
    }
  }
  return OK;
}

/** Whether a viewer's update changes nothing here (a catch-up of what we have is fine). */
export function checkViewerUpdate(update: Uint8Array, doc: Y.Doc): ScopeResult {
  const { structs, ds, gaps } = newPart(update, doc);
  if (structs.length > 0 || gaps > 0) return refuse('a viewer may not change the project');
  return checkDeletes(ds, doc, new Map(), false);
}

/** Whether a commenter's update only adds review records in the signer's own name. */
export function checkCommenterUpdate(update: Uint8Array, doc: Y.Doc, signer: string): ScopeResult {
  const { structs, ds, gaps } = newPart(update, doc);
  if (gaps > 0) return refuse('a commenter may not change the project');
  const places = new Map<string, Place | null>();
  for (const item of structs) {
    const place = placeOf(item, places, doc);
    places.set(idKey(item.id), place);
    if (!place || !REVIEW_ROOTS.has(place.root) || place.key === null) {
      return refuse(
        `a commenter may only add comments and approvals (this update changes ${place?.root ?? 'the project'})`,
      );
    }
    // A record set and replaced within one update arrives as deleted content: nothing to check.
    if (item.content instanceof Y.ContentDeleted) continue;
    if (!(item.content instanceof Y.ContentAny) || item.content.arr.length !== 1) {
      return refuse(`a review record in ${place.root} must be one plain value`);
    }
    if (AUTHORED_ROOTS.has(place.root) && authorKeyOf(item.content.arr[0]) !== signer) {
      return refuse(`a ${place.root} record must be signed in its author's own name`);
    }
  }
  return checkDeletes(ds, doc, places, true);
}
