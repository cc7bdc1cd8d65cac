import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { DrawingItem } from '../../model/drawing';
import type { AssetHash, SceneId, ShotId } from '../../model/ids';
import { runOk } from '../../../tests/helpers/commands';
import { openDb, type FramelineDb } from '../db';
import { ProjectRepository } from '../projects';
import { ProjectSession } from '../projectSession';

/** A shot's drawing follows the shot: copied with a duplicate, gone with a delete, back on undo. */

let db: FramelineDb;
let session: ProjectSession;
let shotId: ShotId;
let n = 0;

function stroke(id: string, tool: 'pen' | 'eraser' = 'pen'): DrawingItem {
  return {
    id,
    type: 'stroke',
    tool,
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
  db = openDb(`shot-drawing-${++n}`);
  const repo = new ProjectRepository(db);
  session = await ProjectSession.open(repo, await repo.create({ title: 'Drawn' }));
  shotId = runOk(session, 'scene/addWithShot', { heading: 'INT. ROOM - DAY' }) as ShotId;
});

afterEach(async () => {
  await session.close();
  db.close();
});

const itemsOf = (id: ShotId) =>
  session.drawing(id).layers.flatMap((l) => l.items.map((i) => ({ kind: l.kind, id: i.id })));
const layer = (id: ShotId, kind: string) =>
  session.drawing(id).layers.find((l) => l.kind === kind)!;
const storedLayers = (id: ShotId) =>
  session.drawing(id).layers.filter((l) => !l.id.startsWith('default:'));

function draw(on: ShotId, kind: string, item: DrawingItem) {
  runOk(session, 'drawing/addItem', { shotId: on, layerId: layer(on, kind).id, item });
}

describe('a shot’s drawing follows the shot', () => {
  test('duplicating a shot copies its layers and items under new ids', () => {
    draw(shotId, 'pencil', stroke('a'));
    draw(shotId, 'ink', stroke('b'));
    runOk(session, 'drawing/updateLayer', {
      shotId,
      layerId: layer(shotId, 'ink').id,
      patch: { opacity: 0.5, name: 'Lines' },
    });
    const copy = runOk(session, 'shot/duplicate', { shotId });
    const original = session.drawing(shotId);
    const copied = session.drawing(copy);
    expect(copied.layers.map((l) => [l.kind, l.name, l.opacity])).toEqual(
      original.layers.map((l) => [l.kind, l.name, l.opacity]),
    );
    const originalIds = new Set([
      ...original.layers.map((l) => l.id),
      ...original.layers.flatMap((l) => l.items.map((i) => i.id)),
    ]);
    for (const l of copied.layers) {
      expect(originalIds.has(l.id)).toBe(false);
      for (const item of l.items) expect(originalIds.has(item.id)).toBe(false);
    }
    expect(itemsOf(copy).map((i) => i.kind)).toEqual(['pencil', 'ink']);
    // Drawing on the copy leaves the original alone.
    draw(copy, 'pencil', stroke('c'));
    expect(itemsOf(shotId)).toHaveLength(2);
    expect(itemsOf(copy)).toHaveLength(3);
    // One undo step took the shot and its drawing.
    session.undo();
    session.undo();
    expect(session.getState().snapshot.shots.some((s) => s.id === copy)).toBe(false);
    expect(storedLayers(copy)).toEqual([]);
  });

  test('deleting a shot removes its drawing in the same undo step', () => {
    draw(shotId, 'pencil', stroke('a'));
    const other = runOk(session, 'shot/duplicate', { shotId });
    runOk(session, 'shot/delete', { shotId });
    expect(storedLayers(shotId)).toEqual([]);
    expect(itemsOf(other)).toHaveLength(1);
    session.undo();
    expect(itemsOf(shotId).map((i) => i.id)).toEqual(['a']);
  });

  test('deleting shots in bulk and deleting a scene remove their drawings; undo restores them', () => {
    draw(shotId, 'pencil', stroke('a'));
    const second = runOk(session, 'shot/duplicate', { shotId });
    runOk(session, 'shots/delete', { shotIds: [shotId, second] });
    expect(storedLayers(shotId)).toEqual([]);
    expect(storedLayers(second)).toEqual([]);
    session.undo();
    expect(itemsOf(shotId)).toHaveLength(1);
    expect(itemsOf(second)).toHaveLength(1);
    const sceneId = session.getState().snapshot.shots[0]!.sceneId as SceneId;
    runOk(session, 'scene/delete', { sceneId });
    expect(storedLayers(shotId)).toEqual([]);
    expect(storedLayers(second)).toEqual([]);
    session.undo();
    expect(itemsOf(shotId)).toHaveLength(1);
  });
});

describe('merge down keeps how the layers look', () => {
  test('the upper layer’s opacity is baked into the items it moves', () => {
    draw(shotId, 'pencil', stroke('under'));
    draw(shotId, 'ink', stroke('over'));
    draw(shotId, 'ink', { ...stroke('faint'), opacity: 0.5 });
    const ink = layer(shotId, 'ink').id;
    runOk(session, 'drawing/updateLayer', { shotId, layerId: ink, patch: { opacity: 0.4 } });
    runOk(session, 'drawing/mergeDown', { shotId, layerId: ink, picture: null });
    const merged = layer(shotId, 'pencil').items;
    expect(merged.map((i) => [i.id, i.opacity])).toEqual([
      ['under', undefined],
      ['over', 0.4],
      ['faint', 0.2],
    ]);
    session.undo();
    expect(layer(shotId, 'ink').opacity).toBe(0.4);
    expect(layer(shotId, 'pencil').items.map((i) => i.id)).toEqual(['under']);
  });

  test('a layer with eraser strokes merges as its own flattened picture, never as an eraser', () => {
    const picture = 'e'.repeat(64) as AssetHash;
    draw(shotId, 'pencil', stroke('under'));
    draw(shotId, 'ink', stroke('over'));
    draw(shotId, 'ink', stroke('rub', 'eraser'));
    const ink = layer(shotId, 'ink').id;
    runOk(session, 'drawing/updateLayer', { shotId, layerId: ink, patch: { opacity: 0.5 } });
    // Without the picture the merge is refused: the eraser would rub out the lower layer.
    const refused = session.run('drawing/mergeDown', { shotId, layerId: ink, picture: null });
    expect(refused.ok).toBe(false);
    expect(layer(shotId, 'ink').items).toHaveLength(2);
    runOk(session, 'drawing/mergeDown', { shotId, layerId: ink, picture });
    const merged = layer(shotId, 'pencil').items;
    expect(merged.map((i) => i.type)).toEqual(['stroke', 'image']);
    expect(merged.some((i) => i.type === 'stroke' && i.tool === 'eraser')).toBe(false);
    expect(merged[1]).toMatchObject({ hash: picture, opacity: 0.5 });
  });
});
