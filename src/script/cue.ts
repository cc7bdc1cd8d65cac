/**
 * A character cue split into name and extension: `MOM (V.O.) (CONT'D)` → `MOM`, `V.O. CONT'D`.
 * Shared by the Fountain reader (which first decides that a line is a cue at all) and the FDX and
 * PDF readers (whose paragraphs are cues by type or position).
 */
export interface SplitCue {
  readonly name: string;
  /** '' when there is none. */
  readonly extension: string;
}

export function splitCue(text: string): SplitCue {
  const open = text.indexOf('(');
  if (open === -1) return { name: text.trim(), extension: '' };
  // A dual-dialogue caret before the extension (`STEEL ^ (V.O.)`) is never part of the name.
  const name = text
    .slice(0, open)
    .trim()
    .replace(/\s*\^$/u, '');
  return { name, extension: extensionOf(text.slice(open)) };
}

/** `(V.O.) (CONT'D)` → `V.O. CONT'D`: the bracketed parts, brackets removed. */
export function extensionOf(text: string): string {
  const parts: string[] = [];
  let from = 0;
  for (;;) {
    const open = text.indexOf('(', from);
    if (open === -1) break;
    const close = text.indexOf(')', open + 1);
    if (close === -1) break;
    const inner = text.slice(open + 1, close);
    // `((x)` counts from the innermost bracket, as a regular expression over `(…)` would.
    const innermost = inner.slice(inner.lastIndexOf('(') + 1).trim();
    if (innermost !== '') parts.push(innermost);
    from = close + 1;
  }
  const joined = parts.join(' ');
  return joined !== '' ? joined : text.replace(/[()]/g, '').trim();
}

/** Longer than any name: `WHO IS THERE?` is a line of action, `BOB JR.` is still a name. */
const SENTENCE_MIN_WORDS = 3;
const SENTENCE_MIN_CHARS = 21;
const SENTENCE_ENDS = '.!?';

/**
 * An all-caps line that ends like a sentence (`.`, `!` or `?`) and runs longer than a name
 * (`THE DOOR EXPLODES INWARD!`) is shouted action, not a character about to speak.
 */
export function readsAsSentence(name: string): boolean {
  const trimmed = name.trim();
  if (!SENTENCE_ENDS.includes(trimmed.charAt(trimmed.length - 1) || ' ')) return false;
  return trimmed.length >= SENTENCE_MIN_CHARS || trimmed.split(/\s+/u).length >= SENTENCE_MIN_WORDS;
}
