import Dexie, { type EntityTable } from 'dexie';
import type { AssetHash, ProjectId } from '../model/ids';

/** Local row per project: what the project list shows without opening every Y.Doc. */
export interface ProjectRow {
  id: ProjectId;
  /** Mirrors the Y.Doc's meta.title (the truth), kept in step by the persistence client. */
  title: string;
  createdAt: number;
  updatedAt: number;
  shotCount: number;
  durationMs: number;
  /** The first frame on the board, shown on the project's card; absent on rows from before it. */
  coverHash?: AssetHash | null;
  /** Set when the user deletes; the row and its updates are purged once the undo window is gone. */
  deletedAt: number | null;
}

/** One stored Y.Doc update. A project's document is the merge of all its rows, in `seq` order. */
export interface DocUpdateRow {
  seq?: number;
  projectId: ProjectId;
  update: Uint8Array;
}

/** Content-addressed bytes: the same image stored twice is one row. */
export interface AssetRow {
  hash: AssetHash;
  blob: Blob;
  mimeType: string;
  size: number;
  createdAt: number;
}

export type FramelineDb = Dexie & {
  projects: EntityTable<ProjectRow, 'id'>;
  docUpdates: EntityTable<DocUpdateRow, 'seq'>;
  assets: EntityTable<AssetRow, 'hash'>;
};

export const DEFAULT_DB_NAME = 'frameline';

/** Opens (or creates) the database. Tests pass their own name so each starts empty. */
export function openDb(name: string = DEFAULT_DB_NAME): FramelineDb {
  const db = new Dexie(name) as FramelineDb;
  db.version(1).stores({
    projects: 'id, updatedAt, deletedAt',
    docUpdates: '++seq, projectId',
    assets: 'hash, createdAt',
  });
  // AI providers (row types in aiTables.ts): encrypted keys, call log, settings, frame queue.
  db.version(3).stores({
    aiVault: 'id',
    aiKeys: 'providerId',
    aiCalls: '++id, at',
    aiSettings: 'key',
    aiBatches: 'id, projectId',
    aiJobs: 'id, batchId, projectId',
  });
  // Collaboration (row types in collabTables.ts): rooms joined, settings and profile, the device
  // signing key, read markers of comment threads, alternate cuts.
  db.version(4).stores({
    collabRooms: 'projectId, roomId',
    collabSettings: 'key',
    deviceKeys: 'id',
    readMarkers: 'id, projectId',
    projectLinks: 'projectId, familyId',
  });
  // Recovery (row type in recovery.ts): per project, the last state that opened and displayed.
  db.version(5).stores({
    lastGoodStates: 'projectId',
  });
  // Pipeline runs (row types in pipelineRuns.ts): idea → animatic runs and their step results.
  db.version(6).stores({
    pipelineRuns: 'id, pipelineId, updatedAt',
    pipelineSteps: '[runId+stepId+inputHash], runId',
  });
  // Pipeline templates (row type in pipelineTemplates.ts): custom pipelines saved to run again.
  // A new table only: nothing older is read or rewritten, so no upgrade function is needed.
  db.version(7).stores({
    pipelineTemplates: 'id, updatedAt',
  });
  // Search (row type in searchTable.ts): each project's search documents as last indexed, so the
  // index is rebuilt without opening every project. A new table only: no upgrade function.
  db.version(8).stores({
    searchDocs: 'projectId',
  });
  return db;
}
