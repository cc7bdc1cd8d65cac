import type { SourceLine } from './lines';
import type { Diagnostic, PlainElement } from '../types';

/**
 * Boneyard (`/* … *\/`) and notes (`[[ … ]]`) can start and end anywhere, even mid-line and across
 * lines, so they are cut out of the raw text before lines are classified.
 *
 * - Boneyard is deleted: the writer has cut that text. It may cross blank lines. A boneyard that
 *   crosses lines never joins the text before it to the text after it: they stay on two lines,
 *   and when the cut text held a blank line (whole paragraphs were cut) its place is a blank line,
 *   so `CUT TO:` above it and a heading below it stay a transition and a heading.
 * - Notes are lifted out as `note` elements (so they never end up inside dialogue or action) and
 *   removed from the text. A note may span lines. Fountain 1.1 says it may not span a blank line
 *   (a line of two spaces keeps an empty line inside a note), but Final Draft's own Fountain
 *   export writes notes with blank lines in them: such a note is still one note, with a warning,
 *   when it closes before any other `[[` opens and within `MAX_NOTE_CHARS`; otherwise it is
 *   kept as text, with a warning.
 * - An opener that never closes is kept as ordinary text with a warning, rather than swallowing
 *   the rest of the script.
 *
 * A line that only held removed text disappears instead of becoming a blank line, so removing a
 * note between a character name and its dialogue does not break the dialogue block. Text around a
 * note that crossed lines joins into one line, numbered after the line it started on.
 *
 * Each `indexOf` below starts after the previous match and no span is scanned twice, so this is
 * linear in the length of the text.
 */
export interface AnnotatedText {
  readonly lines: SourceLine[];
  readonly notes: PlainElement[];
  readonly diagnostics: Diagnostic[];
}

interface PendingLine {
  text: string;
  line: number;
  /** Something was cut out of it: if nothing else is left, it goes rather than becoming blank. */
  cut: boolean;
  /** It starts where a boneyard that crossed lines ended: the space after `*\/` goes too. */
  afterBoneyard?: true;
}

/** A note that crosses a blank line is read as one only up to this length (see above). */
const MAX_NOTE_CHARS = 10_000;

export function extractAnnotations(text: string): AnnotatedText {
  const lines: SourceLine[] = [];
  const notes: PlainElement[] = [];
  const diagnostics: Diagnostic[] = [];

  let sourceLine = 1;
  let pending: PendingLine = { text: '', line: 1, cut: false };
  let chunkStart = 0;

  const lastBoneyardClose = text.lastIndexOf('*/');
  let boneyardWarned = false;
  // `[[` before this offset cannot close before a blank line (see findBlankLine).
  let notesLiteralUntil = -1;
  let noteClosesLeft = true;
  // The first `]]` after the last `[[` looked at; also the first after any later `[[` before it.
  let knownNoteClose = -1;

  // The blank line a boneyard left: a blank line right after it would only repeat it.
  let boneyardBlank = false;
  const pushLine = (line: PendingLine): void => {
    const content = line.afterBoneyard ? line.text.trimStart() : line.text;
    if ((line.cut || boneyardBlank) && content.trim() === '') {
      if (line.cut || content !== '  ') return;
    }
    boneyardBlank = false;
    lines.push({ text: content, line: line.line });
  };
  const flushChunk = (end: number): void => {
    pending.text += text.slice(chunkStart, end);
  };
  /** Returns how many line breaks were skipped. */
  const skipTo = (from: number, to: number): number => {
    let breaks = 0;
    for (let k = from; k < to; k++) if (text.charCodeAt(k) === NEWLINE) breaks++;
    sourceLine += breaks;
    pending.cut = true;
    chunkStart = to;
    return breaks;
  };

  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === NEWLINE) {
      flushChunk(i);
      pushLine(pending);
      sourceLine++;
      pending = { text: '', line: sourceLine, cut: false };
      chunkStart = i + 1;
      i++;
      continue;
    }
    if (code === SLASH && text.charCodeAt(i + 1) === STAR) {
      if (lastBoneyardClose >= i + 2) {
        const close = text.indexOf('*/', i + 2);
        flushChunk(i);
        const opening = pending;
        if (skipTo(i, close + 2) > 0) {
          pushLine(opening);
          const last = lines.at(-1);
          if (findBlankLine(text, i + 2, close, true) !== -1 && last && last.text.trim() !== '') {
            lines.push({ text: '', line: opening.line });
            boneyardBlank = true;
          }
          pending = { text: '', line: sourceLine, cut: true, afterBoneyard: true };
        }
        i = close + 2;
        continue;
      }
      if (!boneyardWarned) {
        boneyardWarned = true;
        diagnostics.push(
          warning(sourceLine, 'Boneyard "/*" is never closed with "*/"; kept as text.'),
        );
      }
    } else if (code === BRACKET && text.charCodeAt(i + 1) === BRACKET) {
      if (noteClosesLeft && i >= notesLiteralUntil) {
        const close = i < knownNoteClose ? knownNoteClose : text.indexOf(']]', i + 2);
        knownNoteClose = close;
        if (close === -1) {
          noteClosesLeft = false;
          diagnostics.push(
            warning(sourceLine, 'Note "[[" is never closed with "]]"; kept as text.'),
          );
        } else {
          const blank = findBlankLine(text, i + 2, close);
          if (blank === -1 || isOneNote(text, i, close)) {
            const body = text.slice(i + 2, close).trim();
            if (body !== '') notes.push({ type: 'note', text: body, line: sourceLine });
            if (blank !== -1) {
              diagnostics.push(
                warning(
                  sourceLine,
                  'Note "[[" runs across a blank line (as Final Draft writes notes); read as one note.',
                ),
              );
            }
            flushChunk(i);
            skipTo(i, close + 2);
            i = close + 2;
            continue;
          }
          notesLiteralUntil = blank;
          diagnostics.push(
            warning(sourceLine, 'Note "[[" is not closed before a blank line; kept as text.'),
          );
        }
      }
    }
    i++;
  }
  flushChunk(text.length);
  pushLine(pending);
  return { lines, notes, diagnostics };
}

/**
 * A note that crosses a blank line, as Final Draft's Fountain export writes them: it is one note
 * when no other `[[` opens before it closes and it is not overly long (an unclosed `[[` must not
 * swallow pages of script up to some later note's `]]`).
 */
function isOneNote(text: string, open: number, close: number): boolean {
  if (close - open > MAX_NOTE_CHARS) return false;
  const nextOpen = text.indexOf('[[', open + 2);
  return nextOpen === -1 || nextOpen > close;
}

const NEWLINE = 0x0a;
const SLASH = 0x2f;
const STAR = 0x2a;
const BRACKET = 0x5b;

/**
 * Offset of the first blank line between `from` and `to`, or -1. A line of exactly two spaces is
 * not blank here unless asked: it is how a note keeps an empty line.
 */
function findBlankLine(text: string, from: number, to: number, twoSpacesBlank = false): number {
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

function warning(line: number, message: string): Diagnostic {
  return { line, message, severity: 'warning' };
}
