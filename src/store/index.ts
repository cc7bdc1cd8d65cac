export { createAssetStore, hashBytes, type AssetStore } from './assets';
export { openDb, type FramelineDb, type ProjectRow } from './db';
export { describeWriteError, PERSIST_THROTTLE_MS, type PersistenceStatus } from './docPersistence';
export * as projectDoc from './projectDoc';
export { ProjectRepository, DELETE_UNDO_WINDOW_MS, type OpenProject } from './projects';
export { ProjectSession, type SessionState } from './projectSession';
