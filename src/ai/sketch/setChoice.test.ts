import { expect, test } from 'vitest';
import { createRandom } from './random';
import { exteriorKind, interiorKind } from './setChoice';

test.each([
  ['DESERT ROAD', 'road'],
  ['HILLTOP', 'hills'],
  ['SEASIDE PROMENADE', 'water'],
  ['CITY ROOFTOP', 'city'],
  ['BACK ALLEY', 'street'],
  ['WOODLAND CLEARING', 'trees'],
] as const)('an exterior at %s is drawn as %s', (location, kind) => {
  expect(exteriorKind(location, createRandom(1))).toBe(kind);
});

test('an unknown place still gets a set, the same one every time', () => {
  const kind = exteriorKind('NOWHERE IN PARTICULAR', createRandom(7));
  expect(exteriorKind('NOWHERE IN PARTICULAR', createRandom(7))).toBe(kind);
});

test.each([
  ['KITCHEN', 'kitchen'],
  ['CAFÉ', 'kitchen'],
  ['BARN', 'room'],
  ["MAYA'S CAR", 'vehicle'],
  ['PUBLIC LIBRARY', 'shelves'],
  ['LIVING ROOM', 'room'],
] as const)('an interior at %s is drawn as %s', (location, kind) => {
  expect(interiorKind(location)).toBe(kind);
});
