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

const OPENING = new RegExp(
  `^(?:${SHOT_OPENINGS.map(escapeRegExp)
    .sort((a, b) => b.length - a.length)
    .join('|')})(?=$|[\\s:,])`,
  'u',
);
const WEAK_OPENING = new RegExp(`^(?:${WEAK_OPENINGS.join('|')})\\s`, 'u');
/** `SARAH'S POV`, `POV - THE STREET`, `THROUGH THE SCOPE (POV)`. */
const POV_WORD = /(?<![\p{L}\p{N}])POV(?![\p{L}\p{N}])/u;
/** `THE GARAGE - WIDE SHOT`, `BRICK - CLOSE-UP`, `THE HOUSE - ESTABLISHING`. */
const CLOSING = /(?<![\p{L}\p{N}'])(?:SHOT|CLOSE[- ]?UP|ANGLE|ESTABLISHING):?$/u;
/** Longer than this it is a paragraph of capitals, not a camera direction. */
const MAX_SHOT_CHARS = 100;

/** The all-caps line is a shot direction (see the module comment for what it is not). */
export function isShotLine(line: string): boolean {
  const text = line.trim();
  if (text === '' || text.length > MAX_SHOT_CHARS || text.includes('\n')) return false;
  if (!isAllCaps(text) || text.endsWith('TO:') || readsAsSentence(text)) return false;
  return OPENING.test(text) || POV_WORD.test(text) || CLOSING.test(text) || WEAK_OPENING.test(text);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
