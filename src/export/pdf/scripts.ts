/**
 * Which embedded font draws which characters. Noto Sans covers Latin, Latin Extended, Greek and
 * Cyrillic; Noto Sans JP covers kana and Han (and is 5 MB, so it is fetched only when some text
 * has them); Noto Sans KR covers Hangul, which JP lacks.
 */
export type FontKey = 'latin' | 'jp' | 'kr';
/** A font file by what it draws; `latin-bold` for shot numbers and the title. */
export type FontFile = FontKey | 'latin-bold';

const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uA960-\uA97F\uAC00-\uD7AF\uD7B0-\uD7FF]/u;
/** Han (with extensions and compatibility forms), kana, CJK punctuation, full-width forms. */
const JAPANESE_OR_HAN =
  /[\u2E80-\u2FDF\u3000-\u303F\u3040-\u30FF\u31F0-\u31FF\u3200-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]|[\u{20000}-\u{3FFFF}]/u;

export function fontKeyOf(char: string): FontKey {
  if (HANGUL.test(char)) return 'kr';
  if (JAPANESE_OR_HAN.test(char)) return 'jp';
  return 'latin';
}

export interface TextRun {
  readonly font: FontKey;
  readonly text: string;
}

/**
 * Cuts text into runs of one font. Spaces and common punctuation stay in the run they are in, so
 * a CJK line is one run and not a run per word.
 */
export function textRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let font: FontKey | null = null;
  let current = '';
  for (const ch of text) {
    const key: FontKey = /[\s.,:;!?'"()-]/.test(ch) && font !== null ? font : fontKeyOf(ch);
    if (key !== font && current) {
      runs.push({ font: font ?? 'latin', text: current });
      current = '';
    }
    font = key;
    current += ch;
  }
  if (current) runs.push({ font: font ?? 'latin', text: current });
  return runs;
}

/** The fonts some text needs: Latin always (numbers, labels), JP and KR only when present. */
export function fontsNeeded(texts: Iterable<string>): Set<FontKey> {
  const needed = new Set<FontKey>(['latin']);
  for (const text of texts) {
    for (const ch of text) {
      const key = fontKeyOf(ch);
      if (key !== 'latin') needed.add(key);
    }
    if (needed.size === 3) break;
  }
  return needed;
}
