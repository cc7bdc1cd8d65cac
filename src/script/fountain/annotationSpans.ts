/**
 * Where the boneyard (`/* … *\/`) and the notes (`[[ … ]]`) of a Fountain text are, as offsets,
 * by the rules `extractAnnotations` (annotations.ts) cuts them out with: a boneyard closes at the
 * next `*\/` and may cross blank lines; a note closes at the next `]]`, across a blank line (not a
 * line of two spaces) only when no other `[[` opens first and it is at most `MAX_NOTE_CHARS`
 * long; an opener that never closes is ordinary text, and after a note's `[[` fails for a blank
 * line, `[[` before that blank line is text too. Linear.
 */
export interface AnnotationSpan {
  readonly type: 'note' | 'boneyard';
  /** From the first character of the opener to just after the closer. */
  readonly from: number;
  readonly to: number;
}

export function annotationSpans(text: string): AnnotationSpan[] {
  const spans: AnnotationSpan[] = [];
  const lastBoneyardClose = text.lastIndexOf('*/');
  let notesLiteralUntil = -1;
  let noteClosesLeft = true;
  let knownNoteClose = -1;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === SLASH && text.charCodeAt(i + 1) === STAR && lastBoneyardClose >= i + 2) {
      const close = text.indexOf('*/', i + 2);
      spans.push({ type: 'boneyard', from: i, to: close + 2 });
      i = close + 2;
      continue;
    }
    if (
      code === BRACKET &&
      text.charCodeAt(i + 1) === BRACKET &&
      noteClosesLeft &&
      i >= notesLiteralUntil
    ) {
      const close = i < knownNoteClose ? knownNoteClose : text.indexOf(']]', i + 2);
      knownNoteClose = close;
      if (close === -1) {
        noteClosesLeft = false;
      } else {
        const blank = findBlankLine(text, i + 2, close);
        if (blank === -1 || isOneNote(text, i, close)) {
          spans.push({ type: 'note', from: i, to: close + 2 });
          i = close + 2;
          continue;
        }
        notesLiteralUntil = blank;
      }
    }
    i++;
  }
  return spans;
}

/** As annotations.ts: a note across a blank line is one note only up to this length. */
const MAX_NOTE_CHARS = 10_000;

function isOneNote(text: string, open: number, close: number): boolean {
  if (close - open > MAX_NOTE_CHARS) return false;
  const nextOpen = text.indexOf('[[', open + 2);
  return nextOpen === -1 || nextOpen > close;
}

const SLASH = 0x2f;
const STAR = 0x2a;
const BRACKET = 0x5b;

/**
 * Offset of the first blank line between `from` and `to`, or -1. A line of two spaces is not
 * blank unless asked (it keeps an empty line inside a note).
 */
export function findBlankLine(
  text: string,
  from: number,
  to: number,
  twoSpacesBlank = false,
): number {
  let lineStart = text.indexOf('\n', from);
  while (lineStart !== -1 && lineStart < to) {
    const lineEnd = text.indexOf('\n', lineStart + 1);
    if (lineEnd === -1 || lineEnd > to) return -1;
    const content = text.slice(lineStart + 1, lineEnd);
    if (content.trim() === '' && (twoSpacesBlank || content !== '  ')) return lineStart + 1;
    lineStart = lineEnd;
  }
  return -1;
}
