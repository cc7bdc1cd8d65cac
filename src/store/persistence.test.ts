import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import * as Y from 'yjs';
import type { ShotId } from '../model/ids';
import { createProjectMeta } from '../model/project';
import { ms } from '../model/units';
import { createAssetStore, hashBytes } from './assets';
import { openDb, type FramelineDb } from './db';
import { COMPACT_AFTER_ROWS, DocPersistence, PERSIST_THROTTLE_MS } from './docPersistence';
import { addScene, insertShot, readProject, updateMeta, updateShot } from './projectDoc';
import { ProjectRepository } from './projects';

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

  test('edits within the throttle window become a single row', async () => {
    const id = await repo.create({ title: 'Pilot' });
    const project = await repo.open(id);
    const before = await rowCount(id);
    for (let i = 0; i < 20; i++) updateMeta(project.doc, { title: `Pilot ${i}` });
    expect(await rowCount(id)).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, PERSIST_THROTTLE_MS * 3));
    expect(await rowCount(id)).toBe(before + 1);
    expect((await repo.get(id))?.title).toBe('Pilot 19');
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
  test('assets are keyed by the SHA-256 of their bytes and stored once', async () => {
    const assets = createAssetStore(db);
    const bytes = new TextEncoder().encode('abc');
    const hash = await assets.put(bytes, 'text/plain');
    // Known SHA-256 of "abc".
    expect(hash).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await assets.put(bytes, 'text/plain')).toBe(hash);
    expect(await db.assets.count()).toBe(1);
    const blob = await assets.get(hash);
    expect(new Uint8Array(await (blob as Blob).arrayBuffer())).toEqual(bytes);
    expect(await assets.has(await hashBytes(new Uint8Array([1])))).toBe(false);
  });
});
