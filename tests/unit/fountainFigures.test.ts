import { expect, test } from 'vitest';
import { countFountainFigures } from '../helpers/fountainFigures';
import { readScreenplay } from '../helpers/fixtures';

// The independent counter the end-to-end tests trust must itself agree with published figures.
test('the independent counter finds the 8 scenes of Brick & Steel (published figure)', () => {
  expect(countFountainFigures(readScreenplay('brick_and_steel.fountain'))).toEqual({
    scenes: 8,
    shots: 36,
  });
});

test('the independent counter reads the birthday card', () => {
  const figures = countFountainFigures(readScreenplay('the_last_birthday_card.fountain'));
  // 25 INT/EXT headings + 23 forced `.` headings; 48 establishing + 78 action + 1 card + 58 talk.
  expect(figures).toEqual({ scenes: 48, shots: 185 });
});
