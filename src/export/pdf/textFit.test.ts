import { describe, expect, test } from 'vitest';
import { fixedMeasure } from './testMeasure';
import { ELLIPSIS, fitLine, fitText, wrapText } from './textFit';

// At 10 pt a Latin character is 5 pt wide: a 50 pt line holds 10 characters.
const SIZE = 10;

describe('wrapping text to a width', () => {
  test('breaks between words and never inside one that fits', () => {
    expect(wrapText('the quick brown fox jumps', 50, SIZE, fixedMeasure)).toEqual([
      'the quick',
      'brown fox',
      'jumps',
    ]);
  });

  test('keeps hard line breaks', () => {
    expect(wrapText('one\ntwo', 50, SIZE, fixedMeasure)).toEqual(['one', 'two']);
  });

  test('splits a word wider than the line', () => {
    expect(wrapText('abcdefghijklmnop', 50, SIZE, fixedMeasure)).toEqual(['abcdefghij', 'klmnop']);
  });

  test('breaks CJK text between any two characters', () => {
    // Five CJK characters of 10 pt each fill a 50 pt line.
    expect(wrapText('日本語のテキストです', 50, SIZE, fixedMeasure)).toEqual([
      '日本語のテ',
      'キストです',
    ]);
  });

  test('every line fits its width', () => {
    const text =
      'Ελληνικά κείμενα και Кириллица текст, 日本語 mixed with long words like extraordinarily';
    for (const line of wrapText(text, 60, SIZE, fixedMeasure))
      expect(fixedMeasure(line, SIZE)).toBeLessThanOrEqual(60);
  });
});

describe('clipping text to its box', () => {
  test('text that fits is left alone', () => {
    expect(fitText('short', 50, SIZE, 2, fixedMeasure)).toEqual({
      lines: ['short'],
      clipped: false,
    });
  });

  test('text that does not fit ends in an ellipsis on the last line', () => {
    const fitted = fitText(
      'the quick brown fox jumps over the lazy dog',
      50,
      SIZE,
      2,
      fixedMeasure,
    );
    expect(fitted.clipped).toBe(true);
    expect(fitted.lines).toHaveLength(2);
    expect(fitted.lines[0]).toBe('the quick');
    expect(fitted.lines[1]?.endsWith(ELLIPSIS)).toBe(true);
    expect(fixedMeasure(fitted.lines[1] ?? '', SIZE)).toBeLessThanOrEqual(50);
  });

  test('the ellipsis shows even when the last kept line was short', () => {
    const fitted = fitText('one\ntwo\nthree', 50, SIZE, 2, fixedMeasure);
    expect(fitted.lines).toEqual(['one', `two${ELLIPSIS}`]);
  });

  test('no room, no lines', () => {
    expect(fitText('text', 50, SIZE, 0, fixedMeasure)).toEqual({ lines: [], clipped: true });
  });

  test('a single line is shortened with an ellipsis', () => {
    expect(fitLine('INT. KITCHEN - NIGHT', 50, SIZE, fixedMeasure)).toBe(`INT. KITC${ELLIPSIS}`);
    expect(fitLine('INT.   KITCHEN', 100, SIZE, fixedMeasure)).toBe('INT. KITCHEN');
  });
});
