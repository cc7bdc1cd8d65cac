import * as Y from 'yjs';
import { newId, type AssetHash, type ProjectId } from '../model/ids';
import { totalDuration, type ProjectSnapshot } from '../model/project';
import { AssetRefusedError, checkStoredAsset } from './assets';
import { docFromUpdates, referencedAssetHashes } from './assetRefs';
import { nextTask } from './nextTask';
import type { FramelineDb, ProjectRow } from './db';
import {
  browserJournalStorage,
  discardJournal,
  type JournalStorage,
} from './durability/editJournal';
import { readProject, schemaStatus, updateMeta } from './projectDoc';
import { isQuotaExceeded, reportStorageFull, StorageFullError } from './quota';
import { checkUpdate } from './updateGuard';

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
 * project in it, a newer schema, any record that does not validate, or anything the update guard
 * refuses (shared types nested too deep or too many of them, malformed bytes).
 */
export function inspectProjectState(update: Uint8Array): StateInspection {
  const fail = (error: string): StateInspection => ({ ok: false, error });
  // A bundle is anyone's bytes: the same bounds as a peer's update, before Yjs reads them.
  const check = checkUpdate(update);
  if (!check.ok) return fail(`its document is damaged or unsafe to open (${check.reason})`);
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
  /**
   * What inspectProjectState read from `update` (a worker did it, see export/bundle): given, the
   * document is not applied again here, so a big project is stored without blocking the page.
   * A copy still needs the document (its title changes).
   */
  readonly readAs?: {
    readonly snapshot: ProjectSnapshot;
    readonly referenced: ReadonlySet<AssetHash>;
  };
}

/** Images written per request while storing an import: each batch's blobs are made in one go. */
export const ASSETS_PER_WRITE = 50;

/** The document to store, what its list row says, and which assets it refers to. */
function prepare(input: ProjectStateImport, target: ImportTarget) {
  if (input.readAs && target !== 'copy') {
    return { update: input.update, ...input.readAs };
  }
  const doc = docFromUpdates([input.update]);
  try {
    let update = input.update;
    if (target === 'copy') {
      updateMeta(doc, { title: `${readProject(doc).snapshot.meta.title} (copy)` });
      update = Y.encodeStateAsUpdate(doc);
    }
    return { update, snapshot: readProject(doc).snapshot, referenced: referencedAssetHashes(doc) };
  } finally {
    doc.destroy();
  }
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
  journal: JournalStorage | null = browserJournalStorage(),
): Promise<ProjectId> {
  const id = target === 'copy' ? newId<ProjectId>() : target.keepId;
  // The store's own guarantee, whatever the reader let through: an asset the document does not
  // refer to is never written (it would only take space until a clean-up found it).
  const { update, snapshot, referenced } = prepare(input, target);
  // Nor is one of a format Frameline does not accept: readers check first and say which file and
  // asset; this is the store's own guarantee too.
  // Checked in batches, the page drawing in between: a thousand frames take a tenth of a second.
  const assets: AssetToStore[] = [];
  for (const asset of input.assets) {
    if (!referenced.has(asset.hash)) continue;
    const checked = checkStoredAsset(asset.bytes, asset.mimeType);
    if (!checked.ok) throw new AssetRefusedError(checked.reason);
    assets.push({ ...asset, mimeType: checked.mimeType });
    if (assets.length % ASSETS_PER_WRITE === 0) await nextTask();
  }
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
          .anyOf(assets.map((a) => a.hash))
          .primaryKeys(),
      );
      // In batches, inside the one transaction: making a thousand blobs and their requests at
      // once blocked the page for half a second; between batches it gets to draw.
      const fresh = assets.filter((asset) => !known.has(asset.hash));
      for (let at = 0; at < fresh.length; at += ASSETS_PER_WRITE) {
        await db.assets.bulkAdd(
          fresh.slice(at, at + ASSETS_PER_WRITE).map((asset) => ({
            hash: asset.hash,
            blob: new Blob([asset.bytes], { type: asset.mimeType }),
            mimeType: asset.mimeType,
            size: asset.bytes.byteLength,
            createdAt: now,
          })),
        );
      }
    });
  } catch (cause) {
    if (!isQuotaExceeded(cause)) throw cause;
    const error = new StorageFullError('the imported project', { cause });
    reportStorageFull(error);
    throw error;
  }
  // The replaced document's journaled edits belong to what was replaced: never replay them into it.
  if (journal && target !== 'copy') discardJournal(journal, { dbName: db.name, projectId: id });
  return id;
}
