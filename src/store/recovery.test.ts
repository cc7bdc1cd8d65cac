import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { nestedMapsUpdate } from '../../tests/helpers/hostileUpdates';
import type { SceneId, ShotId } from '../model/ids';
import { createProjectMeta } from '../model/project';
import { createScene } from '../model/scene';
import { createShot } from '../model/shot';
import { openDb, type FramelineDb } from './db';
import { ProjectRepository } from './projects';
import { ProjectSession } from './projectSession';
import { ProjectRecovery } from './recovery';
import { DamagedProjectError } from './storedLog';

/**
 * A project whose stored log holds something that cannot be opened safely still opens: the
 * normal open says what and where, and the ways out (read-only without the broken part, the
 * last state that opened, the raw log) all work.
 */
let db: FramelineDb;
let repo: ProjectRepository;
let recovery: ProjectRecovery;
let count = 0;

beforeEach(() => {
  db = openDb(`recovery-${++count}`);
  repo = new ProjectRepository(db);
  recovery = new ProjectRecovery(db);
});

afterEach(() => db.close());

const scene = createScene({ id: 's1' as SceneId, number: '1', heading: 'INT. HALL - DAY' });
const shots = ['Anna waits.', 'Ben arrives.', 'They leave.'].map((action, i) =>
  createShot({ id: `shot-${i}` as ShotId, sceneId: scene.id, number: String(i + 1), action }),
);

async function projectThatOpenedOnce() {
  const id = await repo.create({
    meta: createProjectMeta('Night Shift'),
    scenes: [scene],
    shots,
    characters: [],
  });
  const session = await ProjectSession.open(repo, id);
  await recovery.recordLastGood(session);
  session.run('shot/update', { shotId: shots[0]!.id, patch: { notes: 'after the last good' } });
  await session.close();
  return id;
}

async function storeRow(projectId: string, update: Uint8Array) {
  await db.docUpdates.add({ projectId: projectId as never, update });
}

async function rows(projectId: string) {
  return (await db.docUpdates.where('projectId').equals(projectId).sortBy('seq')).map(
    (row) => row.update,
  );
}

/** Bytes as hex digests' stand-in: comparing megabytes element by element is slow in expect. */
const hex = (list: readonly Uint8Array[]) =>
  list.map((bytes) => Buffer.from(bytes).toString('hex'));

const actions = (session: ProjectSession) =>
  session.getState().snapshot.shots.map((shot) => shot.action);

describe('a stored structure 100,000 shared types deep', () => {
  test('opening says what it is and where, instead of overflowing the stack later', async () => {
    const id = await projectThatOpenedOnce();
    await storeRow(id, nestedMapsUpdate({ depth: 100_000, root: 'versions', key: 'evil' }));
    const opening = ProjectSession.open(repo, id);
    await expect(opening).rejects.toBeInstanceOf(DamagedProjectError);
    await expect(opening).rejects.toThrow(
      /nested more than 16 levels deep, in versions › evil \(stored change 3 of 3\)/,
    );
  });

  test('recovery opens everything else read-only, and writes nothing', async () => {
    const id = await projectThatOpenedOnce();
    await storeRow(id, nestedMapsUpdate({ depth: 100_000, root: 'versions', key: 'evil' }));
    const before = await rows(id);
    const session = await ProjectSession.open(repo, id, { recovery: true });
    expect(actions(session)).toEqual(['Anna waits.', 'Ben arrives.', 'They leave.']);
    expect(session.getState().snapshot.shots[0]?.notes).toBe('after the last good');
    expect(session.versions).toEqual([]);
    expect(session.readOnly).toBe(true);
    expect(session.recovery?.damage.map((d) => d.where)).toEqual(['versions › evil']);
    const edit = session.run('shot/update', { shotId: shots[1]!.id, patch: { notes: 'no' } });
    expect(edit.ok).toBe(false);
    await session.close();
    expect(hex(await rows(id))).toEqual(hex(before));
  });

  test('inside a compacted log (one row holding everything) only the deep part is left out', async () => {
    const id = await projectThatOpenedOnce();
    await storeRow(id, nestedMapsUpdate({ depth: 100_000, root: 'versions', key: 'evil' }));
    const merged = Y.mergeUpdates(await rows(id));
    await db.docUpdates.where('projectId').equals(id).delete();
    await storeRow(id, merged);
    await expect(ProjectSession.open(repo, id)).rejects.toThrow(/stored change 1 of 1/);
    const session = await ProjectSession.open(repo, id, { recovery: true });
    expect(actions(session)).toEqual(['Anna waits.', 'Ben arrives.', 'They leave.']);
    await session.close();
  });

  test('restoring the last state that opened brings the project back, editable', async () => {
    const id = await projectThatOpenedOnce();
    await storeRow(id, nestedMapsUpdate({ depth: 100_000, root: 'versions', key: 'evil' }));
    expect(await recovery.lastGood(id)).toMatchObject({ title: 'Night Shift', shotCount: 3 });
    await recovery.restoreLastGood(id);
    const session = await ProjectSession.open(repo, id);
    expect(session.readOnly).toBe(false);
    expect(actions(session)).toEqual(['Anna waits.', 'Ben arrives.', 'They leave.']);
    // The edit made after the last good state is what restoring costs.
    expect(session.getState().snapshot.shots[0]?.notes).toBe('');
    expect(session.run('shot/update', { shotId: shots[1]!.id, patch: { notes: 'ok' } }).ok).toBe(
      true,
    );
    await session.close();
  });

  test('the raw log is every stored row exactly as it is on disk', async () => {
    const id = await projectThatOpenedOnce();
    const hostile = nestedMapsUpdate({ depth: 100_000, root: 'versions', key: 'evil' });
    await storeRow(id, hostile);
    const log = await recovery.rawLog(id);
    expect(log.title).toBe('Night Shift');
    expect(hex(log.rows.map((row) => row.update))).toEqual(hex(await rows(id)));
    expect(hex(log.rows.slice(-1).map((row) => row.update))).toEqual(hex([hostile]));
    expect(log.lastGood?.shotCount).toBe(3);
  });
});

test('an unreadable stored row is named, and recovery opens the rest', async () => {
  const id = await projectThatOpenedOnce();
  await storeRow(id, new Uint8Array([1, 200, 7, 7, 7]));
  await expect(ProjectSession.open(repo, id)).rejects.toThrow(
    /a stored change cannot be read .*in the whole change \(stored change 3 of 3\)/,
  );
  const session = await ProjectSession.open(repo, id, { recovery: true });
  expect(actions(session)).toEqual(['Anna waits.', 'Ben arrives.', 'They leave.']);
  await session.close();
});

test('a recovery session is never recorded as the last good state', async () => {
  const id = await projectThatOpenedOnce();
  const before = await recovery.lastGood(id);
  const session = await ProjectSession.open(repo, id, { recovery: true });
  await recovery.recordLastGood(session);
  await session.close();
  expect(await recovery.lastGood(id)).toEqual(before);
});
