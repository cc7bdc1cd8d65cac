import * as Y from 'yjs';
import { newId, type AssetHash, type ProjectId } from '../model/ids';
import { totalDuration, type ProjectSnapshot } from '../model/project';
import { docFromUpdates, referencedAssetHashes } from './assetRefs';
import type { FramelineDb, ProjectRow } from './db';
import { readProject, schemaStatus, updateMeta } from './projectDoc';
import { isQuotaExceeded, reportStorageFull, StorageFullError } from './quota';

/**
 * A project's whole document as one Yjs update, for bundles: exported from the stored rows,
 * checked on a throwaway document before anything is written, and written back as a project.
 */
export interface ProjectStateExport {
  readonly row: ProjectRow;
  /** `Y.encodeStateAsUpdate` of every stored row merged: the complete document. */
  readonly update: Uint8Array;
  readonly snapshot: ProjectSnapshot;
  /** Every asset the document mentions (see assetRefs.ts), the frames among them. */
  readonly assetHashes: readonly AssetHash[];
}

/** Reads the stored document (flush an open session first, so its last edits are in it). */
export async function exportProjectState(
  db: FramelineDb,
  id: ProjectId,
): Promise<ProjectStateExport> {
  const { row, updates } = await db.transaction('r', db.projects, db.docUpdates, async () => ({
    row: await db.projects.get(id),
    updates: (await db.docUpdates.where('projectId').equals(id).sortBy('seq')).map((r) => r.update),
  }));
  if (!row) throw new Error('This project does not exist any more.');
  const doc = docFromUpdates(updates);
  try {
    return {
      row,
      update: Y.encodeStateAsUpdate(doc),
      snapshot: readProject(doc).snapshot,
      assetHashes: [...referencedAssetHashes(doc)],
    };
  } finally {
    doc.destroy();
  }
}

export type StateInspection =
  | {
      readonly ok: true;
      readonly snapshot: ProjectSnapshot;
      readonly assetHashes: ReadonlySet<AssetHash>;
    }
  | { readonly ok: false; readonly error: string };

/**
 * Applies an update to a fresh document and reads it as a project. Refuses what this version
 * could not open cleanly: an update that does not apply or depends on parts that are missing, no
 * project in it, a newer schema, or any record that does not validate.
 */
export function inspectProjectState(update: Uint8Array): StateInspection {
  const fail = (error: string): StateInspection => ({ ok: false, error });
  const doc = new Y.Doc();
  try {
    try {
      Y.applyUpdate(doc, update);
    } catch {
      return fail('its document is damaged (it does not apply to an empty document)');
    }
    // Yjs parks structs whose predecessors are missing instead of failing: a cut state lands here.
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
      return fail('its document is incomplete');
    }
    const schema = schemaStatus(doc);
    if (schema === 'empty') return fail('its document holds no project');
    if (schema === 'newer') {
      return fail('it was made by a newer version of Frameline. Update Frameline to open it');
    }
    const { snapshot, problems } = readProject(doc);
    if (problems.length > 0) return fail(`part of its document cannot be read (${problems[0]})`);
    return { ok: true, snapshot, assetHashes: referencedAssetHashes(doc) };
  } finally {
    doc.destroy();
  }
}

export interface AssetToStore {
  readonly hash: AssetHash;
  readonly mimeType: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
}

export interface ProjectStateImport {
  /** A document that passed inspectProjectState. */
  readonly update: Uint8Array;
  readonly createdAt: number;
  /** Bytes already checked against their hashes. */
  readonly assets: readonly AssetToStore[];
}

/**
 * `{ keepId }` stores the project under its own id, replacing the local copy if there is one;
 * `'copy'` makes a new project titled "… (copy)". One transaction: all of it or none of it.
 */
export type ImportTarget = { readonly keepId: ProjectId } | 'copy';

export async function importProjectState(
  db: FramelineDb,
  input: ProjectStateImport,
  target: ImportTarget,
): Promise<ProjectId> {
  const doc = docFromUpdates([input.update]);
  let update = input.update;
  const id = target === 'copy' ? newId<ProjectId>() : target.keepId;
  if (target === 'copy') {
    updateMeta(doc, { title: `${readProject(doc).snapshot.meta.title} (copy)` });
    update = Y.encodeStateAsUpdate(doc);
  }
  const { snapshot } = readProject(doc);
  doc.destroy();
  const now = Date.now();
  try {
    await db.transaction('rw', db.projects, db.docUpdates, db.assets, async () => {
      await db.docUpdates.where('projectId').equals(id).delete();
      await db.projects.put({
        id,
        title: snapshot.meta.title,
        createdAt: input.createdAt,
        updatedAt: now,
        shotCount: snapshot.shots.length,
        durationMs: totalDuration(snapshot),
        deletedAt: null,
      });
      await db.docUpdates.add({ projectId: id, update });
      const known = new Set(
        await db.assets
          .where('hash')
          .anyOf(input.assets.map((a) => a.hash))
          .primaryKeys(),
      );
      await db.assets.bulkAdd(
        input.assets
          .filter((asset) => !known.has(asset.hash))
          .map((asset) => ({
            hash: asset.hash,
            blob: new Blob([asset.bytes], { type: asset.mimeType }),
            mimeType: asset.mimeType,
            size: asset.bytes.byteLength,
            createdAt: now,
          })),
      );
    });
  } catch (cause) {
    if (!isQuotaExceeded(cause)) throw cause;
    const error = new StorageFullError('the imported project', { cause });
    reportStorageFull(error);
    throw error;
  }
  return id;
}
