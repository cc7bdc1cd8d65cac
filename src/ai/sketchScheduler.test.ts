import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AssetHash, ShotId } from '../model/ids';
import {
  createAssetStore,
  openDb,
  ProjectRepository,
  ProjectSession,
  type FramelineDb,
} from '../store';
import { addSceneWithShot, insertShot, setShotFrame, updateShot } from '../store/projectDoc';
import type { SketchInput } from './sketch/sketchInput';
import { SketchScheduler, type SketchFn } from './sketchScheduler';

let db: FramelineDb;
let n = 0;
let session: ProjectSession;
let scheduler: SketchScheduler;
let calls: SketchInput[];

/** A stand-in for the worker: bytes that depend only on the input, like the real generator. */
const fakeSketch: SketchFn = async (input) => {
  calls.push(input);
  return new TextEncoder().encode(JSON.stringify(input));
};

async function setup(sketch: SketchFn = fakeSketch) {
  db = openDb(`sketch-test-${++n}`);
  const repo = new ProjectRepository(db);
  session = await ProjectSession.open(repo, await repo.create({ title: 'Sketches' }));
  scheduler = new SketchScheduler(session, createAssetStore(db), sketch);
}

const shots = () => session.getState().snapshot.shots;

beforeEach(() => {
  calls = [];
});

afterEach(async () => {
  scheduler.stop();
  await session.close();
  db.close();
});

describe('sketch scheduler', () => {
  test('every shot without a frame gets a sketch, stored as an asset', async () => {
    await setup();
    const first = addSceneWithShot(session.doc, 'EXT. ROOF - NIGHT') as ShotId;
    insertShot(session.doc, shots()[0]!.sceneId, 1, { shotType: 'CU' });
    await scheduler.idle();
    expect(shots().every((s) => s.frameSource === 'sketch' && s.frameHash !== null)).toBe(true);
    const blob = await createAssetStore(db).get(shots()[0]!.frameHash as AssetHash);
    expect(JSON.parse(await blob!.text())).toMatchObject({
      location: 'ROOF',
      timeOfDay: 'NIGHT',
      shotNumber: '1',
    });
    expect(first).toBe(shots()[0]!.id);
  });

  test('changing a shot redraws its sketch; an unchanged shot is not drawn again', async () => {
    await setup();
    addSceneWithShot(session.doc, 'EXT. ROOF - NIGHT');
    insertShot(session.doc, shots()[0]!.sceneId, 1);
    await scheduler.idle();
    const [a, b] = shots();
    calls = [];
    updateShot(session.doc, a!.id, { shotType: 'ECU' });
    await scheduler.idle();
    expect(calls.map((c) => c.shotType)).toEqual(['ECU']);
    expect(shots()[0]!.frameHash).not.toBe(a!.frameHash);
    expect(shots()[1]!.frameHash).toBe(b!.frameHash);
  });

  test('setting a sketch is not an undo step of the user', async () => {
    await setup();
    addSceneWithShot(session.doc, 'INT. HALL - DAY');
    await scheduler.idle();
    const undoSteps = session.undoManager.undoStack.length;
    updateShot(session.doc, shots()[0]!.id, { notes: 'x' });
    await scheduler.idle();
    expect(session.undoManager.undoStack.length).toBe(undoSteps + 1);
  });

  test('drawn or generated frames are never replaced by sketches', async () => {
    await setup();
    const id = addSceneWithShot(session.doc, 'INT. HALL - DAY') as ShotId;
    const drawn = 'a'.repeat(64) as AssetHash;
    setShotFrame(session.doc, id, { hash: drawn, source: 'drawn', signature: '' });
    await scheduler.idle();
    expect(calls).toEqual([]);
    expect(shots()[0]!.frameHash).toBe(drawn);
  });

  test('a failing sketch is reported once, not retried in a loop, and can be retried', async () => {
    let fail = true;
    await setup(async (input) => {
      calls.push(input);
      if (fail) throw new Error('worker crashed');
      return new Uint8Array([1]);
    });
    addSceneWithShot(session.doc, 'INT. HALL - DAY');
    await scheduler.idle();
    expect(calls).toHaveLength(1);
    expect(scheduler.getProgress().lastError).toMatch(/Shot 1: worker crashed/);
    expect(shots()[0]!.frameHash).toBeNull();
    fail = false;
    scheduler.retryFailed();
    await scheduler.idle();
    expect(shots()[0]!.frameHash).not.toBeNull();
    expect(scheduler.getProgress().lastError).toBeNull();
  });
});
