export { snapshotToUpdate } from './encode';
export { REMOTE_ORIGIN, rootsOf, SYSTEM_ORIGIN, USER_ORIGIN, type ProjectRoots } from './layout';
export * from './operations';
export { readProject, type ReadResult } from './read';
export { SnapshotReader } from './snapshotReader';
export { touchedBy, type Touched } from './touched';
export { EMPTY_REVIEW, readReview, type ReviewSnapshot } from './readReview';
export { addComment, setApproval, setThreadResolution } from './review';
export { migrateDocument, readInCurrentShape, type MigrationResult } from './migrate';
export {
  PROJECT_MIGRATIONS,
  type LayoutMigration,
  type ProjectMigrations,
} from './migrationRegistry';
export { documentSchemaVersion, schemaStatus, type SchemaStatus } from './schema';
export {
  fitShotToAudio,
  removeAudioClip,
  setAudioClip,
  setMusic,
  setShotAudio,
  setShotFraming,
  setTransition,
} from './timelineOps';
export { addVersion, readVersions } from './versions';
export { addCharacter, mergeCharacters, renameCharacter } from './castOps';
export {
  deleteScene,
  duplicateShot,
  mergeShots,
  omitShot,
  restoreShot,
  splitShot,
  StructureError,
} from './structureOps';
export { deleteShots, moveShotsToScene, retimeShots, updateShots, type Retime } from './bulkOps';
export {
  addDrawingItem,
  addDrawingLayer,
  addImageLayer,
  setLayerFilters,
  clearDrawingLayers,
  DEFAULT_LAYER_PREFIX,
  deleteDrawingLayer,
  mergeDrawingLayerDown,
  moveDrawingLayer,
  removeDrawingItems,
  replaceDrawingItems,
  replaceImagePicture,
  updateDrawingLayer,
} from './drawingOps';
export { readDrawing } from './readDrawing';
export { putPictures } from './pictureOps';
export {
  carryShotEditToScript,
  editScript,
  followScriptText,
  readScriptFollow,
  resolveAnchors,
  ScriptEditError,
  scriptTextOf,
  seedScript,
  setScriptFollow,
  type ScriptChange,
  type ScriptFollowMode,
} from './scriptText';
