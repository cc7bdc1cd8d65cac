import type { ProjectId } from '../model/ids';
import type { DocUpdateRow, FramelineDb } from './db';

/**
 * A project's stored update log, oldest first. Its own module, free of Yjs, so opening a project
 * can start this read while the document code (Yjs, schemas, migrations) is still loading: on a
 * 5,000-shot project both take hundreds of milliseconds, and neither needs the other.
 */
export function readStoredRows(db: FramelineDb, projectId: ProjectId): Promise<DocUpdateRow[]> {
  return db.docUpdates.where('projectId').equals(projectId).sortBy('seq');
}
