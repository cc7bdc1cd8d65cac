import { plainText } from './emphasis';
import { ms, type Milliseconds } from '../model/units';
import type { ScriptDocument, ScriptElement } from './types';

/**
 * Figures about a script, from its elements alone.
 *
 * Page count follows the industry rule of thumb (one page ≈ one minute of screen time) and
 * estimates pages the way a formatted screenplay fills them: Courier 12pt, 10 characters per inch,
 * 6 lines per inch. Each element takes its wrapped lines at its own width plus the blank line
 * before it; a page holds `LINES_PER_PAGE` lines; a page break starts a new page. Sections,
 * synopses and notes are not printed and take no room.
 */
export const ACTION_CHARS_PER_LINE = 61;
export const DIALOGUE_CHARS_PER_LINE = 35;
/** Final Draft's default parenthetical is 2 inches wide. */
export const PARENTHETICAL_CHARS_PER_LINE = 20;
export const LINES_PER_PAGE = 55;
/** Headings get an extra blank line above them in standard layouts. */
export const SCENE_HEADING_BLANK_LINES = 2;
export const MINUTES_PER_PAGE = 1;
const MS_PER_MINUTE = 60_000;

export interface CharacterStats {
  /** As first written (`STEEL`, `McCLANE`); speakers are grouped case-insensitively. */
  readonly name: string;
  /** How many times the character speaks (cues followed by speech). */
  readonly speeches: number;
  /** Printed lines of dialogue (and lyrics), wrapped at `DIALOGUE_CHARS_PER_LINE`. */
  readonly dialogueLines: number;
  readonly words: number;
}

export interface ScriptStats {
  readonly scenes: number;
  /** Characters who speak at least once, in order of first speech. */
  readonly speakingCharacters: readonly CharacterStats[];
  /** Words of printed text: headings, action, names, speech, transitions, centred text. */
  readonly words: number;
  /** Scene locations (heading without INT./EXT. and time of day), in order of first use. */
  readonly locations: readonly string[];
  /** Scenes per time of day (`DAY`, `NIGHT`, … — what follows the last ` - ` of a heading). */
  readonly timesOfDay: Readonly<Record<string, number>>;
  readonly estimatedLines: number;
  readonly estimatedPages: number;
  readonly estimatedScreenTime: Milliseconds;
}

const PRINTED: ReadonlySet<ScriptElement['type']> = new Set([
  'scene_heading',
  'action',
  'character',
  'parenthetical',
  'dialogue',
  'lyrics',
  'transition',
  'centered',
  'shot',
]);

export function scriptStats(doc: ScriptDocument): ScriptStats {
  const speakers = new Map<
    string,
    { name: string; speeches: number; dialogueLines: number; words: number }
  >();
  const locations = new Map<string, string>();
  const timesOfDay: Record<string, number> = {};
  let scenes = 0;
  let words = 0;
  let speaker: string | undefined;
  const pages = new PageCounter();

  for (const element of doc.elements) {
    const plain = element.type === 'page_break' ? '' : plainText(element.text);
    if (PRINTED.has(element.type)) words += countWords(plain);
    pages.add(element, plain);
    switch (element.type) {
      case 'scene_heading': {
        scenes++;
        const { location, time } = splitHeading(plain);
        if (location !== '' && !locations.has(location.toUpperCase()))
          locations.set(location.toUpperCase(), location);
        if (time !== '') timesOfDay[time] = (timesOfDay[time] ?? 0) + 1;
        speaker = undefined;
        break;
      }
      case 'character':
        speaker = plain.trim().replace(/\s+/g, ' ');
        break;
      case 'dialogue':
      case 'lyrics': {
        if (speaker === undefined) break;
        const key = speaker.toUpperCase();
        let stats = speakers.get(key);
        if (!stats) {
          stats = { name: speaker, speeches: 0, dialogueLines: 0, words: 0 };
          speakers.set(key, stats);
        }
        stats.dialogueLines += wrappedLines(plain, DIALOGUE_CHARS_PER_LINE);
        stats.words += countWords(plain);
        break;
      }
      case 'parenthetical':
      case 'note':
        break;
      default:
        speaker = undefined;
    }
  }
  countSpeeches(doc.elements, speakers);

  const estimatedPages = pages.pages();
  return {
    scenes,
    speakingCharacters: [...speakers.values()],
    words,
    locations: [...locations.values()],
    timesOfDay,
    estimatedLines: pages.totalLines,
    estimatedPages,
    estimatedScreenTime: ms(Math.round(estimatedPages * MINUTES_PER_PAGE * MS_PER_MINUTE)),
  };
}

/** A speech is a cue followed by at least one line of dialogue or lyrics. */
function countSpeeches(
  elements: readonly ScriptElement[],
  speakers: Map<string, { speeches: number }>,
): void {
  let cue: string | undefined;
  let counted = false;
  for (const element of elements) {
    if (element.type === 'character') {
      cue = plainText(element.text).trim().replace(/\s+/g, ' ').toUpperCase();
      counted = false;
    } else if ((element.type === 'dialogue' || element.type === 'lyrics') && cue !== undefined) {
      const stats = speakers.get(cue);
      if (stats && !counted) stats.speeches++;
      counted = true;
    } else if (element.type !== 'parenthetical' && element.type !== 'note') {
      cue = undefined;
    }
  }
}

/** `INT. BRICK'S PATIO - DAY` → `BRICK'S PATIO`, `DAY`. */
export function splitHeading(heading: string): { location: string; time: string } {
  const withoutPrefix = heading
    .replace(/^(?:int\.?\/ext|ext\.?\/int|i\/e|int|ext|est)[.\s]\s*/i, '')
    .trim();
  const dash = /\s+[-–—]+\s+(?!.*\s[-–—]+\s)(.*)$/.exec(withoutPrefix);
  if (!dash) return { location: withoutPrefix, time: '' };
  return {
    location: withoutPrefix.slice(0, dash.index).trim(),
    time: (dash[1] ?? '').trim().toUpperCase(),
  };
}

/** Words are whitespace-separated tokens with a letter or digit in them (`--` is not a word). */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) count++;
  return count;
}

/** Lines a text fills at a width, wrapping at spaces (a word longer than a line is cut). */
export function wrappedLines(text: string, width: number): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    let lineCount = 1;
    for (const word of paragraph.split(/\s+/).filter((token) => token !== '')) {
      let length = [...word].length;
      if (used > 0 && used + 1 + length <= width) {
        used += 1 + length;
        continue;
      }
      if (used > 0) lineCount++;
      while (length > width) {
        length -= width;
        lineCount++;
      }
      used = length;
    }
    lines += lineCount;
  }
  return lines;
}

class PageCounter {
  totalLines = 0;
  private fullPages = 0;
  private onPage = 0;

  add(element: ScriptElement, plain: string): void {
    if (element.type === 'page_break') {
      if (this.onPage > 0) {
        this.fullPages++;
        this.onPage = 0;
      }
      return;
    }
    const lines = printedLines(element, plain);
    this.totalLines += lines;
    this.onPage += lines;
    while (this.onPage > LINES_PER_PAGE) {
      this.fullPages++;
      this.onPage -= LINES_PER_PAGE;
    }
  }

  pages(): number {
    return this.fullPages + this.onPage / LINES_PER_PAGE;
  }
}

function printedLines(element: ScriptElement, plain: string): number {
  switch (element.type) {
    case 'scene_heading':
      return SCENE_HEADING_BLANK_LINES + wrappedLines(plain, ACTION_CHARS_PER_LINE);
    case 'action':
    case 'centered':
      return 1 + wrappedLines(plain, ACTION_CHARS_PER_LINE);
    case 'transition':
    case 'shot':
      return 1 + wrappedLines(plain, ACTION_CHARS_PER_LINE);
    case 'character':
      return 1 + 1;
    case 'parenthetical':
      return wrappedLines(plain, PARENTHETICAL_CHARS_PER_LINE);
    case 'dialogue':
    case 'lyrics':
      return wrappedLines(plain, DIALOGUE_CHARS_PER_LINE);
    default:
      return 0;
  }
}
