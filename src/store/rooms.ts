import type { ProjectId } from '../model/ids';
import { newId } from '../model/ids';
import { collabTables, type RoomRow } from './collabTables';
import type { FramelineDb } from './db';
import { observe } from './live';

/**
 * Which local projects are shared in which rooms. Leaving a room deletes only this row: the
 * project, with everything synced so far, stays in the browser as an ordinary project.
 */
export class RoomStore {
  constructor(private readonly db: FramelineDb) {}

  private get table() {
    return collabTables(this.db).collabRooms;
  }

  get(projectId: ProjectId): Promise<RoomRow | undefined> {
    return this.table.get(projectId);
  }

  async findByRoomId(roomId: string): Promise<RoomRow | undefined> {
    return this.table.where('roomId').equals(roomId).first();
  }

  async save(row: RoomRow): Promise<void> {
    await this.table.put(row);
  }

  async setOnline(projectId: ProjectId, online: boolean): Promise<void> {
    await this.table.update(projectId, { online });
  }

  async leave(projectId: ProjectId): Promise<void> {
    await this.table.delete(projectId);
  }

  watch(projectId: ProjectId, onRow: (row: RoomRow | null) => void): () => void {
    return observe(async () => (await this.get(projectId)) ?? null, onRow);
  }

  /**
   * A project for a room this browser joins: a list row and an EMPTY document. Nothing is
   * written into the document, so the first sync brings the project exactly as its owner has it
   * (a default title written here could win over theirs).
   */
  async createForRoom(
    room: Omit<RoomRow, 'projectId' | 'joinedAt' | 'online'>,
  ): Promise<ProjectId> {
    const projectId = newId<ProjectId>();
    const now = Date.now();
    await this.db.transaction('rw', this.db.projects, this.table, async () => {
      await this.db.projects.add({
        id: projectId,
        title: 'Joining shared project…',
        createdAt: now,
        updatedAt: now,
        shotCount: 0,
        durationMs: 0,
        deletedAt: null,
      });
      await this.table.add({ ...room, projectId, joinedAt: now, online: true });
    });
    return projectId;
  }
}
