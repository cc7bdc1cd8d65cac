import { timelineShots, type ProjectSnapshot } from './project';
import type { Shot } from './shot';

/**
 * Dialogue as timed captions: what SRT/WebVTT export and the render's burn-in show.
 *
 * Timing: a shot's dialogue lines share the shot's screen time in proportion to their word count
 * (a board has no recorded timing, and reading time grows with words). A line too long for one
 * caption is split into several, each timed by its own words. Cues of one shot follow each other
 * without gaps and the last ends on the cut.
 */
export interface CaptionCue {
  readonly startMs: number;
  readonly endMs: number;
  /** The character as the script prints them; empty for a line without one. */
  readonly speaker: string;
  /** One or two display lines joined by `\n`; the first cue of a line starts `SPEAKER: `. */
  readonly text: string;
  readonly shotId: string;
}

/** Broadcast and streaming guidelines: at most 42 characters a line, two lines a caption. */
export const MAX_CAPTION_LINE_CHARS = 42;
export const MAX_CAPTION_LINES = 2;

const WORD = /\S+/g;

function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Greedy word wrap; a single word longer than the limit gets a line of its own. */
export function wrapCaptionText(text: string, maxChars = MAX_CAPTION_LINE_CHARS): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of words(text)) {
    if (current === '') current = word;
    else if (current.length + 1 + word.length <= maxChars) current += ` ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

/** Display lines grouped into captions of at most MAX_CAPTION_LINES lines each. */
export function splitCaption(text: string): string[] {
  const lines = wrapCaptionText(text);
  const captions: string[] = [];
  for (let i = 0; i < lines.length; i += MAX_CAPTION_LINES) {
    captions.push(lines.slice(i, i + MAX_CAPTION_LINES).join('\n'));
  }
  return captions;
}

interface Piece {
  readonly speaker: string;
  readonly text: string;
  /** Spoken words, at least one so that `...` still gets on screen. */
  readonly weight: number;
}

function piecesOf(shot: Pick<Shot, 'dialogue'>): Piece[] {
  const pieces: Piece[] = [];
  for (const line of shot.dialogue) {
    const spoken = line.line.trim();
    if (spoken === '') continue;
    const speaker = line.speaker.trim();
    const labelled = speaker === '' ? spoken : `${speaker}: ${spoken}`;
    splitCaption(labelled).forEach((text, i) => {
      // The `SPEAKER:` label is not read aloud: time each caption by the words spoken in it.
      const labelWords = i === 0 ? words(speaker).length : 0;
      pieces.push({ speaker, text, weight: Math.max(1, words(text).length - labelWords) });
    });
  }
  return pieces;
}

/** Cues for one shot on screen from `startMs` for `durationMs`. */
export function captionsForShot(
  shot: Pick<Shot, 'id' | 'dialogue'>,
  startMs: number,
  durationMs: number,
): CaptionCue[] {
  const pieces = piecesOf(shot);
  const total = pieces.reduce((sum, piece) => sum + piece.weight, 0);
  const cues: CaptionCue[] = [];
  let cumulative = 0;
  for (const piece of pieces) {
    // Rounding the running total (not each length) keeps the last cue ending on the cut.
    const from = startMs + Math.round((cumulative * durationMs) / total);
    cumulative += piece.weight;
    const to = startMs + Math.round((cumulative * durationMs) / total);
    if (to > from) {
      cues.push({
        startMs: from,
        endMs: to,
        speaker: piece.speaker,
        text: piece.text,
        shotId: shot.id,
      });
    }
  }
  return cues;
}

/** Every caption of the animatic in time order (OMITTED shots are not on the timeline). */
export function captionsFor(snapshot: Pick<ProjectSnapshot, 'shots'>): CaptionCue[] {
  const cues: CaptionCue[] = [];
  let startMs = 0;
  for (const shot of timelineShots(snapshot)) {
    cues.push(...captionsForShot(shot, startMs, shot.durationMs));
    startMs += shot.durationMs;
  }
  return cues;
}

/** The caption on screen at `tMs`, if any (cue intervals are [start, end)). */
export function captionAt(cues: readonly CaptionCue[], tMs: number): CaptionCue | null {
  // Cues are sorted and disjoint: binary search for the last one starting at or before t.
  let lo = 0;
  let hi = cues.length - 1;
  let found: CaptionCue | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const cue = cues[mid];
    if (cue === undefined) break;
    if (cue.startMs <= tMs) {
      found = cue;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found !== null && tMs < found.endMs ? found : null;
}
