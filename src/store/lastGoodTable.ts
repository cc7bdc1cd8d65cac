import type { EntityTable } from 'dexie';
import type { ProjectId } from '../model/ids';
import type { FramelineDb } from './db';

/**
 * The last state of a project that opened and displayed (db.ts, version 5). One row per
 * project, replaced when a later state displays; about one more copy of the document per project.
 */
export interface LastGoodRow {
  readonly projectId: ProjectId;
  /** The whole document as one Yjs update. */
  readonly update: Uint8Array;
  /** Its state vector: an unchanged document is not written again. */
  readonly stateVector: Uint8Array;
  readonly savedAt: number;
  readonly title: string;
  readonly shotCount: number;
}

export type LastGoodDb = FramelineDb & { lastGoodStates: EntityTable<LastGoodRow, 'projectId'> };

/** The same database seen with its recovery table (declared in db.ts as version 5). */
export function lastGoodTables(db: FramelineDb): LastGoodDb {
  return db as LastGoodDb;
}
