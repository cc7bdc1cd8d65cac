import { expect, test } from 'vitest';
import { readScreenplay } from '../../tests/helpers/fixtures';
import { countFountainFigures } from '../../tests/helpers/fountainFigures';
import { screenplayToSnapshot, titleFromFileName } from './screenplayImport';

test('a real screenplay becomes a project titled from its title page', () => {
  const text = readScreenplay('brick_and_steel.fountain');
  const result = screenplayToSnapshot(text, 'brick_and_steel.fountain');
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  expect(result.snapshot.meta.title).toBe('BRICK & STEEL');
  expect(result.snapshot.scenes).toHaveLength(8);
  expect(result.snapshot.shots).toHaveLength(countFountainFigures(text).shots);
});

test('without a title page the file name is the title', () => {
  const result = screenplayToSnapshot('INT. ROOM - DAY\n\nA chair.\n', 'my_short-film.fountain');
  expect(result.ok && result.snapshot.meta.title).toBe('my short film');
  expect(titleFromFileName('.fountain')).toBe('Untitled screenplay');
});

test.each([
  ['an empty file', ''],
  ['whitespace', '   \n\n \t\n'],
  ['binary bytes', String.fromCharCode(...Array.from({ length: 512 }, (_, i) => (i * 31) % 256))],
])('%s is refused with a message naming the file', (_, text) => {
  const result = screenplayToSnapshot(text, 'broken.fountain');
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error).toMatch(/“broken\.fountain”/);
});
