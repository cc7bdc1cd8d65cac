import { clampShotDuration, ms, type Milliseconds } from '../model/units';

/**
 * Screen time from text. These are first guesses for an animatic the artist then retimes, so they
 * aim to be plausible and predictable rather than clever.
 */

/** 150 words a minute: the usual pace of screen dialogue. */
export const SPEAKING_WORDS_PER_SECOND = 2.5;
/** The breath, the cut or the reaction between one speech and the next. */
export const PAUSE_PER_SPEECH_MS = ms(500);
/** Even "Yes." holds the screen for a moment. */
export const MIN_SPEECH_MS = ms(1000);

/**
 * 180 words a minute, the density of a typical action page, which plays in about a minute
 * ("a page a minute").
 */
export const ACTION_WORDS_PER_SECOND = 3;
/** Long enough to read a board with one line of action under it. */
export const MIN_ACTION_MS = ms(2000);

/** An establishing shot shows where we are; it is not read, so it has a fixed length. */
export const ESTABLISHING_SHOT_MS = ms(3000);

/** One speech: its words at speaking pace plus the pause after it. */
export function estimateDialogueMs(text: string): Milliseconds {
  const speaking = (countWords(text) / SPEAKING_WORDS_PER_SECOND) * 1000;
  return clampShotDuration(Math.max(MIN_SPEECH_MS, speaking + PAUSE_PER_SPEECH_MS));
}

/** One action paragraph, at the pace it would play on screen. */
export function estimateActionMs(text: string): Milliseconds {
  const playing = (countWords(text) / ACTION_WORDS_PER_SECOND) * 1000;
  return clampShotDuration(Math.max(MIN_ACTION_MS, playing));
}

/**
 * Words separated by spaces that contain a letter or digit (`--` and `...` are not words;
 * `*Did` is). Chinese and Japanese are written without spaces: two of their characters count as
 * one word, roughly their spoken syllable rate against ours.
 */
export function countWords(text: string): number {
  let words = 0;
  let unspaced = 0;
  for (const token of text.split(/\s+/)) {
    const unspacedInToken = token.match(UNSPACED_SCRIPT)?.length ?? 0;
    unspaced += unspacedInToken;
    if (unspacedInToken === 0 && WORD_CHARACTER.test(token)) words++;
  }
  return words + unspaced / 2;
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
