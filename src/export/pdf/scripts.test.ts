import { describe, expect, test } from 'vitest';
import { fontKeyOf, fontsNeeded, textRuns } from './scripts';

describe('choosing fonts by script', () => {
  test('Latin, Latin Extended, Greek and Cyrillic need only Noto Sans', () => {
    expect([...fontsNeeded(['Café Łódź', 'Ελληνικά', 'Кириллица'])]).toEqual(['latin']);
  });

  test('kana and Han load the Japanese font, Hangul the Korean one', () => {
    expect(fontKeyOf('あ')).toBe('jp');
    expect(fontKeyOf('カ')).toBe('jp');
    expect(fontKeyOf('漢')).toBe('jp');
    expect(fontKeyOf('한')).toBe('kr');
    expect([...fontsNeeded(['Hello', '中文'])].sort()).toEqual(['jp', 'latin']);
    expect([...fontsNeeded(['한국어'])].sort()).toEqual(['kr', 'latin']);
  });

  test('a mixed line is cut into runs of one font, spaces staying in their run', () => {
    expect(textRuns('KENJI: こんにちは 世界! ok')).toEqual([
      { font: 'latin', text: 'KENJI: ' },
      { font: 'jp', text: 'こんにちは 世界! ' },
      { font: 'latin', text: 'ok' },
    ]);
  });
});
