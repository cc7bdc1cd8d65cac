import { isAssetHash, type AssetHash, type ProjectId } from '../model/ids';
import { docFromUpdates, referencedAssetHashes } from './assetRefs';
import type { DocUpdateRow, FramelineDb } from './db';
import type { PipelineDb } from './pipelineRuns';

/**
 * Assets younger than this are never collected: another tab may have stored a sketch and not yet
 * written the document row that points at it (that write follows at once, or later if the disk
 * was full and the edit waits in the journal).
 */
export const GC_GRACE_MS = 60_000;

export interface SizeCount {
  readonly count: number;
  readonly bytes: number;
}

/**
 * One project's share of the browser's storage. Shared images count in every project that uses
 * them (the totals count each once). `renders` is a column for the render cache to come: there is
 * no renders store yet, so it is always empty today.
 */
export interface ProjectStorageUsage {
  readonly id: ProjectId;
  readonly title: string;
  /** Deleted but still restorable: its images are still kept. */
  readonly deleted: boolean;
  readonly document: SizeCount;
  readonly frames: SizeCount;
  readonly renders: SizeCount;
}

export interface StorageUsage {
  readonly projects: readonly ProjectStorageUsage[];
  readonly assets: SizeCount;
  /** Images no project refers to any more: what "delete unused images" would free. */
  readonly unreferenced: SizeCount;
  readonly renders: SizeCount;
}

const NONE: SizeCount = { count: 0, bytes: 0 };

function sum(sizes: Iterable<number>): SizeCount {
  let count = 0;
  let bytes = 0;
  for (const size of sizes) {
    count++;
    bytes += size;
  }
  return { count, bytes };
}

function rowsByProject(rows: readonly DocUpdateRow[]): Map<ProjectId, Uint8Array[]> {
  const byProject = new Map<ProjectId, Uint8Array[]>();
  for (const row of rows) {
    const list = byProject.get(row.projectId) ?? [];
    list.push(row.update);
    byProject.set(row.projectId, list);
  }
  return byProject;
}

function hashesOf(updates: readonly Uint8Array[]): Set<AssetHash> {
  const doc = docFromUpdates(updates);
  try {
    return referencedAssetHashes(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * Assets a pipeline run's results name (an idea run's rendered animatic, say): no project's
 * document holds them, yet the run shows and offers them. Any `assetHash` field in a stored
 * result counts, however deep, so a new kind of result is kept without a change here.
 */
export function hashesInResults(outputs: readonly unknown[]): Set<AssetHash> {
  const found = new Set<AssetHash>();
  const visit = (value: unknown, depth: number) => {
    if (depth > 8 || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    for (const [key, field] of Object.entries(value)) {
      if (key === 'assetHash' && isAssetHash(field)) found.add(field);
      else visit(field, depth + 1);
    }
  };
  for (const output of outputs) visit(output, 0);
  return found;
}

/** The table of pipeline step results (db.ts version 6), typed where it is read here. */
const stepResults = (db: FramelineDb) => (db as FramelineDb & PipelineDb).pipelineSteps;

/** Reads sizes from Dexie only (no blob is read): documents, frames per project, unused images. */
export async function computeStorageUsage(db: FramelineDb): Promise<StorageUsage> {
  return db.transaction('r', [db.projects, db.docUpdates, db.assets, stepResults(db)], async () => {
    const [projects, rows, assets, results] = await Promise.all([
      db.projects.toArray(),
      db.docUpdates.toArray(),
      db.assets.toArray(),
      stepResults(db).toArray(),
    ]);
    const sizeOf = new Map(assets.map((a) => [a.hash, a.size]));
    const byProject = rowsByProject(rows);
    const referenced = new Set<AssetHash>();
    // Rows of a project whose list entry is gone still count: never free what might be read.
    for (const updates of byProject.values()) for (const h of hashesOf(updates)) referenced.add(h);
    for (const h of hashesInResults(results.map((r) => r.output))) referenced.add(h);

    const usage = projects
      .sort((a, b) => b.updatedAt - a.updatedAt)
      .map((project): ProjectStorageUsage => {
        const updates = byProject.get(project.id) ?? [];
        const frames = [...hashesOf(updates)].flatMap((h) => sizeOf.get(h) ?? []);
        return {
          id: project.id,
          title: project.title,
          deleted: project.deletedAt !== null,
          document: sum(updates.map((u) => u.byteLength)),
          frames: sum(frames),
          renders: NONE,
        };
      });
    return {
      projects: usage,
      assets: sum(assets.map((a) => a.size)),
      unreferenced: sum(assets.filter((a) => !referenced.has(a.hash)).map((a) => a.size)),
      renders: NONE,
    };
  });
}

/**
 * Deletes images that no project's document mentions (deleted-but-restorable projects included)
 * and no pipeline run's result names, except those younger than `graceMs`. Reading the documents and deleting happen in one
 * transaction, so a document row written meanwhile by another tab cannot be missed.
 */
export async function deleteUnreferencedAssets(
  db: FramelineDb,
  now = Date.now(),
  graceMs = GC_GRACE_MS,
): Promise<SizeCount> {
  return db.transaction('rw', [db.docUpdates, db.assets, stepResults(db)], async () => {
    const rows = await db.docUpdates.toArray();
    const referenced = hashesInResults((await stepResults(db).toArray()).map((r) => r.output));
    for (const updates of rowsByProject(rows).values()) {
      for (const hash of hashesOf(updates)) referenced.add(hash);
    }
    const old = await db.assets
      .where('createdAt')
      .below(now - graceMs)
      .toArray();
    const unused = old.filter((asset) => !referenced.has(asset.hash));
    await db.assets.bulkDelete(unused.map((asset) => asset.hash));
    return sum(unused.map((asset) => asset.size));
  });
}

/**
 * Frees rendered videos kept for replay. Renders are not stored yet (a render is offered as a
 * download and forgotten), so there is nothing to clear; the Storage panel already has the
 * column and the button, and a future `renders` table plugs in here.
 */
export async function clearRenderCaches(_db: FramelineDb): Promise<SizeCount> {
  return NONE;
}
