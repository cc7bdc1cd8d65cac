import { describe, expect, test } from 'vitest';
import { readScreenplay } from '../../tests/helpers/fixtures';
import { parseScript, scriptStats } from './index';
import {
  ACTION_CHARS_PER_LINE,
  DIALOGUE_CHARS_PER_LINE,
  LINES_PER_PAGE,
  countWords,
  splitHeading,
  wrappedLines,
} from './stats';

describe('scriptStats', () => {
  const brick = scriptStats(parseScript(readScreenplay('brick_and_steel.fountain')));

  test('Brick & Steel: 8 scenes, 7 speaking characters (the published figures)', () => {
    expect(brick.scenes).toBe(8);
    expect(brick.speakingCharacters.map((character) => character.name)).toEqual([
      'STEEL',
      'BRICK',
      'JACK',
      'DAN',
      'COGNITO',
      'MINION',
      'HANDSOME MAN',
    ]);
  });

  test('words are the words a reader reads in the script body', () => {
    // betterfountain's 483 counts every whitespace-separated token of the file, title page,
    // markup and `--` included; the printed script body has 432 words.
    expect(brick.words).toBe(432);
    expect(
      readScreenplay('brick_and_steel.fountain')
        .split(/\s+/)
        .filter((token) => token !== ''),
    ).toHaveLength(483);
  });

  test('speeches, dialogue lines and words per character', () => {
    expect(brick.speakingCharacters[0]).toEqual({
      name: 'STEEL',
      speeches: 9,
      dialogueLines: 11,
      words: 40,
    });
    expect(brick.speakingCharacters.find((character) => character.name === 'COGNITO')).toEqual({
      name: 'COGNITO',
      speeches: 3,
      dialogueLines: 5,
      words: 27,
    });
  });

  test('locations and times of day come from the headings', () => {
    expect(brick.locations).toEqual([
      "BRICK'S PATIO",
      'TRAILER HOME',
      "BRICK'S POOL",
      'SNIPER SCOPE POV',
      'OPENING TITLES',
      'WOODEN SHACK',
      'GARAGE',
      'PALATIAL MANSION',
    ]);
    expect(brick.timesOfDay).toEqual({ DAY: 6 });
    expect(splitHeading('INT./EXT. CAR - MOVING - NIGHT')).toEqual({
      location: 'CAR - MOVING',
      time: 'NIGHT',
    });
    expect(splitHeading('EXT. ULICA – NOĆ')).toEqual({ location: 'ULICA', time: 'NOĆ' });
  });

  test('pages from line counts at standard widths; a page is a minute', () => {
    expect(brick.estimatedLines).toBe(177);
    expect(brick.estimatedPages).toBeCloseTo(177 / LINES_PER_PAGE, 5);
    expect(brick.estimatedScreenTime).toBe(Math.round((177 / LINES_PER_PAGE) * 60_000));
  });

  test('a page break starts a new page; unprinted elements take no room', () => {
    const stats = scriptStats(
      parseScript(
        'INT. A - DAY\n\nShort.\n\n===\n\nINT. B - DAY\n\n# Act\n\n= synopsis\n\n[[note]]',
      ),
    );
    expect(stats.estimatedPages).toBeCloseTo(1 + 3 / LINES_PER_PAGE, 5);
  });

  test('wrapping and word counting', () => {
    expect(wrappedLines('a'.repeat(ACTION_CHARS_PER_LINE), ACTION_CHARS_PER_LINE)).toBe(1);
    expect(wrappedLines(`${'word '.repeat(7)}word`, DIALOGUE_CHARS_PER_LINE)).toBe(2);
    expect(wrappedLines('x'.repeat(DIALOGUE_CHARS_PER_LINE * 2 + 1), DIALOGUE_CHARS_PER_LINE)).toBe(
      3,
    );
    expect(wrappedLines('one\n\nthree', DIALOGUE_CHARS_PER_LINE)).toBe(3);
    expect(countWords('He runs -- fast! 1984 ...')).toBe(4);
  });

  test('the same script counts the same from FDX', () => {
    const fromFountain = scriptStats(parseScript(readScreenplay('wildwinter_TestFDX-FD.fountain')));
    const fromFdx = scriptStats(
      parseScript(readScreenplay('wildwinter_TestFDX-FD.finaldraft.fdx')),
    );
    expect(fromFdx).toEqual(fromFountain);
  });

  test('an empty document has zeros', () => {
    expect(scriptStats({ titlePage: {}, elements: [], diagnostics: [] })).toMatchObject({
      scenes: 0,
      words: 0,
      estimatedPages: 0,
      speakingCharacters: [],
    });
  });
});
