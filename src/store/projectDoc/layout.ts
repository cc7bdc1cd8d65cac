import type * as Y from 'yjs';

/**
 * How a project lives inside its Y.Doc. This folder is the only code that knows these names;
 * everything above it reads `ProjectSnapshot`s and calls the operations in `operations.ts`.
 *
 *   meta        Y.Map   schemaVersion, title, aspectRatio, frameRate
 *   scenes      Y.Map   sceneId → Y.Map of scene fields + `shotOrder: Y.Array<ShotId>`
 *   sceneOrder  Y.Array SceneId, script order
 *   shots       Y.Map   shotId → Y.Map of shot fields (sceneId included)
 *                       + `takes: Y.Array<Y.Map>` of generated images (hash, provider, prompt…)
 *   characters  Y.Map   characterId → Y.Map of character fields
 *   drawings    Y.Map   `${shotId}/${layerId}` → Y.Map of a drawing layer's fields
 *                       (model/drawing.ts) + `items: Y.Array` of plain items (strokes, shapes,
 *                       text, images by hash). One key per layer, not one per shot: layer ids
 *                       are random, so two people starting a drawing on one shot at once never
 *                       replace each other's layer (a key set twice keeps one value), and
 *                       strokes appended to one layer at once both stay (drawingOps.ts).
 *
 * The script (issue 17; README "The script and the boards"):
 *
 *   script      Y.Map   `text`: Y.Text, the Fountain source everyone writes (absent until seeded:
 *                       seeding sets a new Y.Text under the key, so two peers seeding at once
 *                       keep one, never both texts end to end); `follow`: 'live' | 'button';
 *                       `anchors`: Y.Map shotId → JSON of a Yjs relative position in `text`,
 *                       where the beat the shot came from starts (it moves with the text).
 *
 * Review and history (collaboration; none of these is tracked by undo, see projectSession.ts):
 *
 *   comments    Y.Map   commentId → plain object (model/comment.ts `Comment`). Written once,
 *                       never edited: the record is what its author's signature covers, so it is
 *                       an atomic value rather than a Y.Map whose fields could merge from two
 *                       writers.
 *   threads     Y.Map   threadId → plain `ThreadResolution` (resolved, by, at): last writer wins.
 *   approvals   Y.Map   shotId → plain signed `Approval`: last writer wins, whole record.
 *   versions    Y.Map   versionId → Y.Map of `ProjectVersion` fields. The state itself is an asset
 *                       (its SHA-256 in `stateHash`), so a Y.Map keeps the hash visible to
 *                       store/assetRefs.ts and the blob is never garbage-collected.
 *
 * Records are Y.Maps of plain values so that two people editing different fields of one shot
 * both keep their edit. Order lives in Y.Arrays of ids, apart from the records, so a concurrent
 * move and edit never fight; reading tolerates the duplicates and orphans that concurrent moves
 * can leave (see read.ts).
 */
export const ROOT = {
  meta: 'meta',
  scenes: 'scenes',
  sceneOrder: 'sceneOrder',
  shots: 'shots',
  characters: 'characters',
  comments: 'comments',
  threads: 'threads',
  approvals: 'approvals',
  versions: 'versions',
  drawings: 'drawings',
  script: 'script',
} as const;

/** Keys of the `script` root (layout above). */
export const SCRIPT_TEXT = 'text';
export const SCRIPT_FOLLOW = 'follow';
export const SCRIPT_ANCHORS = 'anchors';

export const SCENE_SHOT_ORDER = 'shotOrder';
/**
 * A shot's takes: a Y.Array so takes two peers generate at once are both kept, of Y.Maps (not
 * plain objects) so code that walks the raw document for asset hashes (store/assetRefs.ts, which
 * keeps images from garbage collection) finds every take's image.
 */
export const SHOT_TAKES = 'takes';
/** A drawing layer's items (layout above). */
export const LAYER_ITEMS = 'items';

/** Transaction origin of the user's own edits: the only ones undo tracks. */
export const USER_ORIGIN = Symbol('frameline:user');
/** Edits the app makes on its own (sketched frames, migrations): never undone by the user. */
export const SYSTEM_ORIGIN = Symbol('frameline:system');
/**
 * Updates that arrived from collaborators (src/sync applies them with this origin): persisted
 * like any change, never on this user's undo stack, never sent back to where they came from.
 */
export const REMOTE_ORIGIN = Symbol('frameline:remote');

export type YRecord = Y.Map<unknown>;

export function rootsOf(doc: Y.Doc) {
  return {
    meta: doc.getMap<unknown>(ROOT.meta),
    scenes: doc.getMap<YRecord>(ROOT.scenes),
    sceneOrder: doc.getArray<string>(ROOT.sceneOrder),
    shots: doc.getMap<YRecord>(ROOT.shots),
    characters: doc.getMap<YRecord>(ROOT.characters),
    comments: doc.getMap<unknown>(ROOT.comments),
    threads: doc.getMap<unknown>(ROOT.threads),
    approvals: doc.getMap<unknown>(ROOT.approvals),
    versions: doc.getMap<YRecord>(ROOT.versions),
    drawings: doc.getMap<YRecord>(ROOT.drawings),
    script: doc.getMap<unknown>(ROOT.script),
  };
}

export type ProjectRoots = ReturnType<typeof rootsOf>;
