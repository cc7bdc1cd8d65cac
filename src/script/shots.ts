import { isAllCaps } from './caps';
import { readsAsSentence } from './cue';

/**
 * Shot lines: the all-caps camera directions writers put inside a scene (`CLOSE ON THE LETTER`,
 * `ANGLE ON BRICK`, `SARAH'S POV`, `INSERT - THE NOTE`, `WIDE SHOT`). Final Draft has a paragraph
 * type for them ("Shot"); Fountain and PDF only have the words, so they are recognised here.
 *
 * Telling them from the other all-caps lines of a script:
 * - transitions end in `TO:` (`CUT TO:`, `BACK TO:`); they are checked first and stay transitions;
 * - a character cue is a name: shot lines start with camera vocabulary or name a POV or a SHOT,
 *   which no name does (`ANGLE ON BOB` followed by a line of text is a shot and its action, not
 *   Bob speaking);
 * - all-caps action (`THE DOOR EXPLODES!`) uses no camera vocabulary, and a line that reads as
 *   a sentence (`ON THE WALL, A CLOCK TICKS.`, `CLOSER AND CLOSER THE TRAIN COMES!`) is action
 *   whatever word it starts with.
 */

/** Camera words that start a shot line, followed by the end, a space, `:` or `,`. */
const SHOT_OPENINGS = [
  'ANGLE',
  'ANOTHER ANGLE',
  'NEW ANGLE',
  'REVERSE ANGLE',
  'REVERSE ON',
  'REVERSE SHOT',
  'HIGH ANGLE',
  'LOW ANGLE',
  'DUTCH ANGLE',
  'WIDE ANGLE',
  'CLOSE ON',
  'CLOSE UP',
  'CLOSE-UP',
  'CLOSEUP',
  'CLOSE SHOT',
  'CLOSER ON',
  'CLOSER ANGLE',
  'CLOSER',
  'EXTREME CLOSE',
  'EXTREME WIDE',
  'EXTREME LONG',
  'ECU',
  'XCU',
  'CU',
  'MCU',
  'ELS',
  'EWS',
  'MEDIUM CLOSE',
  'MEDIUM SHOT',
  'MEDIUM WIDE',
  'MEDIUM ON',
  'MED. SHOT',
  'MID SHOT',
  'WIDE ON',
  'WIDE SHOT',
  'WIDE',
  'WIDER',
  'WIDER ANGLE',
  'WIDEN',
  'TIGHT ON',
  'TIGHT SHOT',
  'TIGHTER',
  'FULL SHOT',
  'LONG SHOT',
  'ESTABLISHING',
  'ESTABLISHING SHOT',
  'TWO SHOT',
  'TWO-SHOT',
  '2-SHOT',
  'THREE SHOT',
  'GROUP SHOT',
  'OVER THE SHOULDER',
  'OVER-THE-SHOULDER',
  'OTS',
  'INSERT',
  'POV',
  'BACK ON',
  'BACK TO SCENE',
  'OVERHEAD',
  'OVERHEAD SHOT',
  'AERIAL',
  'AERIAL SHOT',
  "BIRD'S EYE",
  'TRACKING',
  'TRACKING SHOT',
  'MOVING SHOT',
  'MOVING WITH',
  'HANDHELD',
  'STEADICAM',
  'PUSH IN',
  'PUSH ON',
  'PULL BACK',
  'PULL OUT',
  'PAN TO',
  'PAN UP',
  'PAN DOWN',
  'PAN LEFT',
  'PAN RIGHT',
  'PAN ACROSS',
  'PAN OVER',
  'PAN WITH',
  'TILT UP',
  'TILT DOWN',
  'TILT TO',
  'ZOOM IN',
  'ZOOM OUT',
  'ZOOM TO',
  'ZOOM ON',
  'DOLLY IN',
  'DOLLY OUT',
  'DOLLY BACK',
  'DOLLY WITH',
  'CRANE UP',
  'CRANE DOWN',
  'CRANE SHOT',
  'SPLIT SCREEN',
  'FREEZE FRAME',
  'FAVORING',
  'FAVOURING',
  'UNDERWATER SHOT',
  'SERIES OF SHOTS',
];

/** `ON SARAH`, `ON THE TV`: a weak word, but a shot too when the line is not a sentence. */
const WEAK_OPENINGS = ['ON'];

/** What ends a word of an opening: space, tab, `:` and `,`. */
const WORD_ENDS: ReadonlySet<number> = new Set([0x20, 0x09, 0x3a, 0x2c]);

/**
 * Openings by their first word, so the common line (a name, capitals of action) is turned away
 * by one lookup instead of a regular expression with a hundred alternatives.
 */
const OPENINGS_BY_FIRST_WORD = new Map<string, string[]>();
for (const opening of [...SHOT_OPENINGS, ...WEAK_OPENINGS]) {
  const first = firstWord(opening);
  OPENINGS_BY_FIRST_WORD.set(first, [...(OPENINGS_BY_FIRST_WORD.get(first) ?? []), opening]);
}
/** `SARAH'S POV`, `POV - THE STREET`, `THROUGH THE SCOPE (POV)`. */
const POV_WORD = /(?<![\p{L}\p{N}])POV(?![\p{L}\p{N}])/u;
/** `THE GARAGE - WIDE SHOT`, `BRICK - CLOSE-UP`, `THE HOUSE - ESTABLISHING`. */
const CLOSINGS = ['SHOT', 'CLOSE UP', 'CLOSE-UP', 'CLOSEUP', 'ANGLE', 'ESTABLISHING'];
const CLOSING_LAST_LETTERS: ReadonlySet<number> = new Set(
  CLOSINGS.map((closing) => closing.charCodeAt(closing.length - 1)),
);
/** Longer than this it is a paragraph of capitals, not a camera direction. */
const MAX_SHOT_CHARS = 100;

/**
 * The all-caps line (trimmed, as the readers have it) is a shot direction; see the module comment
 * for what it is not. Called for most paragraphs of a script, so the cheap tests come first.
 */
export function isShotLine(text: string): boolean {
  if (text === '' || text.length > MAX_SHOT_CHARS || startsInLowercase(text)) return false;
  // The camera words next: they turn away almost every line with a lookup or two.
  if (!opensWithCameraWords(text) && !hasClosing(text) && !hasPov(text)) return false;
  return !text.includes('\n') && isAllCaps(text) && !text.endsWith('TO:') && !readsAsSentence(text);
}

/**
 * `He runs.`, `Steel waits.`: a lowercase ASCII letter among the first two is the cheapest sign
 * that a line is not in capitals, and most lines of a script show it.
 */
function startsInLowercase(text: string): boolean {
  return isLowerAscii(text.charCodeAt(0)) || isLowerAscii(text.charCodeAt(1));
}

function isLowerAscii(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

function opensWithCameraWords(text: string): boolean {
  const candidates = OPENINGS_BY_FIRST_WORD.get(firstWord(text));
  if (!candidates) return false;
  return candidates.some(
    (opening) => text.startsWith(opening) && endsWord(text, opening.length, opening === 'ON'),
  );
}

/** The opening is followed by the end of the line, a space, `:` or `,` (a weak one by a space). */
function endsWord(text: string, at: number, weak: boolean): boolean {
  if (at === text.length) return !weak;
  const next = text.charAt(at);
  return next === ' ' || next === '\t' || (!weak && (next === ':' || next === ','));
}

function hasClosing(text: string): boolean {
  const body = text.endsWith(':') ? text.slice(0, -1) : text;
  if (!CLOSING_LAST_LETTERS.has(body.charCodeAt(body.length - 1))) return false;
  return CLOSINGS.some((closing) => {
    if (!body.endsWith(closing)) return false;
    const before = body.charAt(body.length - closing.length - 1);
    return before === '' || !/[\p{L}\p{N}']/u.test(before);
  });
}

function hasPov(text: string): boolean {
  return text.includes('POV') && POV_WORD.test(text);
}

function firstWord(text: string): string {
  let end = 0;
  while (end < text.length && !WORD_ENDS.has(text.charCodeAt(end))) end++;
  return text.slice(0, end);
}
