import { describe, expect, test } from 'vitest';
import { letterIndex, letterSuffix, numberForNewShot, renumberScene } from './numbering';

describe('shot numbering', () => {
  test('a scene numbered from scratch reads 3, 3A, 3B …', () => {
    expect(renumberScene('3', 4)).toEqual(['3', '3A', '3B', '3C']);
  });

  test('letters run past Z into AA like spreadsheet columns', () => {
    expect(letterSuffix(26)).toBe('Z');
    expect(letterSuffix(27)).toBe('AA');
    expect(letterIndex('AA')).toBe(27);
    for (let i = 1; i < 1000; i++) expect(letterIndex(letterSuffix(i))).toBe(i);
  });

  test('the first shot of an empty scene takes the scene number', () => {
    expect(numberForNewShot('12A', [], 0)).toBe('12A');
  });

  test('appending continues the letter run', () => {
    expect(numberForNewShot('3', ['3', '3A'], 2)).toBe('3B');
    expect(numberForNewShot('3', ['3', '3A', '3A.1', '3B'], 4)).toBe('3C');
  });

  test('inserting between shots keeps every existing number', () => {
    expect(numberForNewShot('3', ['3', '3A', '3B'], 2)).toBe('3A.1');
    expect(numberForNewShot('3', ['3', '3A', '3A.1', '3B'], 2)).toBe('3A.2');
    expect(numberForNewShot('3', ['3', '3A'], 0)).toBe('3.0');
    expect(numberForNewShot('3', ['3.0', '3', '3A'], 0)).toBe('3.0.1');
  });

  test('a new number never repeats one in use', () => {
    const numbers = ['5'];
    for (let i = 0; i < 200; i++) {
      const at = (i * 7919) % (numbers.length + 1);
      const next = numberForNewShot('5', numbers, at);
      expect(numbers).not.toContain(next);
      numbers.splice(at, 0, next);
    }
  });
});
