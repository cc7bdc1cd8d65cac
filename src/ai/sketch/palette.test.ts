import { expect, test } from 'vitest';
import { lightFor } from './palette';

test.each([
  ['NIGHT', 'night'],
  ['Late night', 'night'],
  ['DUSK', 'golden'],
  ['DAWN', 'golden'],
  ['EVENING', 'golden'],
  ['MAGIC HOUR', 'golden'],
  ['DAY', 'day'],
  ['MORNING', 'day'],
  ['CONTINUOUS', 'neutral'],
  ['MOMENTS LATER', 'neutral'],
  ['', 'neutral'],
] as const)('%s is drawn as %s light', (timeOfDay, light) => {
  expect(lightFor(timeOfDay)).toBe(light);
});

test('a word that merely contains DAY is not daylight', () => {
  expect(lightFor('SUNDAY')).toBe('neutral');
  expect(lightFor('DAYBREAK')).toBe('golden');
});
