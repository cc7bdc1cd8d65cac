import type { DialogueLine } from '../model/shot';

/**
 * The script following the boards (issue 17): a shot's action or a line of its dialogue edited
 * in the inspector, carried into the span of script text its beat came from. Pure; the span
 * comes from the shot's anchor (store/projectDoc/scriptText.ts).
 *
 * The old words are looked for in the span and replaced by the new ones, so everything else in
 * the beat (a parenthetical, an extension, a note, how the writer wrapped a paragraph) stays as
 * written. A paragraph wrapped differently from the shot's text is found by its first and last
 * lines. Null when the old words are not in the span (the script and the board already differ);
 * then the script is left as it is.
 */

export interface TextReplacement {
  readonly from: number;
  readonly to: number;
  readonly insert: string;
}

export interface BeatText {
  readonly action: string;
  readonly dialogue: readonly DialogueLine[];
}

export function rewriteBeat(
  text: string,
  span: { readonly from: number; readonly to: number },
  before: BeatText,
  after: Partial<BeatText>,
): TextReplacement[] | null {
  const changes: TextReplacement[] = [];
  let cursor = span.from;
  if (after.action !== undefined && after.action !== before.action) {
    const found = findWords(text, before.action, cursor, span.to);
    if (!found) return null;
    changes.push({ ...found, insert: after.action });
    cursor = found.to;
  }
  if (after.dialogue !== undefined) {
    const old = before.dialogue;
    const next = after.dialogue;
    // Lines added, removed or given to someone else change the beat's shape: the boards are
    // told by the script there, and the inspector's line editor never does it on its own.
    if (old.length !== next.length || old.some((d, i) => d.speaker !== next[i]?.speaker)) {
      return null;
    }
    for (let i = 0; i < old.length; i++) {
      const was = old[i] as DialogueLine;
      const now = next[i] as DialogueLine;
      const found = findWords(text, was.line, cursor, span.to);
      if (!found) return null;
      if (was.line !== now.line) changes.push({ ...found, insert: now.line });
      cursor = found.to;
    }
  }
  return changes.sort((a, b) => a.from - b.from);
}

/** Where `words` are in text[from, to): verbatim, else from their first line to their last. */
function findWords(
  text: string,
  words: string,
  from: number,
  to: number,
): { from: number; to: number } | null {
  if (words === '') return null;
  const verbatim = text.indexOf(words, from);
  if (verbatim >= 0 && verbatim + words.length <= to) {
    return { from: verbatim, to: verbatim + words.length };
  }
  const lines = words
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const first = lines[0];
  const last = lines.at(-1);
  if (first === undefined || last === undefined) return null;
  const start = text.indexOf(first, from);
  if (start < 0 || start >= to) return null;
  const end = text.indexOf(last, start);
  if (end < 0 || end + last.length > to) return null;
  return { from: start, to: end + last.length };
}
