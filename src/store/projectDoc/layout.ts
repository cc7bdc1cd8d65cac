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
} as const;

export const SCENE_SHOT_ORDER = 'shotOrder';
/**
 * A shot's takes: a Y.Array so takes two peers generate at once are both kept, of Y.Maps (not
 * plain objects) so code that walks the raw document for asset hashes (store/assetRefs.ts, which
 * keeps images from garbage collection) finds every take's image.
 */
export const SHOT_TAKES = 'takes';

/** Transaction origin of the user's own edits: the only ones undo tracks. */
export const USER_ORIGIN = Symbol('frameline:user');
/** Edits the app makes on its own (sketched frames, migrations): never undone by the user. */
export const SYSTEM_ORIGIN = Symbol('frameline:system');

export type YRecord = Y.Map<unknown>;

export function rootsOf(doc: Y.Doc) {
  return {
    meta: doc.getMap<unknown>(ROOT.meta),
    scenes: doc.getMap<YRecord>(ROOT.scenes),
    sceneOrder: doc.getArray<string>(ROOT.sceneOrder),
    shots: doc.getMap<YRecord>(ROOT.shots),
    characters: doc.getMap<YRecord>(ROOT.characters),
  };
}

export type ProjectRoots = ReturnType<typeof rootsOf>;
