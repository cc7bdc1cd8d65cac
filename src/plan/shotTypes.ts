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

/** Dialogue: one speaker in medium close-up, a conversation of two over the shoulder, a group
 * conversation in a medium long shot that holds everyone. */
export function exchangeShotType(distinctSpeakers: number): ShotType {
  if (distinctSpeakers <= 1) return 'MCU';
  if (distinctSpeakers === 2) return 'OTS';
  return 'MLS';
}

/** Centered text (`> THE END <`) is a title card: a full-frame insert. */
export const TITLE_CARD_SHOT_TYPE: ShotType = 'INSERT';
