import { describe, expect, test } from 'vitest';
import type { AssetHash } from './ids';
import {
  defaultLayers,
  drawingItemSchema,
  isBlank,
  DEFAULT_LAYER_KINDS,
  freshLayerName,
  layerBelow,
  orderAt,
  sameDrawing,
  sortLayers,
  type DrawingLayer,
} from './drawing';

const FRAME = 'f'.repeat(64) as AssetHash;
let counter = 0;
const nextId = () => `l${++counter}`;

function layer(id: string, order: number): DrawingLayer {
  return { ...defaultLayers(nextId, null)[3]!, id, order, items: [] };
}

describe('drawing layers', () => {
  test('a new drawing has the six kinds back to front, the frame in the reference layer only', () => {
    const layers = defaultLayers(nextId, FRAME);
    expect(layers.map((l) => l.kind)).toEqual([...DEFAULT_LAYER_KINDS]);
    expect(layers.map((l) => l.name)).toEqual([
      'Reference',
      'Fill',
      'Tone',
      'Pencil',
      'Ink',
      'Notes',
    ]);
    expect(layers.filter((l) => l.bitmap !== null).map((l) => l.kind)).toEqual(['reference']);
    expect(new Set(layers.map((l) => l.id)).size).toBe(6);
    expect(layers.every((l) => l.visible && l.opacity === 1 && !l.locked)).toBe(true);
  });

  test('layers sort by order, ties by id so every peer stacks them alike', () => {
    const sorted = sortLayers([layer('b', 1), layer('c', 0), layer('a', 1)]);
    expect(sorted.map((l) => l.id)).toEqual(['c', 'a', 'b']);
  });

  test('orderAt places between neighbours and past either end', () => {
    const stack = [layer('a', 0), layer('b', 1), layer('c', 2)];
    expect(orderAt(stack, 0)).toBe(-1);
    expect(orderAt(stack, 1)).toBe(0.5);
    expect(orderAt(stack, 3)).toBe(3);
    expect(orderAt(stack, 99)).toBe(3);
    expect(orderAt([], 0)).toBe(0);
    // Moving a layer between two others puts it there once sorted.
    const moved = { ...layer('d', orderAt(stack, 2)) };
    expect(sortLayers([...stack, moved]).map((l) => l.id)).toEqual(['a', 'b', 'd', 'c']);
  });

  test('a new layer gets a name of its own: Pencil, then Pencil 2, Pencil 3', () => {
    expect(freshLayerName('Tone', ['Pencil', 'Ink'])).toBe('Tone');
    expect(freshLayerName('Pencil', ['Pencil', 'Ink'])).toBe('Pencil 2');
    expect(freshLayerName('Pencil', ['Pencil', 'Pencil 2', 'Pencil 4'])).toBe('Pencil 3');
  });

  test('merge down goes into the layer below; the bottom one has none', () => {
    const drawing = { layers: [layer('a', 0), layer('b', 1)] };
    expect(layerBelow(drawing, 'b')?.id).toBe('a');
    expect(layerBelow(drawing, 'a')).toBeNull();
    expect(isBlank(drawing)).toBe(true);
  });

  test('items are checked: a stroke needs whole triples, bounded coordinates and a colour', () => {
    const stroke = {
      id: 's',
      type: 'stroke',
      tool: 'brush',
      color: '#112233',
      size: 40,
      points: [0, 0, 50, 10, 10, 60],
    };
    expect(drawingItemSchema.parse(stroke)).toMatchObject({ x: 0, y: 0, rotation: 0, scale: 1 });
    expect(drawingItemSchema.safeParse({ ...stroke, points: [0, 0] }).success).toBe(false);
    expect(drawingItemSchema.safeParse({ ...stroke, points: [0.5, 0, 50] }).success).toBe(false);
    expect(drawingItemSchema.safeParse({ ...stroke, points: [1e9, 0, 50] }).success).toBe(false);
    expect(drawingItemSchema.safeParse({ ...stroke, color: 'red' }).success).toBe(false);
    expect(drawingItemSchema.safeParse({ ...stroke, type: 'blob' }).success).toBe(false);
    const arrow = { id: 'a', type: 'arrow', color: '#000000', size: 20, points: [0, 0, 100, 100] };
    expect(drawingItemSchema.safeParse(arrow).success).toBe(true);
    const text = { id: 't', type: 'text', color: '#000000', size: 300, text: 'PAN →' };
    expect(drawingItemSchema.safeParse(text).success).toBe(true);
  });
});

describe('sameDrawing', () => {
  const stroke = drawingItemSchema.parse({
    id: 's',
    type: 'stroke',
    tool: 'pen',
    color: '#000000',
    size: 10,
    points: [0, 0, 50],
  });
  const base = (): DrawingLayer => ({ ...layer('a', 0), items: [stroke] });
  test('a re-read with the same layers and items is the same; any change is not', () => {
    expect(sameDrawing({ layers: [base()] }, { layers: [base()] })).toBe(true);
    expect(sameDrawing({ layers: [base()] }, { layers: [{ ...base(), opacity: 0.5 }] })).toBe(
      false,
    );
    expect(sameDrawing({ layers: [base()] }, { layers: [{ ...base(), items: [] }] })).toBe(false);
    const copy = drawingItemSchema.parse({ ...stroke });
    expect(sameDrawing({ layers: [base()] }, { layers: [{ ...base(), items: [copy] }] })).toBe(
      false,
    );
  });

  test('a default layer’s picture following the shot’s frame is no change; a stored one’s is', () => {
    const onDefault = { ...base(), id: 'default:reference', bitmap: null };
    expect(
      sameDrawing({ layers: [onDefault] }, { layers: [{ ...onDefault, bitmap: FRAME }] }),
    ).toBe(true);
    expect(sameDrawing({ layers: [base()] }, { layers: [{ ...base(), bitmap: FRAME }] })).toBe(
      false,
    );
  });
});

describe('storyboard mark items', () => {
  test('a camera move keeps its move and label; motion lines their two points', () => {
    const camera = drawingItemSchema.parse({
      id: 'c',
      type: 'camera',
      move: 'push-in',
      color: '#202020',
      size: 120,
      points: [-2_000, 0, 2_000, 0],
    });
    expect(camera).toMatchObject({ move: 'push-in', label: '', x: 0, scale: 1 });
    expect(
      drawingItemSchema.safeParse({ ...camera, move: 'zoom' }).success ||
        drawingItemSchema.safeParse({ ...camera, label: 'x'.repeat(41) }).success,
    ).toBe(false);
    const motion = drawingItemSchema.parse({
      id: 'm',
      type: 'motion',
      color: '#202020',
      size: 40,
      points: [0, 0, 1_000, 500],
    });
    expect(motion.type).toBe('motion');
    expect(drawingItemSchema.safeParse({ ...motion, points: [0, 0, 1] }).success).toBe(false);
  });
});
