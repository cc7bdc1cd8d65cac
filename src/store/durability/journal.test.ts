import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ProjectId, ShotId } from '../../model/ids';
import { nestedMapsUpdate } from '../../../tests/helpers/hostileUpdates';
import { MemoryStorage } from '../../../tests/helpers/memoryStorage';
import { openDb, type FramelineDb } from '../db';
import type { PersistenceStatus } from '../docPersistence';
import { addScene, insertShot, readProject, updateMeta, updateShot } from '../projectDoc';
import { ProjectRepository } from '../projects';
import { EditJournal, MAX_JOURNALED_UPDATE_BYTES, readJournal } from './editJournal';
import type { SaveError } from './saveError';

/**
 * The write-ahead journal: an edit a tab made is in the journal before the task ends, and the
 * next open replays every tab's journal into the document and folds it into the update log.
 * A "tab" here is its own connection to the database and its own journal keys; closing its
 * connection right after an edit is the tab closing before IndexedDB committed.
 */

let dbName: string;
let storage: MemoryStorage;
let dbCount = 0;
const opened: FramelineDb[] = [];

beforeEach(() => {
  dbName = `journal-${++dbCount}`;
  storage = new MemoryStorage();
});

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function tab(journal: MemoryStorage | null = storage) {
  const db = openDb(dbName);
  opened.push(db);
  return { db, repo: new ProjectRepository(db, journal) };
}

async function newProject(): Promise<{ id: ProjectId; shotId: ShotId }> {
  const { repo } = tab();
  const id = await repo.create({ title: 'Pilot' });
  const project = await repo.open(id);
  const shotId = insertShot(project.doc, addScene(project.doc, 'INT. LAB - DAY'), 0) as ShotId;
  await project.close();
  return { id, shotId };
}

function journalKeys(id: ProjectId): string[] {
  return readJournal(storage, { dbName, projectId: id }).map((entry) => entry.key);
}

async function logRows(db: FramelineDb, id: ProjectId): Promise<number> {
  return db.docUpdates.where('projectId').equals(id).count();
}

/** What IndexedDB alone holds: read without any journal. */
async function storedSnapshot(id: ProjectId) {
  return tab(null).repo.readSnapshot(id);
}

describe('write-ahead journal', () => {
  test('an edit is in the journal before the task that made it ends', async () => {
    const { id, shotId } = await newProject();
    const project = await tab().repo.open(id);
    updateShot(project.doc, shotId, { notes: 'typed' });
    expect(journalKeys(id)).toHaveLength(1);
    await project.close();
  });

  test('the journal holds only what IndexedDB does not have yet', async () => {
    const { id, shotId } = await newProject();
    const project = await tab().repo.open(id);
    for (const notes of ['t', 'ty', 'typ', 'type']) updateShot(project.doc, shotId, { notes });
    await project.persistence.flush();
    expect(journalKeys(id)).toEqual([]);
    expect(storage.length).toBe(0);
    await project.close();
  });

  test('an edit whose tab closed before IndexedDB had it is there when the project opens again', async () => {
    const { id, shotId } = await newProject();
    const closing = tab();
    const project = await closing.repo.open(id);
    updateShot(project.doc, shotId, { notes: 'typed, then the tab closed' });
    closing.db.close(); // gone before the write at the end of this task could start
    await project.persistence.flush();
    expect((await storedSnapshot(id)).shots[0]?.notes).toBe('');

    const again = await tab().repo.open(id);
    expect(readProject(again.doc).snapshot.shots[0]?.notes).toBe('typed, then the tab closed');
    await again.close();
  });

  test('opening folds every replayed entry into one row of the update log and clears the journal', async () => {
    const { id, shotId } = await newProject();
    const closing = tab();
    const project = await closing.repo.open(id);
    for (const notes of ['a', 'ab', 'abc']) updateShot(project.doc, shotId, { notes });
    updateMeta(project.doc, { title: 'Renamed' });
    closing.db.close();
    expect(journalKeys(id)).toHaveLength(4);

    const reader = tab();
    const rowsBefore = await logRows(reader.db, id);
    const again = await reader.repo.open(id);
    await again.persistence.flush();
    expect(await logRows(reader.db, id)).toBe(rowsBefore + 1);
    expect(journalKeys(id)).toEqual([]);
    await again.close();
    const stored = await storedSnapshot(id);
    expect(stored.meta.title).toBe('Renamed');
    expect(stored.shots[0]?.notes).toBe('abc');
  });

  test('the journals of every tab are replayed, and tabs never overwrite each other', async () => {
    const { id, shotId } = await newProject();
    const first = tab();
    const second = tab();
    const inFirst = await first.repo.open(id);
    const inSecond = await second.repo.open(id);
    updateShot(inFirst.doc, shotId, { notes: 'from the first tab' });
    updateMeta(inSecond.doc, { title: 'From the second tab' });
    first.db.close();
    second.db.close();
    expect(journalKeys(id)).toHaveLength(2);

    const again = await tab().repo.open(id);
    const { snapshot } = readProject(again.doc);
    expect(snapshot.shots[0]?.notes).toBe('from the first tab');
    expect(snapshot.meta.title).toBe('From the second tab');
    await again.close();
  });

  test('a crash between the IndexedDB write and the journal clear replays harmlessly', async () => {
    const { id, shotId } = await newProject();
    const crashing = tab();
    const project = await crashing.repo.open(id);
    const remove = vi.spyOn(storage, 'removeItem').mockImplementation(() => undefined);
    insertShot(project.doc, readProject(project.doc).snapshot.scenes[0]!.id, 1);
    updateShot(project.doc, shotId, { notes: 'written and journaled' });
    await project.persistence.flush();
    remove.mockRestore();
    expect(journalKeys(id)).toHaveLength(2); // the crash: written, never cleared

    const again = await tab().repo.open(id);
    const { snapshot } = readProject(again.doc);
    expect(snapshot.shots).toHaveLength(2); // the inserted shot once, not twice
    expect(snapshot.shots[0]?.notes).toBe('written and journaled');
    await again.close();
    expect(journalKeys(id)).toEqual([]);
  });

  test('an unreadable entry is dropped and the project still opens', async () => {
    const { id, shotId } = await newProject();
    const closing = tab();
    const project = await closing.repo.open(id);
    updateShot(project.doc, shotId, { notes: 'good' });
    closing.db.close();
    storage.setItem(`${journalKeys(id)[0]!.replace(/\/\d+$/, '')}/99`, 'AAEC//79');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    const again = await tab().repo.open(id);
    expect(readProject(again.doc).snapshot.shots[0]?.notes).toBe('good');
    await again.close();
    warn.mockRestore();
    expect(journalKeys(id)).toEqual([]);
  });

  test('a journaled update the stored log’s screen refuses is dropped, and the rest replays', async () => {
    const { id, shotId } = await newProject();
    const closing = tab();
    const project = await closing.repo.open(id);
    updateShot(project.doc, shotId, { notes: 'kept' });
    closing.db.close();
    // What a peer could have sent before the guard was tightened, journaled by a tab that crashed.
    new EditJournal(storage, { dbName, projectId: id }).append(
      nestedMapsUpdate({ depth: 5_000, root: 'versions', key: 'v1' }),
    );
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    const again = await tab().repo.open(id);
    expect(readProject(again.doc).snapshot.shots[0]?.notes).toBe('kept');
    await again.close();
    warn.mockRestore();
    expect(journalKeys(id)).toEqual([]);
    const reopened = await tab().repo.open(id); // the stored log took nothing hostile in
    expect(readProject(reopened.doc).snapshot.shots[0]?.notes).toBe('kept');
    await reopened.close();
  });

  test('a full journal falls back to IndexedDB alone and says closing now would lose the edit', async () => {
    const { id, shotId } = await newProject();
    const project = await tab().repo.open(id);
    storage.full = true;
    updateShot(project.doc, shotId, { notes: 'not journaled' });
    expect(project.persistence.hasUnsavedEdits).toBe(true);
    await project.persistence.flush();
    expect(project.persistence.hasUnsavedEdits).toBe(false);
    await project.close();
    expect((await storedSnapshot(id)).shots[0]?.notes).toBe('not journaled');
  });

  test('an update too large for the journal is not journaled and waits only for IndexedDB', async () => {
    const { id, shotId } = await newProject();
    const project = await tab().repo.open(id);
    updateShot(project.doc, shotId, { notes: 'x'.repeat(MAX_JOURNALED_UPDATE_BYTES + 1) });
    expect(journalKeys(id)).toEqual([]);
    expect(project.persistence.hasUnsavedEdits).toBe(true);
    await project.persistence.flush();
    expect(project.persistence.hasUnsavedEdits).toBe(false);
    await project.close();
  });

  test('with the disk full, edits wait in the journal, the status says so, and they come back on open', async () => {
    const { id, shotId } = await newProject();
    const full = tab();
    const statuses: { status: PersistenceStatus; error: SaveError | undefined }[] = [];
    const project = await full.repo.open(id, {
      onStatus: (status, error) => statuses.push({ status, error }),
    });
    const add = vi.spyOn(full.db.docUpdates, 'add').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    updateShot(project.doc, shotId, { notes: 'kept while full' });
    await project.persistence.flush();
    const last = statuses.at(-1);
    expect(last?.status).toBe('error');
    expect(last?.error).toMatchObject({ storageFull: true, journaled: true });
    expect(last?.error?.message).toMatch(/storage is full/);
    expect(project.persistence.hasUnsavedEdits).toBe(true);
    expect(journalKeys(id)).toHaveLength(1);

    // The journal fills too: now the edit is only in this tab, and the status says that.
    storage.full = true;
    updateShot(project.doc, shotId, { notes: 'kept while full, and more' });
    expect(statuses.at(-1)?.error).toMatchObject({ storageFull: true, journaled: false });
    storage.full = false;
    add.mockRestore();
    full.db.close(); // the tab is closed without the disk ever freeing up

    const again = await tab().repo.open(id);
    expect(readProject(again.doc).snapshot.shots[0]?.notes).toBe('kept while full');
    await again.close();
  });

  test('purging a deleted project discards its journal', async () => {
    const { id, shotId } = await newProject();
    const closing = tab();
    const project = await closing.repo.open(id);
    updateShot(project.doc, shotId, { notes: 'orphan' });
    closing.db.close();
    const { repo } = tab();
    await repo.softDelete(id);
    await repo.purgeDeleted(Date.now() + 1, 0);
    expect(journalKeys(id)).toEqual([]);
  });
});
