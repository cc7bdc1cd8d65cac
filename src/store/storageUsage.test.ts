import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { projectWithFrames } from '../../tests/helpers/projectWithFrames';
import { createAssetStore } from './assets';
import { openDb, type FramelineDb } from './db';
import { rootsOf } from './projectDoc';
import { DexieRunStore } from './pipelineRuns';
import { ProjectRepository } from './projects';
import {
  clearRenderCaches,
  computeStorageUsage,
  deleteUnreferencedAssets,
  GC_GRACE_MS,
} from './storageUsage';
import { pngBytes } from '../../tests/helpers/mediaBytes';

let db: FramelineDb;
let count = 0;
const later = () => Date.now() + GC_GRACE_MS + 1000;

beforeEach(() => {
  db = openDb(`storage-usage-${++count}`);
});

afterEach(() => {
  db.close();
});

async function orphan(fill: number) {
  return createAssetStore(db).put(pngBytes(fill, 100), 'image/png');
}

describe('storage usage', () => {
  test('each project shows its document size and the frames it uses; nothing else is unused', async () => {
    const a = await projectWithFrames(db, { title: 'A', frames: 2, seed: 1 });
    await projectWithFrames(db, { title: 'B', frames: 3, seed: 2 });
    const usage = await computeStorageUsage(db);
    const row = usage.projects.find((p) => p.id === a.id)!;
    expect(row.title).toBe('A');
    expect(row.document.count).toBe(1);
    expect(row.document.bytes).toBeGreaterThan(100);
    expect(row.frames).toEqual({ count: 2, bytes: 2 * 70 });
    expect(row.renders).toEqual({ count: 0, bytes: 0 });
    expect(usage.assets).toEqual({ count: 5, bytes: 5 * 70 });
    expect(usage.unreferenced).toEqual({ count: 0, bytes: 0 });
  });

  test('an image no project mentions is counted as unused', async () => {
    await projectWithFrames(db);
    await orphan(9);
    const usage = await computeStorageUsage(db);
    expect(usage.unreferenced).toEqual({ count: 1, bytes: 100 });
  });
});

describe('deleting unused images', () => {
  test('removes images no document mentions and keeps every referenced one', async () => {
    const { hashes } = await projectWithFrames(db);
    const unused = await orphan(7);
    expect(await deleteUnreferencedAssets(db, later())).toEqual({ count: 1, bytes: 100 });
    expect(await db.assets.get(unused)).toBeUndefined();
    for (const hash of hashes) expect(await db.assets.get(hash)).toBeDefined();
  });

  test("keeps a video only a pipeline run's result names (an idea run's animatic), and counts it used", async () => {
    const video = await orphan(9);
    const other = await orphan(11);
    await new DexieRunStore(db).putStep({
      runId: 'run-1',
      stepId: 'render',
      inputHash: 'h',
      output: { kind: 'video', result: { assetHash: video, fileName: 'a.mp4' } },
      edited: false,
      costUsd: 0,
      at: 0,
    });
    expect((await computeStorageUsage(db)).unreferenced).toEqual({ count: 1, bytes: 100 });
    expect(await deleteUnreferencedAssets(db, later())).toEqual({ count: 1, bytes: 100 });
    expect(await db.assets.get(video)).toBeDefined();
    expect(await db.assets.get(other)).toBeUndefined();
  });

  test('keeps images younger than the grace period: another tab may not have saved its shot yet', async () => {
    const unused = await orphan(7);
    expect(await deleteUnreferencedAssets(db, Date.now())).toEqual({ count: 0, bytes: 0 });
    expect(await db.assets.get(unused)).toBeDefined();
  });

  test('keeps the frames of a deleted project that can still be restored', async () => {
    const { id, hashes } = await projectWithFrames(db);
    await new ProjectRepository(db).softDelete(id);
    await deleteUnreferencedAssets(db, later());
    for (const hash of hashes) expect(await db.assets.get(hash)).toBeDefined();
  });

  test('keeps images that only a field unknown to this version mentions', async () => {
    const { id } = await projectWithFrames(db, { frames: 1 });
    const future = await orphan(3);
    // A newer Frameline stored, say, a reference image on the scene in a field we do not know.
    const doc = new Y.Doc();
    const rows = await db.docUpdates.where('projectId').equals(id).toArray();
    for (const row of rows) Y.applyUpdate(doc, row.update);
    const before = Y.encodeStateVector(doc);
    const scene = [...rootsOf(doc).scenes.values()][0]!;
    scene.set('referenceImage', future);
    await db.docUpdates.add({ projectId: id, update: Y.encodeStateAsUpdate(doc, before) });
    expect(await deleteUnreferencedAssets(db, later())).toEqual({ count: 0, bytes: 0 });
    expect(await db.assets.get(future)).toBeDefined();
  });

  test('render caches are empty today and clearing them frees nothing', async () => {
    expect(await clearRenderCaches(db)).toEqual({ count: 0, bytes: 0 });
  });
});
