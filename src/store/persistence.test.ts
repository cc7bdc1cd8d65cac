import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import * as Y from 'yjs';
import type { ShotId } from '../model/ids';
import { createProjectMeta } from '../model/project';
import { ms } from '../model/units';
import { VERSION_STATE_MIME } from '../model/version';
import { AssetRefusedError, createAssetStore, hashBytes } from './assets';
import { openDb, type FramelineDb } from './db';
import { COMPACT_AFTER_ROWS, DocPersistence, SUMMARY_INTERVAL_MS } from './docPersistence';
import { addScene, insertShot, readProject, updateMeta, updateShot } from './projectDoc';
import { ProjectRepository } from './projects';
import { pngBytes } from '../../tests/helpers/mediaBytes';
import { scriptedSvg } from '../../tests/helpers/hostileAssets';

let db: FramelineDb;
let repo: ProjectRepository;
let dbCount = 0;

beforeEach(() => {
  db = openDb(`test-${++dbCount}`);
  repo = new ProjectRepository(db);
});

afterEach(async () => {
  db.close();
});

async function rowCount(projectId: string) {
  return db.docUpdates.where('projectId').equals(projectId).count();
}

describe('document persistence', () => {
  test('edits survive closing and reopening the project', async () => {
    const id = await repo.create({ title: 'Pilot' });
    const first = await repo.open(id);
    const sceneId = addScene(first.doc, 'INT. LAB - DAY');
    const shotId = insertShot(first.doc, sceneId, 0) as ShotId;
    updateShot(first.doc, shotId, { durationMs: ms(4200), notes: 'slow push' });
    await first.close();

    const again = await repo.open(id);
    const shot = readProject(again.doc).snapshot.shots[0];
    expect(shot).toMatchObject({ durationMs: 4200, notes: 'slow push', number: '1' });
    await again.close();
  });

  test('the edits of one task become one row, written without waiting for a timer', async () => {
    const id = await repo.create({ title: 'Pilot' });
    const project = await repo.open(id);
    const before = await rowCount(id);
    for (let i = 0; i < 20; i++) updateMeta(project.doc, { title: `Pilot ${i}` });
    expect(project.persistence.hasPendingWrites).toBe(true);
    await vi.waitFor(async () => expect(await rowCount(id)).toBe(before + 1));
    expect(project.persistence.hasPendingWrites).toBe(false);
    // The list row follows in a task of its own (SUMMARY_INTERVAL_MS), or at the latest on flush.
    await vi.waitFor(async () => expect((await repo.get(id))?.title).toBe('Pilot 19'), {
      timeout: SUMMARY_INTERVAL_MS * 5,
    });
    await project.close();
  });

  test('edits made while a write is in flight become the next row', async () => {
    const id = await repo.create({ title: 'Pilot' });
    const project = await repo.open(id);
    const before = await rowCount(id);
    const add = vi.spyOn(db.docUpdates, 'add');
    updateMeta(project.doc, { title: 'First' });
    await vi.waitFor(() => expect(add).toHaveBeenCalledTimes(1)); // its write has started
    for (let i = 0; i < 20; i++) updateMeta(project.doc, { title: `Next ${i}` });
    await project.persistence.flush();
    expect(add).toHaveBeenCalledTimes(2);
    add.mockRestore();
    expect(await rowCount(id)).toBe(before + 2);
    expect((await repo.readSnapshot(id)).meta.title).toBe('Next 19');
    await project.close();
  });

  test('nothing is written before the first load has finished', async () => {
    const id = await repo.create({ title: 'Pilot' });
    const doc = new Y.Doc();
    const persistence = new DocPersistence(db, id, doc);
    addScene(doc, 'INT. EARLY - DAY');
    await persistence.flush();
    expect(await rowCount(id)).toBe(1);
    await persistence.load();
    await persistence.flush();
    expect(await rowCount(id)).toBe(2);
    const reread = await repo.readSnapshot(id);
    expect(reread.meta.title).toBe('Pilot');
    expect(reread.scenes.map((s) => s.heading)).toEqual(['INT. EARLY - DAY']);
    await persistence.destroy();
  });

  test('a long log is compacted into one row holding the same document', async () => {
    const id = await repo.create({ title: 'Pilot' });
    const project = await repo.open(id);
    for (let i = 0; i <= COMPACT_AFTER_ROWS + 1; i++) {
      updateMeta(project.doc, { title: `Draft ${i}` });
      await project.persistence.flush();
    }
    // One compacted row plus the writes after it, instead of COMPACT_AFTER_ROWS + 3.
    expect(await rowCount(id)).toBeLessThanOrEqual(3);
    await project.close();
    expect((await repo.readSnapshot(id)).meta.title).toBe(`Draft ${COMPACT_AFTER_ROWS + 1}`);
  });

  test('compacting a large project folds the edits and leaves its base row as it is', async () => {
    const id = await repo.create({ title: 'Pilot' });
    const project = await repo.open(id);
    const sceneId = addScene(project.doc, 'INT. LAB - DAY');
    project.doc.transact(() => {
      for (let i = 0; i < 300; i++) insertShot(project.doc, sceneId, i);
    });
    await project.persistence.flush();
    const base = await db.docUpdates.where('projectId').equals(id).last();
    const shotId = readProject(project.doc).snapshot.shots[0]!.id;
    // The base row's size is known from the write: compacting never reads it back.
    const read: number[] = [];
    const bulkGet = db.docUpdates.bulkGet.bind(db.docUpdates);
    const spy = vi.spyOn(db.docUpdates, 'bulkGet').mockImplementation((keys) => {
      read.push(...(keys as number[]));
      return bulkGet(keys);
    });
    for (let i = 0; i <= COMPACT_AFTER_ROWS; i++) {
      updateShot(project.doc, shotId, { notes: `take ${i}` });
      await project.persistence.flush();
    }
    spy.mockRestore();
    expect(read.length).toBeGreaterThan(0);
    expect(read).not.toContain(base?.seq);
    const rows = await db.docUpdates.where('projectId').equals(id).toArray();
    expect(rows.length).toBeLessThanOrEqual(4);
    expect(rows.find((r) => r.seq === base?.seq)?.update).toEqual(base?.update);
    await project.close();
    const snapshot = await repo.readSnapshot(id);
    expect(snapshot.shots).toHaveLength(300);
    expect(snapshot.shots[0]?.notes).toBe(`take ${COMPACT_AFTER_ROWS}`);
  }, 60_000);

  test('compaction keeps rows another tab wrote that this tab never saw', async () => {
    const id = await repo.create({ title: 'Pilot' });
    const tabA = await repo.open(id);
    const tabB = await repo.open(id);
    addScene(tabB.doc, 'EXT. PIER - NIGHT');
    await tabB.persistence.flush();
    for (let i = 0; i <= COMPACT_AFTER_ROWS; i++) {
      updateMeta(tabA.doc, { title: `A ${i}` });
      await tabA.persistence.flush();
    }
    await tabA.close();
    await tabB.close();
    const snapshot = await repo.readSnapshot(id);
    expect(snapshot.scenes.map((s) => s.heading)).toEqual(['EXT. PIER - NIGHT']);
    expect(snapshot.meta.title).toBe(`A ${COMPACT_AFTER_ROWS}`);
  });

  test('a failed write (full disk) keeps the edit, reports it, and saves it on retry', async () => {
    const id = await repo.create({ title: 'Pilot' });
    const statuses: string[] = [];
    const errors: string[] = [];
    const project = await repo.open(id, {
      onStatus: (status, error) => {
        statuses.push(status);
        if (error) errors.push(error.message);
      },
    });
    const add = vi.spyOn(db.docUpdates, 'add').mockImplementationOnce(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    updateMeta(project.doc, { title: 'Kept' });
    await project.persistence.flush();
    expect(statuses.at(-1)).toBe('error');
    expect(errors[0]).toMatch(/storage is full/);
    expect(project.persistence.hasUnsavedEdits).toBe(true);
    expect(project.persistence.hasPendingWrites).toBe(true);
    add.mockRestore();
    await project.persistence.flush();
    expect(statuses.at(-1)).toBe('saved');
    await project.close();
    expect((await repo.readSnapshot(id)).meta.title).toBe('Kept');
  });
});

describe('project list', () => {
  test('deleting hides a project, undo brings it back, purge removes it for good', async () => {
    const keep = await repo.create({ title: 'Keep' });
    const doomed = await repo.create({ title: 'Doomed' });
    await repo.softDelete(doomed);
    expect((await repo.list()).map((p) => p.id)).toEqual([keep]);
    await repo.restore(doomed);
    expect((await repo.list()).map((p) => p.id).sort()).toEqual([keep, doomed].sort());
    await repo.softDelete(doomed);
    expect(await repo.purgeDeleted(Date.now() + 1, 0)).toBe(1);
    expect(await rowCount(doomed)).toBe(0);
    expect(await repo.get(keep)).toBeDefined();
  });

  test('renaming changes the document title and the list', async () => {
    const id = await repo.create({ title: 'Untitled' });
    await repo.rename(id, 'The Last Birthday Card');
    expect((await repo.get(id))?.title).toBe('The Last Birthday Card');
    expect((await repo.readSnapshot(id)).meta.title).toBe('The Last Birthday Card');
  });

  test('a project created from a snapshot opens with it', async () => {
    const id = await repo.create({
      meta: createProjectMeta('From JSON'),
      scenes: [],
      shots: [],
      characters: [],
    });
    expect((await repo.readSnapshot(id)).meta.title).toBe('From JSON');
  });
});

describe('asset store', () => {
  test('only bytes of an allowed format are stored, with the type they are', async () => {
    const assets = createAssetStore(db);
    const svg = scriptedSvg('store');
    await expect(assets.put(svg, 'image/svg+xml')).rejects.toThrow(AssetRefusedError);
    await expect(assets.put(svg, 'image/png')).rejects.toThrow(
      /SVG image, which can carry scripts/,
    );
    expect(await db.assets.count()).toBe(0);
    const hash = await assets.put(pngBytes(4), 'image/svg+xml');
    expect((await db.assets.get(hash))?.mimeType).toBe('image/png');
    expect((await assets.get(hash))?.type).toBe('image/png');
  });

  test('a version’s saved state is stored only when its bytes read as a Yjs update', async () => {
    const assets = createAssetStore(db);
    // The one non-media type is inert, but no file or peer may park a page (or anything) under it.
    const page = new TextEncoder().encode('<html><script>localStorage.x=1</script></html>');
    await expect(assets.put(page, VERSION_STATE_MIME)).rejects.toThrow(
      /cannot be used: it is not a saved version of a project/,
    );
    expect(await db.assets.count()).toBe(0);
    const doc = new Y.Doc();
    doc.getMap('meta').set('title', 'Saved');
    const hash = await assets.put(Y.encodeStateAsUpdate(doc), VERSION_STATE_MIME);
    expect((await db.assets.get(hash))?.mimeType).toBe(VERSION_STATE_MIME);
  });

  test('a row stored before types were sniffed is served as plain bytes, never as SVG', async () => {
    const svg = scriptedSvg('legacy');
    const hash = await hashBytes(svg);
    await db.assets.add({
      hash,
      blob: new Blob([svg], { type: 'image/svg+xml' }),
      mimeType: 'image/svg+xml',
      size: svg.byteLength,
      createdAt: Date.now(),
    });
    const blob = await createAssetStore(db).get(hash);
    expect(blob?.type).toBe('application/octet-stream');
    expect(new Uint8Array(await blob!.arrayBuffer())).toEqual(svg);
  });

  test('assets are keyed by the SHA-256 of their bytes and stored once', async () => {
    const assets = createAssetStore(db);
    // Known SHA-256 of "abc".
    expect(await hashBytes(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    const bytes = pngBytes(3);
    const hash = await assets.put(bytes, 'image/png');
    expect(hash).toBe(await hashBytes(bytes));
    expect(await assets.put(bytes, 'image/png')).toBe(hash);
    expect(await db.assets.count()).toBe(1);
    const blob = await assets.get(hash);
    expect(new Uint8Array(await (blob as Blob).arrayBuffer())).toEqual(bytes);
    expect(await assets.has(await hashBytes(new Uint8Array([1])))).toBe(false);
  });
});
