export { hashBytes, type AssetStore } from './assets';
export { openDb, type FramelineDb, type ProjectRow } from './db';
export { describeWriteError, PERSIST_THROTTLE_MS, type PersistenceStatus } from './docPersistence';
export * as projectDoc from './projectDoc';
export { ProjectRepository, DELETE_UNDO_WINDOW_MS, type OpenProject } from './projects';
export { ProjectSession, type SessionState } from './projectSession';

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
