import * as Y from 'yjs';
import type { ProjectId } from '../model/ids';
import { newId } from '../model/ids';
import { totalDuration } from '../model/project';
import { collabTables, type ProjectLinkRow } from './collabTables';
import type { FramelineDb } from './db';
import { observe } from './live';
import { readProject, updateMeta } from './projectDoc';
import type { ProjectSession } from './projectSession';
import { documentOf } from './sessionDocument';

/**
 * Alternate cuts: a project duplicated whole (boards, comments, versions; frames are shared by
 * hash, so no image is copied) into a new local project that remembers where it came from. The
 * family is every project that descends from one original; the toolbar switches between them.
 */
export interface Variant {
  readonly projectId: ProjectId;
  readonly title: string;
  readonly parentId: ProjectId | null;
  readonly createdAt: number;
}

export class VariantStore {
  constructor(private readonly db: FramelineDb) {}

  private get links() {
    return collabTables(this.db).projectLinks;
  }

  /** Duplicates the open document into a new project titled `title`; returns its id. */
  async createVariantOf(session: ProjectSession, title: string): Promise<ProjectId> {
    return this.createVariant(session.id, documentOf(session), title);
  }

  async createVariant(sourceId: ProjectId, source: Y.Doc, title: string): Promise<ProjectId> {
    const id = newId<ProjectId>();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(source));
    updateMeta(copy, { title });
    const snapshot = readProject(copy).snapshot;
    const now = Date.now();
    await this.db.transaction(
      'rw',
      [this.db.projects, this.db.docUpdates, this.links],
      async () => {
        const sourceLink = await this.links.get(sourceId);
        const familyId = sourceLink?.familyId ?? sourceId;
        if (!sourceLink) {
          await this.links.put({ projectId: sourceId, familyId, parentId: null, createdAt: now });
        }
        await this.db.projects.add({
          id,
          title,
          createdAt: now,
          updatedAt: now,
          shotCount: snapshot.shots.length,
          durationMs: totalDuration(snapshot),
          coverHash: snapshot.shots.find((s) => s.frameHash !== null)?.frameHash ?? null,
          deletedAt: null,
        });
        await this.db.docUpdates.add({ projectId: id, update: Y.encodeStateAsUpdate(copy) });
        // Strictly after every cut before it, so the switcher's order is the order they were made.
        const family = await this.links.where('familyId').equals(familyId).toArray();
        const latest = Math.max(0, ...family.map((row) => row.createdAt));
        const createdAt = Math.max(now, latest + 1);
        await this.links.add({ projectId: id, familyId, parentId: sourceId, createdAt });
      },
    );
    copy.destroy();
    return id;
  }

  /** The project's family, oldest first (just the project itself when it has no variants). */
  async family(projectId: ProjectId): Promise<Variant[]> {
    const link = await this.links.get(projectId);
    const rows: ProjectLinkRow[] = link
      ? await this.links.where('familyId').equals(link.familyId).toArray()
      : [{ projectId, familyId: projectId, parentId: null, createdAt: 0 }];
    const projects = await this.db.projects.bulkGet(rows.map((row) => row.projectId));
    return rows
      .flatMap((row, i) => {
        const project = projects[i];
        if (!project || project.deletedAt !== null) return [];
        return [
          {
            projectId: row.projectId,
            title: project.title,
            parentId: row.parentId,
            createdAt: row.createdAt,
          },
        ];
      })
      .sort((a, b) => a.createdAt - b.createdAt);
  }

  watchFamily(projectId: ProjectId, onValue: (family: Variant[]) => void): () => void {
    return observe(() => this.family(projectId), onValue);
  }
}
