/**
 * Text wrapped to a width and clipped to a number of lines, with an ellipsis where it was cut.
 * Pure: the width of a string comes from `measure` (the embedded fonts' metrics in the writer, a
 * canvas in the preview, a fixed advance in tests), so the same lines come out everywhere.
 */
export type Measure = (text: string, sizePt: number) => number;

export const ELLIPSIS = '…';

/**
 * Han, kana, Hangul and full-width forms: a line may break between any two of them (no spaces
 * separate words in Chinese and Japanese).
 */
const BREAK_ANYWHERE =
  /[\u1100-\u11FF\u2E80-\u2FDF\u3000-\u30FF\u3130-\u318F\u31F0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]|[\u{20000}-\u{3FFFF}]/u;

/** Break opportunities: a word with the spaces after it, or one character that breaks anywhere. */
function tokensOf(paragraph: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const ch of paragraph) {
    if (BREAK_ANYWHERE.test(ch)) {
      if (word) out.push(word);
      out.push(ch);
      word = '';
    } else if (ch === ' ' || ch === '\t') {
      word += ' ';
      if (!/\S/.test(word)) continue;
      out.push(word);
      word = '';
    } else {
      // A space ends the token it follows; a new word starts after it.
      word += ch;
    }
  }
  if (word) out.push(word);
  return out;
}

/** Splits a word wider than the line into pieces that fit, by code point. */
function breakWord(word: string, width: number, size: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece && measure(piece + ch, size) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += ch;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** Every line of `text` at `width`: hard breaks kept, words never split unless wider than a line. */
export function wrapText(text: string, width: number, size: number, measure: Measure): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = '';
    for (const token of tokensOf(paragraph)) {
      const candidate = line + token;
      if (measure(candidate.trimEnd(), size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line.trimEnd());
      if (measure(token.trimEnd(), size) <= width) {
        line = token;
        continue;
      }
      const pieces = breakWord(token.trimEnd(), width, size, measure);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1) ?? '';
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/** The longest start of `line` that fits with an ellipsis after it. */
export function ellipsize(line: string, width: number, size: number, measure: Measure): string {
  const chars = Array.from(line.trimEnd());
  while (chars.length > 0 && measure(chars.join('') + ELLIPSIS, size) > width) chars.pop();
  const kept = chars.join('').trimEnd();
  return measure(kept + ELLIPSIS, size) <= width ? kept + ELLIPSIS : '';
}

/** One line, cut with an ellipsis if it is too wide. */
export function fitLine(text: string, width: number, size: number, measure: Measure): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return measure(flat, size) <= width ? flat : ellipsize(flat, width, size, measure);
}

export interface FittedText {
  readonly lines: readonly string[];
  /** Something did not fit: the last line ends in an ellipsis. */
  readonly clipped: boolean;
}

/**
 * Wraps `text` and keeps at most `maxLines` lines; when some were left out, the last kept line
 * ends in an ellipsis (shortened until it fits).
 */
export function fitText(
  text: string,
  width: number,
  size: number,
  maxLines: number,
  measure: Measure,
): FittedText {
  if (maxLines <= 0 || width <= 0) return { lines: [], clipped: text.trim().length > 0 };
  const lines = wrapText(text, width, size, measure);
  if (lines.length <= maxLines) return { lines, clipped: false };
  const kept = lines.slice(0, maxLines - 1);
  // The ellipsis always shows on the last kept line, even when that line had room to spare.
  kept.push(ellipsize(lines[maxLines - 1] ?? '', width, size, measure) || ELLIPSIS);
  return { lines: kept, clipped: true };
}
