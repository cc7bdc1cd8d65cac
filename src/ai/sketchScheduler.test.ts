import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AssetHash, ShotId } from '../model/ids';
import {
  createAssetStore,
  openDb,
  ProjectRepository,
  ProjectSession,
  type FramelineDb,
} from '../store';
import { runOk } from '../../tests/helpers/commands';
import type { SketchInput } from './sketch/sketchInput';
import { SketchScheduler, type SketchFn } from './sketchScheduler';
import { pngBytes } from '../../tests/helpers/mediaBytes';

let db: FramelineDb;
let n = 0;
let session: ProjectSession;
let scheduler: SketchScheduler;
let calls: SketchInput[];

/** A stand-in for the worker: bytes that depend only on the input, like the real generator. */
const fakeSketch: SketchFn = async (input) => {
  calls.push(input);
  const text = new TextEncoder().encode(JSON.stringify(input));
  // A PNG's head first: the asset store takes only what sniffs as an image.
  const head = pngBytes(1).subarray(0, 33);
  const bytes = new Uint8Array(head.length + text.length);
  bytes.set(head);
  bytes.set(text, head.length);
  return bytes;
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
    const first = runOk(session, 'scene/addWithShot', { heading: 'EXT. ROOF - NIGHT' }) as ShotId;
    runOk(session, 'shot/insert', {
      sceneId: shots()[0]!.sceneId,
      index: 1,
      init: { shotType: 'CU' },
    });
    await scheduler.idle();
    expect(shots().every((s) => s.frameSource === 'sketch' && s.frameHash !== null)).toBe(true);
    const blob = await createAssetStore(db).get(shots()[0]!.frameHash as AssetHash);
    expect(blob!.type).toBe('image/png');
    const text = new TextDecoder().decode(new Uint8Array(await blob!.arrayBuffer()).subarray(33));
    expect(JSON.parse(text)).toMatchObject({
      location: 'ROOF',
      timeOfDay: 'NIGHT',
      shotNumber: '1',
    });
    expect(first).toBe(shots()[0]!.id);
  });

  test('changing a shot redraws its sketch; an unchanged shot is not drawn again', async () => {
    await setup();
    runOk(session, 'scene/addWithShot', { heading: 'EXT. ROOF - NIGHT' });
    runOk(session, 'shot/insert', { sceneId: shots()[0]!.sceneId, index: 1 });
    await scheduler.idle();
    const [a, b] = shots();
    calls = [];
    runOk(session, 'shot/update', { shotId: a!.id, patch: { shotType: 'ECU' } });
    await scheduler.idle();
    expect(calls.map((c) => c.shotType)).toEqual(['ECU']);
    expect(shots()[0]!.frameHash).not.toBe(a!.frameHash);
    expect(shots()[1]!.frameHash).toBe(b!.frameHash);
  });

  test('setting a sketch is not an undo step of the user', async () => {
    await setup();
    runOk(session, 'scene/addWithShot', { heading: 'INT. HALL - DAY' });
    await scheduler.idle();
    const undoSteps = session.undoManager.undoStack.length;
    runOk(session, 'shot/update', { shotId: shots()[0]!.id, patch: { notes: 'x' } });
    await scheduler.idle();
    expect(session.undoManager.undoStack.length).toBe(undoSteps + 1);
  });

  test('drawn or generated frames are never replaced by sketches', async () => {
    await setup();
    const id = runOk(session, 'scene/addWithShot', { heading: 'INT. HALL - DAY' }) as ShotId;
    const drawn = 'a'.repeat(64) as AssetHash;
    runOk(session, 'frame/set', {
      shotId: id,
      frame: { hash: drawn, source: 'drawn', signature: '' },
    });
    await scheduler.idle();
    expect(calls).toEqual([]);
    expect(shots()[0]!.frameHash).toBe(drawn);
  });

  test('a frame saved from the frame editor is not sketched over, even after the shot changes', async () => {
    await setup();
    const id = runOk(session, 'scene/addWithShot', { heading: 'INT. HALL - DAY' }) as ShotId;
    await scheduler.idle();
    calls.length = 0;
    const drawn = 'b'.repeat(64) as AssetHash;
    runOk(session, 'drawing/saveFrame', {
      shotId: id,
      take: {
        id: 'drawn-1',
        hash: drawn,
        providerKind: 'drawing',
        providerLabel: 'Drawn',
        model: '',
        prompt: '',
        createdAt: 1,
        source: 'drawn',
      },
    });
    runOk(session, 'shot/update', { shotId: id, patch: { action: 'She runs.' } });
    await scheduler.idle();
    expect(calls).toEqual([]);
    expect(shots()[0]).toMatchObject({ frameHash: drawn, frameSource: 'drawn' });
  });

  test('a failing sketch is reported once, not retried in a loop, and can be retried', async () => {
    let fail = true;
    await setup(async (input) => {
      calls.push(input);
      if (fail) throw new Error('worker crashed');
      return pngBytes(1);
    });
    runOk(session, 'scene/addWithShot', { heading: 'INT. HALL - DAY' });
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
