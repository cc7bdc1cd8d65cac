import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AssetHash, ShotId } from '../model/ids';
import { totalDuration } from '../model/project';
import type { Take } from '../model/take';
import { openDb, type FramelineDb } from './db';
import { readProject, rootsOf, USER_ORIGIN } from './projectDoc';
import { ProjectRepository } from './projects';
import { ProjectSession } from './projectSession';
import { documentOf } from './sessionDocument';

let db: FramelineDb;
let repo: ProjectRepository;
let session: ProjectSession;
let n = 0;

beforeEach(async () => {
  db = openDb(`session-test-${++n}`);
  repo = new ProjectRepository(db);
  session = await ProjectSession.open(repo, await repo.create({ title: 'Session' }));
  for (let scene = 0; scene < 3; scene++) {
    const first = session.run('scene/addWithShot', { heading: `INT. ROOM ${scene} - DAY` });
    if (!first.ok || !first.value) throw new Error('no scene');
    const sceneId = session.getState().snapshot.shots.find((s) => s.id === first.value)!.sceneId;
    for (let i = 1; i < 4; i++) session.run('shot/insert', { sceneId, index: i });
  }
});

afterEach(async () => {
  await session.close();
  db.close();
});

const state = () => session.getState();

describe('the session snapshot after a change', () => {
  test('typing in one shot changes that shot only: the others, the scenes and the cast stay the same objects', () => {
    const before = state().snapshot;
    const target = before.shots[5]!.id;
    session.run('shot/update', { shotId: target, patch: { action: 'A door slams.' } });
    const after = state().snapshot;
    expect(after).toEqual(readProject(documentOf(session)).snapshot);
    after.shots.forEach((shot, i) => {
      if (shot.id === target) expect(shot.action).toBe('A door slams.');
      else expect(shot).toBe(before.shots[i]);
    });
    expect(after.scenes).toBe(before.scenes);
    expect(after.characters).toBe(before.characters);
  });

  test('saving is told to the save state listeners only: the project state stays the same object', async () => {
    session.run('shot/update', {
      shotId: state().snapshot.shots[0]!.id,
      patch: { action: 'Rain.' },
    });
    const before = state();
    const statuses: string[] = [];
    let heard = 0;
    const stopState = session.subscribe(() => heard++);
    const stopSave = session.subscribeSaveState(() => statuses.push(session.getSaveState().status));
    await session.flush();
    stopState();
    stopSave();
    expect(session.getSaveState()).toEqual({ status: 'saved', error: null });
    expect(statuses).toContain('saved');
    expect(heard).toBe(0);
    expect(state()).toBe(before);
  });

  test('a comment leaves the state as it was, and the review is read again', () => {
    const before = state();
    const reviewBefore = session.review;
    let heard = 0;
    const stop = session.subscribe(() => heard++);
    const doc = documentOf(session);
    doc.transact(() => rootsOf(doc).threads.set('t1', { resolved: true, by: 'x', at: 1 }));
    stop();
    expect(state()).toBe(before);
    expect(heard).toBe(1);
    expect(session.review).not.toBe(reviewBefore);
    expect(session.review.resolutions.has('t1')).toBe(true);
  });

  test('an edit that writes what was there already changes nothing a view sees', () => {
    const shot = state().snapshot.shots[2]!;
    const before = state();
    const doc = documentOf(session);
    doc.transact(() => rootsOf(doc).shots.get(shot.id)!.set('action', shot.action), USER_ORIGIN);
    expect(state().snapshot).toBe(before.snapshot);
  });

  test('undo gives back the very shot objects of before', () => {
    const before = state().snapshot;
    session.run('shot/move', {
      shotId: before.shots[0]!.id,
      toSceneId: before.scenes[2]!.id,
      index: 0,
    });
    session.undo();
    const after = state().snapshot;
    expect(after).toEqual(before);
    // The moved shot was re-read (new object, equal); every other one is the same object.
    after.shots.slice(1).forEach((shot, i) => expect(shot).toBe(before.shots[i + 1]));
  });
});

describe('the projects list row', () => {
  test('is written from the session snapshot: title, shot count, duration and cover', async () => {
    const shotId = state().snapshot.shots[1]!.id as ShotId;
    session.run('project/update', { patch: { title: 'Renamed' } });
    session.run('shot/delete', { shotId });
    await session.flush();
    const row = await db.projects.get(session.id);
    const { snapshot } = state();
    expect(row).toMatchObject({
      title: 'Renamed',
      shotCount: snapshot.shots.length,
      durationMs: totalDuration(snapshot),
      coverHash: null,
    });
  });
});

describe('undoing "return to sketch"', () => {
  const UPLOAD = 'a'.repeat(64) as AssetHash;
  const SKETCH = 'b'.repeat(64) as AssetHash;
  const SKETCH_AGAIN = 'c'.repeat(64) as AssetHash;
  const upload = (id: string): Take => ({
    id,
    hash: UPLOAD,
    source: 'upload',
    providerKind: 'upload',
    providerLabel: 'Upload',
    model: '',
    prompt: '',
    createdAt: 1,
  });
  const shotOf = (id: ShotId) => state().snapshot.shots.find((s) => s.id === id)!;
  /** What the sketch scheduler does when a shot is a sketch with no signature: an app change. */
  const sketchArrives = (shotId: ShotId, hash: AssetHash) =>
    session.run('frame/set', { shotId, frame: { hash, source: 'sketch', signature: 'drawn' } });

  test('brings the picture back, though the sketch was drawn in between; redo and undo again too', () => {
    const shotId = state().snapshot.shots[2]!.id;
    session.run('frame/putPictures', {
      placements: [
        {
          shotId,
          take: upload('up-1'),
        },
      ],
      extra: null,
    });
    expect(shotOf(shotId)).toMatchObject({ frameHash: UPLOAD, frameSource: 'upload' });

    session.run('frame/returnToSketch', { shotId });
    sketchArrives(shotId, SKETCH);
    expect(shotOf(shotId)).toMatchObject({ frameHash: SKETCH, frameSource: 'sketch' });

    session.undo();
    expect(shotOf(shotId)).toMatchObject({ frameHash: UPLOAD, frameSource: 'upload' });

    session.redo();
    expect(shotOf(shotId).frameSource).toBe('sketch');
    sketchArrives(shotId, SKETCH_AGAIN);
    session.undo();
    expect(shotOf(shotId)).toMatchObject({ frameHash: UPLOAD, frameSource: 'upload' });
    // The upload's own step is still there beneath it.
    session.undo();
    expect(shotOf(shotId).frameSource).not.toBe('upload');
  });

  test('an undo before the sketch arrived leaves the picture as it was', () => {
    const shotId = state().snapshot.shots[1]!.id;
    session.run('frame/putPictures', {
      placements: [{ shotId, take: upload('up-2') }],
      extra: null,
    });
    session.run('frame/returnToSketch', { shotId });
    session.undo();
    expect(shotOf(shotId)).toMatchObject({ frameHash: UPLOAD, frameSource: 'upload' });
  });
});
