import type { SourceLine } from './lines';
import type { Diagnostic, PlainElement } from '../types';

/**
 * Boneyard (`/* … *\/`) and notes (`[[ … ]]`) can start and end anywhere, even mid-line and across
 * lines, so they are cut out of the raw text before lines are classified.
 *
 * - Boneyard is deleted: the writer has cut that text. It may cross blank lines.
 * - Notes are lifted out as `note` elements (so they never end up inside dialogue or action) and
 *   removed from the text. A note may span lines but not a blank line (Fountain 1.1: use a line
 *   of two spaces to keep an empty line inside a note).
 * - An opener that never closes is kept as ordinary text with a warning, rather than swallowing
 *   the rest of the script.
 *
 * A line that only held removed text disappears instead of becoming a blank line, so removing a
 * note between a character name and its dialogue does not break the dialogue block. Text around a
 * removal that crossed lines joins into one line, numbered after the line it started on.
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
}

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

  const flushChunk = (end: number): void => {
    pending.text += text.slice(chunkStart, end);
  };
  const skipTo = (from: number, to: number): void => {
    for (let k = from; k < to; k++) if (text.charCodeAt(k) === NEWLINE) sourceLine++;
    pending.cut = true;
    chunkStart = to;
  };

  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === NEWLINE) {
      flushChunk(i);
      pushLine(lines, pending);
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
        skipTo(i, close + 2);
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
          if (blank === -1) {
            const body = text.slice(i + 2, close).trim();
            if (body !== '') notes.push({ type: 'note', text: body, line: sourceLine });
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
  pushLine(lines, pending);
  return { lines, notes, diagnostics };
}

const NEWLINE = 0x0a;
const SLASH = 0x2f;
const STAR = 0x2a;
const BRACKET = 0x5b;

function pushLine(lines: SourceLine[], pending: PendingLine): void {
  if (pending.cut && pending.text.trim() === '') return;
  lines.push({ text: pending.text, line: pending.line });
}

/**
 * Offset of the first blank line between `from` and `to`, or -1. A line of exactly two spaces is
 * not blank here: it is how a note keeps an empty line.
 */
function findBlankLine(text: string, from: number, to: number): number {
  let lineStart = text.indexOf('\n', from);
  while (lineStart !== -1 && lineStart < to) {
    const lineEnd = text.indexOf('\n', lineStart + 1);
    if (lineEnd === -1 || lineEnd > to) return -1;
    const content = text.slice(lineStart + 1, lineEnd);
    if (content.trim() === '' && content !== '  ') return lineStart + 1;
    lineStart = lineEnd;
  }
  return -1;
}

function warning(line: number, message: string): Diagnostic {
  return { line, message, severity: 'warning' };
}
