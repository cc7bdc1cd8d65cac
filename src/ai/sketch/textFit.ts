/** Measures a string's width in pixels in the current font. */
export type Measure = (text: string) => number;

export const ELLIPSIS = '…';

// Older engines (Firefox before 125) have no Segmenter; code points are the next best cut.
const segmenter =
  typeof Intl.Segmenter === 'function'
    ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    : null;

/** User-perceived characters, so an ellipsis never splits an accent or an emoji from its base. */
export function graphemes(text: string): string[] {
  return segmenter ? Array.from(segmenter.segment(text), (s) => s.segment) : Array.from(text);
}

/** The longest start of `text` that, with an ellipsis, fits `maxWidth`; '' when not even "…" fits. */
export function truncate(text: string, maxWidth: number, measure: Measure): string {
  if (measure(text) <= maxWidth) return text;
  if (measure(ELLIPSIS) > maxWidth) return '';
  const parts = graphemes(text);
  // Binary search on the number of graphemes kept: width grows with the prefix.
  let low = 0;
  let high = parts.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const candidate = parts.slice(0, mid).join('').trimEnd() + ELLIPSIS;
    if (measure(candidate) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return parts.slice(0, low).join('').trimEnd() + ELLIPSIS;
}

/**
 * Greedy word wrap into at most `maxLines` lines no wider than `maxWidth`; the last line is cut
 * with an ellipsis when text remains. Words longer than a line (or scripts without spaces) break
 * between graphemes.
 */
export function wrap(text: string, maxWidth: number, maxLines: number, measure: Measure): string[] {
  const clean = text.trim().replace(/\s+/g, ' ');
  if (clean.length === 0 || maxLines < 1) return [];
  const lines: string[] = [];
  let rest = clean;
  while (rest.length > 0 && lines.length < maxLines - 1) {
    const line = fitLine(rest, maxWidth, measure);
    if (line.length === 0) break;
    lines.push(line.trimEnd());
    rest = rest.slice(line.length).trimStart();
  }
  if (rest.length > 0) lines.push(truncate(rest, maxWidth, measure));
  return lines.filter((line) => line.length > 0);
}

/** The longest start of `text` that fits, ending at a space when there is one to end at. */
function fitLine(text: string, maxWidth: number, measure: Measure): string {
  if (measure(text) <= maxWidth) return text;
  let fitted = '';
  for (const word of text.split(/(?<= )/)) {
    if (measure(fitted + word.trimEnd()) > maxWidth) break;
    fitted += word;
  }
  if (fitted.length > 0) return fitted;
  let chars = '';
  for (const g of graphemes(text)) {
    if (chars.length > 0 && measure(chars + g) > maxWidth) break;
    chars += g;
  }
  return chars;
}
