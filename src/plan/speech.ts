import type { DialogueLine } from '../model/shot';
import { ms, type Milliseconds } from '../model/units';
import { estimateDialogueMs } from './durations';

/** One character's turn: the name above the dialogue and everything under it. */
export interface Speech {
  readonly speaker: string;
  readonly lines: DialogueLine[];
  /** A parenthetical waiting for the line it qualifies. */
  parenthetical: string | null;
  readonly notes: string[];
  /** Set when the speech is closed. */
  durationMs: Milliseconds;
}

export function startSpeech(speaker: string): Speech {
  return { speaker, lines: [], parenthetical: null, notes: [], durationMs: ms(0) };
}

export function addParenthetical(speech: Speech, text: string): void {
  // Two parentheticals in a row: the first qualifies no line, so it keeps an empty one.
  if (speech.parenthetical !== null) speech.lines.push(lineOf(speech, ''));
  speech.parenthetical = stripBrackets(text);
}

export function addSpokenLine(speech: Speech, text: string): void {
  speech.lines.push(lineOf(speech, text));
  speech.parenthetical = null;
}

export function closeSpeech(speech: Speech): void {
  if (speech.parenthetical !== null) speech.lines.push(lineOf(speech, ''));
  speech.parenthetical = null;
  speech.durationMs = estimateDialogueMs(speech.lines.map((line) => line.line).join(' '));
}

function lineOf(speech: Speech, line: string): DialogueLine {
  return { speaker: speech.speaker, line, parenthetical: speech.parenthetical ?? '' };
}

/** `(beat)` → `beat`: the model stores parentheticals without their brackets. */
function stripBrackets(text: string): string {
  const trimmed = text.trim();
  const inner = trimmed.startsWith('(') && trimmed.endsWith(')') ? trimmed.slice(1, -1) : trimmed;
  return inner.trim();
}
