import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import type { DrawingItem } from '../../model/drawing';
import type { AssetHash, SceneId, ShotId } from '../../model/ids';
import { createProjectMeta } from '../../model/project';
import { createScene } from '../../model/scene';
import { createShot } from '../../model/shot';
import { referencedAssetHashes } from '../assetRefs';
import { rootsOf, USER_ORIGIN } from './layout';
import { layerRecordsOf } from './drawingOps';
import {
  addDrawingItem,
  addDrawingLayer,
  clearDrawingLayers,
  deleteDrawingLayer,
  mergeDrawingLayerDown,
  moveDrawingLayer,
  readDrawing,
  removeDrawingItems,
  replaceDrawingItems,
  setShotFrame,
  touchedBy,
  updateDrawingLayer,
  writeSnapshot,
} from '.';

const SHOT = 'shot-1' as ShotId;
const SKETCH = 'a'.repeat(64) as AssetHash;
const FILL = 'b'.repeat(64) as AssetHash;
const FRAME = { halfWidth: 8_889, halfHeight: 5_000 };

function stroke(id: string, x = 0): DrawingItem {
  return {
    id,
    type: 'stroke',
    tool: 'pencil',
    color: '#222222',
    size: 30,
    points: [x, 0, 50, x + 100, 100, 60],
    x: 0,
    y: 0,
    rotation: 0,
    scale: 1,
  };
}

function newDoc(): Y.Doc {
  const scene = createScene({ id: 's1' as SceneId, number: '1', heading: 'INT. ROOM - DAY' });
  const doc = new Y.Doc();
  writeSnapshot(doc, {
    meta: createProjectMeta('Drawn'),
    scenes: [scene],
    shots: [createShot({ id: SHOT, sceneId: scene.id, number: '1' })],
    characters: [],
  });
  setShotFrame(doc, SHOT, { hash: SKETCH, source: 'sketch', signature: 's' });
  return doc;
}

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

const ids = (doc: Y.Doc, kind: string) =>
  readDrawing(doc, SHOT)
    .layers.find((l) => l.kind === kind)!
    .items.map((i) => i.id);

describe('a shot’s drawing in the document', () => {
  test('before anyone draws: the default layers, the shot’s frame as reference, nothing written', () => {
    const doc = newDoc();
    const drawing = readDrawing(doc, SHOT);
    expect(drawing.layers.map((l) => l.id)).toEqual([
      'default:reference',
      'default:fill',
      'default:tone',
      'default:pencil',
      'default:ink',
      'default:notes',
    ]);
    expect(drawing.layers[0]!.bitmap).toBe(SKETCH);
    expect(rootsOf(doc).drawings.size).toBe(0);
  });

  test('the first stroke makes the layers real, with the frame pinned in the reference', () => {
    const doc = newDoc();
    addDrawingItem(doc, SHOT, 'default:pencil', stroke('s1'));
    const drawing = readDrawing(doc, SHOT);
    expect(drawing.layers).toHaveLength(6);
    expect(drawing.layers.every((l) => !l.id.startsWith('default:'))).toBe(true);
    expect(ids(doc, 'pencil')).toEqual(['s1']);
    // A later frame (the drawing saved as one) does not replace what the drawing was made over.
    setShotFrame(doc, SHOT, { hash: FILL, source: 'drawn', signature: '' });
    expect(readDrawing(doc, SHOT).layers[0]!.bitmap).toBe(SKETCH);
  });

  test('two people drawing on one layer at once both keep their strokes', () => {
    const a = newDoc();
    const b = new Y.Doc();
    sync(a, b);
    addDrawingItem(a, SHOT, 'default:pencil', stroke('s0'));
    sync(a, b);
    addDrawingItem(a, SHOT, readDrawing(a, SHOT).layers[3]!.id, stroke('from-a'));
    addDrawingItem(b, SHOT, readDrawing(b, SHOT).layers[3]!.id, stroke('from-b'));
    sync(a, b);
    expect(ids(a, 'pencil').sort()).toEqual(['from-a', 'from-b', 's0']);
    expect(ids(b, 'pencil')).toEqual(ids(a, 'pencil'));
  });

  test('two people starting a drawing at once both keep their first stroke', () => {
    const a = newDoc();
    const b = new Y.Doc();
    sync(a, b);
    addDrawingItem(a, SHOT, 'default:pencil', stroke('from-a'));
    addDrawingItem(b, SHOT, 'default:pencil', stroke('from-b'));
    sync(a, b);
    const all = readDrawing(a, SHOT).layers.flatMap((l) => l.items.map((i) => i.id));
    expect(all.sort()).toEqual(['from-a', 'from-b']);
    expect(readDrawing(b, SHOT)).toEqual(readDrawing(a, SHOT));
    // A write to a default layer after both arrived lands on one of the existing ones.
    addDrawingItem(a, SHOT, 'default:ink', stroke('third'));
    expect(readDrawing(a, SHOT).layers).toHaveLength(12);
  });

  test('erase removes items by id; move replaces in place, keeping the stack order', () => {
    const doc = newDoc();
    for (const id of ['a', 'b', 'c']) addDrawingItem(doc, SHOT, 'default:ink', stroke(id));
    replaceDrawingItems(doc, SHOT, [{ ...stroke('b'), x: 500, rotation: 30, scale: 2 }]);
    expect(ids(doc, 'ink')).toEqual(['a', 'b', 'c']);
    const moved = readDrawing(doc, SHOT).layers[4]!.items[1]!;
    expect(moved).toMatchObject({ x: 500, rotation: 30, scale: 2 });
    removeDrawingItems(doc, SHOT, ['a', 'c']);
    expect(ids(doc, 'ink')).toEqual(['b']);
  });

  test('layers: add above another, rename, hide, opacity, lock, reorder, delete', () => {
    const doc = newDoc();
    addDrawingLayer(doc, SHOT, { id: 'extra', kind: 'ink', name: 'Ink 2' }, null);
    let layers = readDrawing(doc, SHOT).layers;
    expect(layers.map((l) => l.name)).toEqual([
      'Reference',
      'Fill',
      'Tone',
      'Pencil',
      'Ink',
      'Notes',
      'Ink 2',
    ]);
    const pencil = layers[3]!.id;
    addDrawingLayer(doc, SHOT, { id: 'over-pencil', kind: 'tone', name: 'Shadows' }, pencil);
    updateDrawingLayer(doc, SHOT, 'extra', {
      name: 'Faces',
      visible: false,
      opacity: 0.4,
      locked: true,
    });
    moveDrawingLayer(doc, SHOT, 'extra', 0);
    layers = readDrawing(doc, SHOT).layers;
    expect(layers.map((l) => l.name)).toEqual([
      'Faces',
      'Reference',
      'Fill',
      'Tone',
      'Pencil',
      'Shadows',
      'Ink',
      'Notes',
    ]);
    expect(layers[0]).toMatchObject({ visible: false, opacity: 0.4, locked: true });
    deleteDrawingLayer(doc, SHOT, 'extra');
    expect(readDrawing(doc, SHOT).layers).toHaveLength(7);
  });

  test('merge down: the upper layer’s picture and items go on top of the lower layer’s', () => {
    const doc = newDoc();
    addDrawingItem(doc, SHOT, 'default:pencil', stroke('under'));
    const layers = readDrawing(doc, SHOT).layers;
    const ink = layers[4]!.id;
    rootsOf(doc).drawings.forEach((record, key) => {
      if (key.endsWith(ink)) record.set('bitmap', FILL);
    });
    addDrawingItem(doc, SHOT, ink, stroke('over'));
    mergeDrawingLayerDown(doc, SHOT, ink, FRAME);
    const after = readDrawing(doc, SHOT).layers;
    expect(after.map((l) => l.kind)).toEqual(['reference', 'fill', 'tone', 'pencil', 'notes']);
    const merged = after[3]!.items;
    expect(merged.map((i) => i.type)).toEqual(['stroke', 'image', 'stroke']);
    expect(merged[1]).toMatchObject({ hash: FILL, points: [-8_889, -5_000, 17_778, 10_000] });
    expect(merged[2]!.id).toBe('over');
  });

  test('clear empties layers; the reference keeps its picture', () => {
    const doc = newDoc();
    addDrawingItem(doc, SHOT, 'default:pencil', stroke('a'));
    addDrawingItem(doc, SHOT, 'default:notes', stroke('b'));
    const notes = readDrawing(doc, SHOT).layers[5]!.id;
    clearDrawingLayers(doc, SHOT, [notes]);
    expect(ids(doc, 'pencil')).toEqual(['a']);
    clearDrawingLayers(doc, SHOT, null);
    const drawing = readDrawing(doc, SHOT);
    expect(drawing.layers.flatMap((l) => l.items)).toEqual([]);
    expect(drawing.layers[0]!.bitmap).toBe(SKETCH);
  });

  test('the reader leaves out what does not validate, and takes no toJSON of it', () => {
    const doc = newDoc();
    addDrawingItem(doc, SHOT, 'default:pencil', stroke('good'));
    const pencil = [...layerRecordsOf(doc, SHOT).values()].find((r) => r.get('kind') === 'pencil');
    const items = pencil!.get('items') as Y.Array<unknown>;
    items.push([{ id: 'bad', type: 'stroke', points: 'x' }, 42, null, stroke('good')]);
    rootsOf(doc).drawings.set(`${SHOT}/broken`, new Y.Map([['kind', 'paint']]));
    const problems: string[] = [];
    const drawing = readDrawing(doc, SHOT, problems);
    expect(drawing.layers).toHaveLength(6);
    expect(drawing.layers[3]!.items.map((i) => i.id)).toEqual(['good']);
    expect(problems.length).toBeGreaterThanOrEqual(2);
  });

  test('a change to a drawing names its shot; bitmaps count as referenced assets', () => {
    const doc = newDoc();
    addDrawingItem(doc, SHOT, 'default:pencil', stroke('a'));
    const roots = rootsOf(doc);
    let touched: ReturnType<typeof touchedBy> | null = null;
    doc.on('afterTransaction', (t: Y.Transaction) => (touched = touchedBy(t, roots)));
    doc.transact(() => {
      addDrawingItem(doc, SHOT, readDrawing(doc, SHOT).layers[3]!.id, {
        id: 'pic',
        type: 'image',
        hash: FILL,
        points: [0, 0, 100, 100],
        x: 0,
        y: 0,
        rotation: 0,
        scale: 1,
      });
    }, USER_ORIGIN);
    expect([...touched!.drawings]).toEqual([SHOT]);
    expect(touched!.shots.size).toBe(0);
    expect(referencedAssetHashes(doc).has(FILL)).toBe(true);
  });
});
