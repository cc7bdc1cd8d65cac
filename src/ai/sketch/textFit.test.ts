import { describe, expect, test } from 'vitest';
import { graphemes, truncate, wrap } from './textFit';

/** One pixel per grapheme. */
const measure = (text: string): number => graphemes(text).length;

describe('truncate', () => {
  test('keeps text that fits', () => {
    expect(truncate('MAYA', 4, measure)).toBe('MAYA');
  });

  test('cuts with an ellipsis and drops trailing spaces before it', () => {
    expect(truncate('hello world', 7, measure)).toBe('hello…');
  });

  test('never splits an accent or an emoji from its base', () => {
    expect(truncate('Zoe\u0308 and more', 4, measure)).toBe('Zoe\u0308…');
    expect(truncate('👩‍👩‍👧 family', 2, measure)).toBe('👩‍👩‍👧…');
  });

  test('gives nothing when not even the ellipsis fits', () => {
    expect(truncate('anything', 0.5, measure)).toBe('');
  });
});

describe('wrap', () => {
  test('breaks between words', () => {
    expect(wrap('one two three four', 9, 3, measure)).toEqual(['one two', 'three', 'four']);
  });

  test('breaks text without spaces between characters', () => {
    expect(wrap('「はいそうですね」', 4, 3, measure)).toEqual(['「はいそ', 'うですね', '」']);
  });

  test('ends the last allowed line with an ellipsis', () => {
    expect(wrap('one two three four five', 9, 2, measure)).toEqual(['one two', 'three fo…']);
  });

  test('collapses whitespace and gives no lines for empty text', () => {
    expect(wrap('  a \n\n b  ', 10, 2, measure)).toEqual(['a b']);
    expect(wrap('   ', 10, 2, measure)).toEqual([]);
  });
});
