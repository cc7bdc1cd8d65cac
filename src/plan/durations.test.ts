import { describe, expect, test } from 'vitest';
import { MAX_SHOT_DURATION_MS } from '../model/units';
import {
  countWords,
  estimateActionMs,
  estimateDialogueMs,
  MIN_ACTION_MS,
  MIN_SPEECH_MS,
  PAUSE_PER_SPEECH_MS,
  SPEAKING_WORDS_PER_SECOND,
} from './durations';

describe('counting words', () => {
  test('counts words with letters or digits, not punctuation on its own', () => {
    expect(countWords('A gorgeous day.  The sun -- is shining...')).toBe(7);
    expect(countWords('*Did you know* _Brick_ and Steel are retired? 92F')).toBe(9);
    expect(countWords('   ')).toBe(0);
  });

  test('counts two Chinese or Japanese characters as a word', () => {
    expect(countWords('你好世界')).toBe(2);
    expect(countWords('こんにちは OK')).toBe(3.5);
  });
});

describe('dialogue timing', () => {
  test(`a speech takes its words at ${SPEAKING_WORDS_PER_SECOND} words a second plus a pause`, () => {
    const tenWords = 'one two three four five six seven eight nine ten';
    expect(estimateDialogueMs(tenWords)).toBe(4000 + PAUSE_PER_SPEECH_MS);
  });

  test('even a one-word reply holds the screen for a moment', () => {
    expect(estimateDialogueMs('Yes.')).toBe(MIN_SPEECH_MS);
    expect(estimateDialogueMs('')).toBe(MIN_SPEECH_MS);
  });
});

describe('action timing', () => {
  test('plays at three words a second, in whole milliseconds', () => {
    expect(estimateActionMs(Array(30).fill('word').join(' '))).toBe(10_000);
    expect(estimateActionMs(Array(7).fill('word').join(' '))).toBe(2333);
  });

  test('never shorter than the time to read a board', () => {
    expect(estimateActionMs('Beer flies.')).toBe(MIN_ACTION_MS);
  });

  test('a runaway paragraph is capped at the longest shot allowed', () => {
    expect(estimateActionMs('word '.repeat(100_000))).toBe(MAX_SHOT_DURATION_MS);
  });
});
