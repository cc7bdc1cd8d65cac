import { describe, expect, test } from 'vitest';
import { inOrder, pick, selectAll, single, type Selection } from './boardSelection';

const order = ['a', 'b', 'c', 'd', 'e'];
const ids = (s: Selection) => inOrder(s.ids, order);
const plain = { range: false, toggle: false };
const shift = { range: true, toggle: false };
const ctrl = { range: false, toggle: true };

describe('board selection', () => {
  test('a click selects that board alone', () => {
    expect(ids(pick({ ids: new Set(['a', 'b']), anchor: 'a' }, 'd', plain, order))).toEqual(['d']);
  });

  test('Shift+click selects the range from the anchor, either way round', () => {
    expect(ids(pick(single('b'), 'd', shift, order))).toEqual(['b', 'c', 'd']);
    expect(ids(pick(single('d'), 'a', shift, order))).toEqual(['a', 'b', 'c', 'd']);
  });

  test('a second Shift+click replaces the range and keeps the anchor', () => {
    const first = pick(single('c'), 'e', shift, order);
    const second = pick(first, 'a', shift, order);
    expect(ids(second)).toEqual(['a', 'b', 'c']);
    expect(second.anchor).toBe('c');
  });

  test('Ctrl+click adds and removes one board and moves the anchor', () => {
    const added = pick(single('a'), 'c', ctrl, order);
    expect(ids(added)).toEqual(['a', 'c']);
    expect(added.anchor).toBe('c');
    expect(ids(pick(added, 'a', ctrl, order))).toEqual(['c']);
  });

  test('the last selected board cannot be toggled off', () => {
    expect(ids(pick(single('b'), 'b', ctrl, order))).toEqual(['b']);
  });

  test('Ctrl+Shift+click adds a range to what is selected', () => {
    const some = pick(single('a'), 'c', ctrl, order);
    expect(ids(pick(some, 'e', { range: true, toggle: true }, order))).toEqual([
      'a',
      'c',
      'd',
      'e',
    ]);
  });

  test('select all, and ids no longer on the board are left out', () => {
    expect(ids(selectAll(order, 'a'))).toEqual(order);
    expect(inOrder(new Set(['e', 'x', 'a']), order)).toEqual(['a', 'e']);
  });
});
