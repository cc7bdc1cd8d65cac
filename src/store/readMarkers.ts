import type { ProjectId } from '../model/ids';
import { collabTables } from './collabTables';
import type { FramelineDb } from './db';
import { observe } from './live';

/** Local read state of comment threads: a thread is unread when it has news after `readAt`. */
export class ReadMarkerStore {
  constructor(private readonly db: FramelineDb) {}

  private get table() {
    return collabTables(this.db).readMarkers;
  }

  async markRead(projectId: ProjectId, threadId: string, at: number = Date.now()): Promise<void> {
    await this.table.put({ id: `${projectId}:${threadId}`, projectId, readAt: at });
  }

  async readTimes(projectId: ProjectId): Promise<Map<string, number>> {
    const rows = await this.table.where('projectId').equals(projectId).toArray();
    return new Map(rows.map((row) => [row.id.slice(projectId.length + 1), row.readAt]));
  }

  watch(projectId: ProjectId, onValue: (times: Map<string, number>) => void): () => void {
    return observe(() => this.readTimes(projectId), onValue);
  }
}
