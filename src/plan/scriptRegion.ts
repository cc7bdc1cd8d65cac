import type { ScriptDocument } from '../script/types';

/**
 * Which scenes of the script an edit touched, so the boards can follow only those (issue 17:
 * keystroke to updated boards on a 150-page script within 100 ms). Pure. The region is whole
 * scenes, from a scene heading to the next unchanged heading, cut where re-reading the slice on
 * its own gives exactly what reading the whole text would: a heading needs a blank line before
 * it, and nothing else in Fountain reaches across a heading, except what `canCutAtHeadings`
 * rules out.
 */

/** A scene heading of the text the boards last followed. */
export interface FollowedHeading {
  /** Where the heading's line starts. */
  readonly offset: number;
  /** The script's own scene number (`#12#`), if it has one. */
  readonly sceneNumber: string | undefined;
}

/** The text the boards last followed and what a region needs to know of the rest of it. */
export interface FollowedScript {
  readonly text: string;
  readonly headings: readonly FollowedHeading[];
  /** Whether there is a scene before the first heading (its number, 0, is taken). */
  readonly coldOpen: boolean;
  /**
   * The character cues, in order, before the first heading and then under each heading: a region
   * builds the whole script's cast from these and its own.
   */
  readonly speakers: readonly (readonly string[])[];
}

/** The scenes to read again: headings `[first, end)` of the old text, `[start, stop)` of the new. */
export interface ScriptRegion {
  readonly first: number;
  readonly end: number;
  readonly start: number;
  readonly stop: number;
}

/**
 * Whether the text can be read a scene at a time. Boneyard `/* … *\/` and notes `[[ … ]]` that
 * cross lines can hide or join lines across a heading, a line of two spaces carries dialogue
 * across what looks like a blank line, and CR line ends shift offsets: with any
 * of them the whole text is read (rare in text typed here; the full path is always right).
 */
export function canCutAtHeadings(text: string): boolean {
  return (
    !text.includes('/*') &&
    !text.includes('\r') &&
    !MULTI_LINE_NOTE.test(text) &&
    // A line of two spaces inside dialogue keeps the dialogue going past what looks blank.
    !text.includes('\n  \n')
  );
}

/** `[[` with a line break before its `]]`. */
const MULTI_LINE_NOTE = /\[\[(?:(?!\]\])[^\n])*\n/;

/** Line start offsets, so 1-based element lines become text offsets. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** The headings of a parsed text (read whole, or a slice that starts `base` characters in). */
export function headingsOf(text: string, parsed: ScriptDocument, base = 0): FollowedHeading[] {
  const starts = lineStarts(text);
  const headings: FollowedHeading[] = [];
  for (const element of parsed.elements) {
    if (element.type !== 'scene_heading') continue;
    headings.push({
      offset: base + (starts[element.line - 1] ?? 0),
      sceneNumber: element.sceneNumber,
    });
  }
  return headings;
}

/** The character cues before the first heading, then under each heading, in order. */
export function speakersOf(parsed: ScriptDocument): string[][] {
  const chunks: string[][] = [[]];
  for (const element of parsed.elements) {
    if (element.type === 'scene_heading') chunks.push([]);
    else if (element.type === 'character') chunks.at(-1)?.push(element.text);
  }
  return chunks;
}

/**
 * The scenes an edit from `before.text` to `text` touched, or null when only reading the whole
 * text is safe (the edit reaches the title page or the cold open, or `canCutAtHeadings` says no).
 * The changed span is the part between the longest common start and end; the region runs from
 * the last heading at or before it to the first heading whose blank line before it is untouched.
 */
export function changedRegion(before: FollowedScript, text: string): ScriptRegion | null {
  if (!canCutAtHeadings(text)) return null;
  const old = before.text;
  const shorter = Math.min(old.length, text.length);
  let prefix = 0;
  while (prefix < shorter && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)
  )
    suffix++;
  const oldEnd = old.length - suffix;
  const { headings } = before;
  let first = -1;
  for (let k = 0; k < headings.length && (headings[k]?.offset ?? Infinity) <= prefix; k++)
    first = k;
  if (first < 0) return null;
  let end = first + 1;
  // The next heading stays one only if the blank line before it is untouched.
  const untouchedFrom = (offset: number) => old.lastIndexOf('\n', offset - 2) + 1;
  while (end < headings.length && untouchedFrom(headings[end]?.offset ?? 0) <= oldEnd) end++;
  const shift = text.length - old.length;
  return {
    first,
    end,
    start: headings[first]?.offset ?? 0,
    stop: end < headings.length ? (headings[end]?.offset ?? 0) + shift : text.length,
  };
}
