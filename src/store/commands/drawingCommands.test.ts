import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { DrawingItem } from '../../model/drawing';
import type { AssetHash, ShotId } from '../../model/ids';
import { runOk } from '../../../tests/helpers/commands';
import { openDb, type FramelineDb } from '../db';
import { ProjectRepository } from '../projects';
import { ProjectSession } from '../projectSession';

let db: FramelineDb;
let session: ProjectSession;
let shotId: ShotId;
let n = 0;

const DRAWN = 'd'.repeat(64) as AssetHash;

function stroke(id: string): DrawingItem {
  return {
    id,
    type: 'stroke',
    tool: 'pen',
    color: '#101010',
    size: 25,
    points: [0, 0, 40, 50, 50, 70],
    x: 0,
    y: 0,
    rotation: 0,
    scale: 1,
  };
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  db = openDb(`drawing-commands-${++n}`);
  const repo = new ProjectRepository(db);
  session = await ProjectSession.open(repo, await repo.create({ title: 'Drawn' }));
  shotId = runOk(session, 'scene/addWithShot', { heading: 'INT. ROOM - DAY' }) as ShotId;
});

afterEach(async () => {
  vi.useRealTimers();
  await session.close();
  db.close();
});

const items = () => session.drawing(shotId).layers.flatMap((l) => l.items.map((i) => i.id));
const pencil = () => session.drawing(shotId).layers.find((l) => l.kind === 'pencil')!.id;

describe('drawing commands and undo', () => {
  test('each stroke is one undo step, however fast they follow; 120 steps undo and redo', () => {
    runOk(session, 'drawing/addItem', { shotId, layerId: pencil(), item: stroke('s0') });
    for (let i = 1; i < 120; i++) {
      runOk(session, 'drawing/addItem', { shotId, layerId: pencil(), item: stroke(`s${i}`) });
    }
    expect(items()).toHaveLength(120);
    session.undo();
    expect(items()).toHaveLength(119);
    for (let i = 0; i < 118; i++) session.undo();
    expect(items()).toEqual(['s0']);
    session.undo();
    expect(items()).toEqual([]);
    for (let i = 0; i < 120; i++) session.redo();
    expect(items()).toHaveLength(120);
  });

  test('dragging a layer’s opacity is one step; a rename is its own', () => {
    runOk(session, 'drawing/addItem', { shotId, layerId: pencil(), item: stroke('s') });
    const layerId = pencil();
    for (const opacity of [0.9, 0.7, 0.5, 0.3]) {
      runOk(session, 'drawing/updateLayer', { shotId, layerId, patch: { opacity } });
    }
    runOk(session, 'drawing/updateLayer', { shotId, layerId, patch: { name: 'Lines' } });
    const layer = () => session.drawing(shotId).layers.find((l) => l.id === layerId)!;
    expect(layer()).toMatchObject({ opacity: 0.3, name: 'Lines' });
    session.undo();
    expect(layer()).toMatchObject({ opacity: 0.3, name: 'Pencil' });
    session.undo();
    expect(layer().opacity).toBe(1);
  });

  test('the drawing keeps its identity until it changes, and a change is told to subscribers', () => {
    const first = session.drawing(shotId);
    expect(session.drawing(shotId)).toBe(first);
    const listener = vi.fn();
    session.subscribe(listener);
    runOk(session, 'drawing/addItem', { shotId, layerId: pencil(), item: stroke('s') });
    expect(listener).toHaveBeenCalled();
    const second = session.drawing(shotId);
    expect(second).not.toBe(first);
    runOk(session, 'shot/update', { shotId, patch: { notes: 'x' } });
    expect(session.drawing(shotId)).toEqual(second);
  });

  test('save frame makes a drawn take the frame; undo gives the frame back, strokes stay', () => {
    runOk(session, 'drawing/addItem', { shotId, layerId: pencil(), item: stroke('s') });
    const before = session.getState().snapshot.shots[0]!;
    runOk(session, 'drawing/saveFrame', {
      shotId,
      take: {
        id: 'take-d',
        hash: DRAWN,
        providerKind: 'drawing',
        providerLabel: 'Drawn',
        model: '',
        prompt: '',
        createdAt: 1,
        source: 'drawn',
      },
    });
    const shot = session.getState().snapshot.shots[0]!;
    expect(shot).toMatchObject({ frameHash: DRAWN, frameSource: 'drawn' });
    expect(shot.takes.at(-1)).toMatchObject({ id: 'take-d', source: 'drawn' });
    session.undo();
    const undone = session.getState().snapshot.shots[0]!;
    expect(undone.frameHash).toBe(before.frameHash);
    expect(undone.frameSource).toBe(before.frameSource);
    expect(items()).toEqual(['s']);
  });

  test('choosing a drawn take again makes the frame drawn, not generated', () => {
    runOk(session, 'drawing/saveFrame', {
      shotId,
      take: {
        id: 'take-d',
        hash: DRAWN,
        providerKind: 'drawing',
        providerLabel: 'Drawn',
        model: '',
        prompt: '',
        createdAt: 1,
        source: 'drawn',
      },
    });
    runOk(session, 'frame/returnToSketch', { shotId });
    runOk(session, 'take/choose', { shotId, takeId: 'take-d' });
    expect(session.getState().snapshot.shots[0]!.frameSource).toBe('drawn');
  });

  test('a read-only project refuses a stroke and writes nothing', async () => {
    await session.forceReadOnly('a newer Frameline runs in another tab');
    const result = session.run('drawing/addItem', {
      shotId,
      layerId: 'default:pencil',
      item: stroke('s'),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.failure).toBe('read-only');
    expect(items()).toEqual([]);
  });
});
