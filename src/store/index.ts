export { AssetRefusedError, checkStoredAsset, hashBytes, type AssetStore } from './assets';
export { DEFAULT_DB_NAME, openDb, type FramelineDb, type ProjectRow } from './db';
export { type PersistenceStatus } from './docPersistence';
export { SaveError } from './durability/saveError';
export {
  ProjectRepository,
  DELETE_UNDO_WINDOW_MS,
  type NewProjectSummary,
  type OpenProject,
} from './projects';
export { ProjectSession, type SaveState, type SessionState } from './projectSession';
export { DamagedProjectError, describeDamage, type LogDamage } from './storedLog';
export { ProjectRecovery, type LastGoodInfo, type RawLog, type RawLogRow } from './recovery';
export type { ReviewSnapshot } from './projectDoc';

// PWA and storage durability (bundles, Storage panel). The app's asset store reports a full disk
// in words, like document writes do (quota.ts wraps assets.ts).
export {
  createQuotaAwareAssetStore as createAssetStore,
  onStorageFull,
  StorageFullError,
} from './quota';
export { exportProjectState, importProjectState, inspectProjectState } from './projectState';
export type {
  AssetToStore,
  ImportTarget,
  ProjectStateExport,
  StateInspection,
} from './projectState';
export { clearRenderCaches, computeStorageUsage, deleteUnreferencedAssets } from './storageUsage';
export type { ProjectStorageUsage, SizeCount, StorageUsage } from './storageUsage';
export { referencedAssetHashes } from './assetRefs';
export { nextTask } from './nextTask';
export { markOpen, OPEN_MARK_PREFIX, type OpenStep } from './openMarks';
export { searchTables, type SearchDb, type SearchDocsRow } from './searchTable';
export type { StoredProjectContent } from './projectDocuments';
