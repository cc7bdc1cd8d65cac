import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import * as Y from 'yjs';
import { runOk } from '../../../tests/helpers/commands';
import { SEED, seedBoard } from '../../../tests/helpers/boardSeed';
import type { ShotId } from '../../model/ids';
import { ms } from '../../model/units';
import { openDb, type FramelineDb } from '../db';
import { REMOTE_ORIGIN } from '../projectDoc';
import { ProjectRepository } from '../projects';
import { ProjectSession } from '../projectSession';
import { documentOf } from '../sessionDocument';

let db: FramelineDb;
let session: ProjectSession;
let n = 0;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  db = openDb(`bulk-commands-${++n}`);
  const repo = new ProjectRepository(db);
  session = await ProjectSession.open(repo, await repo.create({ title: 'Bulk' }));
  seedBoard(session);
});

afterEach(async () => {
  vi.useRealTimers();
  await session.close();
  db.close();
});

const snapshot = () => session.getState().snapshot;
const shot = (id: ShotId) => snapshot().shots.find((s) => s.id === id);
const ids = () => snapshot().shots.map((s) => s.id);
const numbers = () => snapshot().shots.map((s) => s.number);
const steps = () => session.undoManager.undoStack.length;
const three = [SEED.shot1, SEED.shot1B, SEED.shot2];

describe('bulk changes to a selection of shots', () => {
  test('delete: every selected shot goes in one step, one undo brings them all back', () => {
    const before = snapshot();
    expect(runOk(session, 'shots/delete', { shotIds: three })).toBe(3);
    expect(ids()).toEqual([SEED.shot1A, SEED.shot2A]);
    expect(steps()).toBe(1);
    session.undo();
    expect(snapshot()).toEqual(before);
  });

  test('move to another scene: appended in board order, numbered there; one undo puts them back', () => {
    const before = snapshot();
    const moved = runOk(session, 'shots/moveToScene', {
      shotIds: [SEED.shot1B, SEED.shot1, SEED.shot2],
      toSceneId: SEED.scene2,
    });
    // Shot 2 is in scene 2 already and stays where it is.
    expect(moved).toBe(2);
    expect(ids()).toEqual([SEED.shot1A, SEED.shot2, SEED.shot2A, SEED.shot1, SEED.shot1B]);
    expect(numbers()).toEqual(['1A', '2', '2A', '2B', '2C']);
    expect(shot(SEED.shot1)?.sceneId).toBe(SEED.scene2);
    expect(steps()).toBe(1);
    session.undo();
    expect(snapshot()).toEqual(before);
  });

  test('re-time: every shot to one length, or every length scaled, within a shot’s bounds', () => {
    runOk(session, 'shots/retime', { shotIds: three, retime: { durationMs: ms(2500) } });
    expect(three.map((id) => shot(id)?.durationMs)).toEqual([2500, 2500, 2500]);
    expect(shot(SEED.shot1A)?.durationMs).toBe(4000);
    runOk(session, 'shots/retime', { shotIds: three, retime: { factor: 1000 } });
    const longest = three.map((id) => shot(id)?.durationMs);
    expect(new Set(longest).size).toBe(1);
    expect(longest[0]).toBeLessThanOrEqual(60 * 60 * 1000);
    expect(steps()).toBe(2);
    session.undo();
    session.undo();
    expect(three.map((id) => shot(id)?.durationMs)).toEqual([4000, 4000, 4000]);
  });

  test('set fields: the same shot type and camera on every shot, nothing else touched', () => {
    const actions = three.map((id) => shot(id)?.action);
    runOk(session, 'shots/update', {
      shotIds: three,
      patch: { shotType: 'CU', cameraMove: 'dolly' },
    });
    expect(three.map((id) => shot(id)?.shotType)).toEqual(['CU', 'CU', 'CU']);
    expect(three.map((id) => shot(id)?.cameraMove)).toEqual(['dolly', 'dolly', 'dolly']);
    expect(three.map((id) => shot(id)?.action)).toEqual(actions);
    expect(shot(SEED.shot1A)?.shotType).toBe('MS');
    expect(steps()).toBe(1);
  });

  test('a shot a collaborator deleted meanwhile is skipped; an edit they made to another field stays', () => {
    const peer = new Y.Doc();
    peer.clientID = 1;
    const doc = documentOf(session);
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const peerShots = peer.getMap<Y.Map<unknown>>('shots');
    peer.transact(() => {
      peerShots.delete(SEED.shot1B);
      peerShots.get(SEED.shot2)?.set('notes', 'from the peer');
    });
    const selection = [...three];
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)), REMOTE_ORIGIN);
    expect(runOk(session, 'shots/update', { shotIds: selection, patch: { shotType: 'WS' } })).toBe(
      2,
    );
    expect(shot(SEED.shot2)).toMatchObject({ shotType: 'WS', notes: 'from the peer' });
  });
});

describe('every bulk command', () => {
  const commands = [
    ['shots/delete', { shotIds: three }],
    ['shots/moveToScene', { shotIds: three, toSceneId: SEED.scene2 }],
    ['shots/retime', { shotIds: three, retime: { factor: 2 } }],
    ['shots/update', { shotIds: three, patch: { cameraAngle: 'high' } }],
  ] as const;

  test.each(commands)(
    '%s is refused on a read-only project and writes nothing',
    async (name, input) => {
      const before = snapshot();
      await session.forceReadOnly('a version is being previewed');
      const result = session.run(name, input as never);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.failure).toBe('read-only');
      expect(snapshot()).toEqual(before);
    },
  );

  test.each(commands)('%s is its own undo step, even right after typing', (name, input) => {
    session.run('shot/update', { shotId: SEED.shot1A, patch: { notes: 'typing' } });
    session.run(name, input as never);
    expect(steps()).toBe(2);
    session.undo();
    expect(shot(SEED.shot1A)?.notes).toBe('typing');
  });

  test.each(commands)('%s refuses an empty selection as invalid input', (name, input) => {
    const result = session.run(name, { ...input, shotIds: [] } as never);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ failure: 'invalid', field: 'shotIds' });
  });

  test('invalid values are refused with the field that is wrong, and nothing is written', () => {
    const before = snapshot();
    const cases = [
      ['shots/retime', { shotIds: three, retime: { durationMs: -1 } }, 'retime.durationMs'],
      ['shots/retime', { shotIds: three, retime: { factor: 0 } }, 'retime.factor'],
      ['shots/update', { shotIds: three, patch: { shotType: 'HUGE' } }, 'patch.shotType'],
      ['shots/update', { shotIds: three, patch: { number: '9' } }, 'patch'],
      ['shots/delete', { shotIds: [SEED.shot1, SEED.shot1] }, 'shotIds'],
    ] as const;
    for (const [name, input, field] of cases) {
      const result = session.run(name, input as never);
      expect(result.ok, name).toBe(false);
      if (!result.ok)
        expect(result.error, JSON.stringify(input)).toMatchObject({ failure: 'invalid', field });
    }
    expect(snapshot()).toEqual(before);
  });

  test('a selection none of which is left is refused, nothing written', () => {
    const result = session.run('shots/delete', { shotIds: ['gone' as ShotId] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.failure).toBe('failed');
    expect(steps()).toBe(0);
  });
});
