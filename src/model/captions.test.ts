import { describe, expect, test } from 'vitest';
import {
  captionAt,
  captionsFor,
  MAX_CAPTION_LINE_CHARS,
  splitCaption,
  wrapCaptionText,
} from './captions';
import type { SceneId, ShotId } from './ids';
import { createShot, type DialogueLine } from './shot';
import { ms } from './units';

const line = (speaker: string, text: string): DialogueLine => ({
  speaker,
  line: text,
  parenthetical: '',
});

function shot(id: string, durationMs: number, dialogue: DialogueLine[], omitted = false) {
  return createShot({
    id: id as ShotId,
    sceneId: 's' as SceneId,
    number: id,
    durationMs: ms(durationMs),
    dialogue,
    omitted,
  });
}

describe('captions from dialogue', () => {
  test("a shot's lines share its time by word count, labelled with the speaker", () => {
    const cues = captionsFor({
      shots: [
        shot('1', 2000, []),
        shot('2', 3000, [line('ANNA', 'One two three four.'), line('BEN', 'Five six.')]),
      ],
    });
    expect(cues).toEqual([
      {
        startMs: 2000,
        endMs: 4000,
        speaker: 'ANNA',
        text: 'ANNA: One two three four.',
        shotId: '2',
      },
      { startMs: 4000, endMs: 5000, speaker: 'BEN', text: 'BEN: Five six.', shotId: '2' },
    ]);
  });

  test('OMITTED shots take no time and show no captions', () => {
    const cues = captionsFor({
      shots: [shot('1', 2000, [line('A', 'Gone.')], true), shot('2', 1000, [line('B', 'Here.')])],
    });
    expect(cues).toEqual([
      { startMs: 0, endMs: 1000, speaker: 'B', text: 'B: Here.', shotId: '2' },
    ]);
  });

  test('long lines wrap at 42 characters and split into two-line captions', () => {
    const text =
      'This is a rather long line of dialogue that the caption writer has to split into ' +
      'several captions because nobody can read all of it in one go on a small screen.';
    for (const caption of splitCaption(text)) {
      const lines = caption.split('\n');
      expect(lines.length).toBeLessThanOrEqual(2);
      for (const l of lines) expect(l.length).toBeLessThanOrEqual(MAX_CAPTION_LINE_CHARS);
    }
    expect(splitCaption(text).join(' ').replace(/\n/g, ' ')).toBe(text);
    const cues = captionsFor({ shots: [shot('1', 6000, [line('ANNA', text)])] });
    expect(cues.length).toBeGreaterThan(1);
    expect(cues[0]?.text.startsWith('ANNA: ')).toBe(true);
    expect(cues[1]?.text.startsWith('ANNA')).toBe(false);
    expect(cues.at(-1)?.endMs).toBe(6000);
    cues.slice(1).forEach((cue, i) => expect(cue.startMs).toBe(cues[i]?.endMs));
  });

  test('a word longer than a line gets a line of its own', () => {
    const long = 'x'.repeat(50);
    expect(wrapCaptionText(`a ${long} b`)).toEqual(['a', long, 'b']);
  });

  test('empty lines are skipped and every cue is non-empty', () => {
    const cues = captionsFor({ shots: [shot('1', 1000, [line('A', '   '), line('', '...')])] });
    expect(cues).toEqual([{ startMs: 0, endMs: 1000, speaker: '', text: '...', shotId: '1' }]);
  });

  test('captionAt finds the cue on screen, half-open at its end', () => {
    const cues = captionsFor({
      shots: [
        shot('1', 1000, [line('A', 'One.')]),
        shot('2', 1000, []),
        shot('3', 1000, [line('B', 'Two.')]),
      ],
    });
    expect(captionAt(cues, 0)?.text).toBe('A: One.');
    expect(captionAt(cues, 999.5)?.text).toBe('A: One.');
    expect(captionAt(cues, 1000)).toBeNull();
    expect(captionAt(cues, 2500)?.text).toBe('B: Two.');
    expect(captionAt(cues, 3000)).toBeNull();
    expect(captionAt([], 10)).toBeNull();
  });
});
