import type { ShotType } from '../model/camera';
import type { IntExt } from '../model/scene';

/**
 * First-guess framing, in the spirit of standard coverage: a master that shows the place, then
 * closer shots as the scene narrows to people. The artist changes them freely; these rules only
 * aim to give a board that reads sensibly before anyone touches it.
 */

const POV = /(?<![\p{L}\p{N}])POV(?![\p{L}\p{N}])/iu;
const INSERT = /^INSERT(?![\p{L}\p{N}])/iu;

/** The scene's first shot: `SNIPER SCOPE POV` is a POV, `INSERT - LETTER` an insert; exteriors
 * open extreme wide, everything else wide. */
export function establishingShotType(heading: string, intExt: IntExt): ShotType {
  if (POV.test(heading)) return 'POV';
  if (INSERT.test(heading.trim())) return 'INSERT';
  return intExt === 'EXT' ? 'EWS' : 'WS';
}

/** Action: wide when nobody we know is named, medium on one person, a two-shot on two, wide
 * again for a group. */
export function actionShotType(text: string, charactersNamed: number): ShotType {
  if (POV.test(text)) return 'POV';
  if (charactersNamed === 1) return 'MS';
  if (charactersNamed === 2) return 'TWO';
  return 'WS';
}

/**
 * What a shot line asks for (`CLOSE ON THE LETTER` is a close-up, `SARAH'S POV` a POV,
 * `INSERT - THE NOTE` an insert), or null when it names no framing (`ANGLE ON BRICK`,
 * `BACK TO SCENE`): then the rules for action decide.
 */
export function describedShotType(description: string): ShotType | null {
  const text = description.toUpperCase();
  for (const [pattern, type] of DESCRIBED) if (pattern.test(text)) return type;
  return null;
}

const WORD_START = '(?<![\\p{L}\\p{N}])';
const described = (words: string): RegExp =>
  new RegExp(`${WORD_START}(?:${words})(?![\\p{L}\\p{N}])`, 'u');

/** First match wins: the narrower and the more specific framings come first. */
const DESCRIBED: readonly (readonly [RegExp, ShotType])[] = [
  [/^INSERT(?![\p{L}\p{N}])/u, 'INSERT'],
  [described('POV'), 'POV'],
  [described('OVER[- ]THE[- ]SHOULDER|OTS'), 'OTS'],
  [described('TWO[- ]SHOT|2-SHOT'), 'TWO'],
  [described('EXTREME CLOSE[- ]?UP|EXTREME CLOSE|ECU|XCU'), 'ECU'],
  [described('MEDIUM CLOSE[- ]?UP|MEDIUM CLOSE|MCU'), 'MCU'],
  [described('CLOSE[- ]?UP|CLOSE ON|CLOSE SHOT|CLOSER|CU|TIGHT ON|TIGHT SHOT|TIGHTER'), 'CU'],
  [described('MEDIUM SHOT|MEDIUM ON|MED\\. SHOT|MID SHOT'), 'MS'],
  [described('MEDIUM WIDE'), 'MLS'],
  [described('EXTREME WIDE|EXTREME LONG|ELS|EWS|ESTABLISHING|AERIAL|OVERHEAD'), 'EWS'],
  [described('WIDE|WIDER|WIDEN|FULL SHOT|LONG SHOT|GROUP SHOT|THREE SHOT'), 'WS'],
];

/** Dialogue: one speaker in medium close-up, a conversation of two over the shoulder, a group
 * conversation in a medium long shot that holds everyone. */
export function exchangeShotType(distinctSpeakers: number): ShotType {
  if (distinctSpeakers <= 1) return 'MCU';
  if (distinctSpeakers === 2) return 'OTS';
  return 'MLS';
}

/** Centered text (`> THE END <`) is a title card: a full-frame insert. */
export const TITLE_CARD_SHOT_TYPE: ShotType = 'INSERT';
