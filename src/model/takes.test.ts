import { describe, expect, test } from 'vitest';
import type { AudioClip, AudioClipKind } from './audio';
import type { AssetHash } from './ids';
import { punchIn, chooseTake } from './takes';
import { ms } from './units';

const clip = (
  id: string,
  offsetMs: number,
  durationMs: number,
  kind: AudioClipKind = 'voiceover',
): AudioClip => ({
  id,
  assetHash: id.repeat(64).slice(0, 64) as AssetHash,
  kind,
  volume: 1,
  offsetMs: ms(offsetMs),
  durationMs: ms(durationMs),
});
const heard = (clips: readonly AudioClip[]) =>
  clips.filter((c) => c.muted !== true).map((c) => c.id);

describe('punching in voice-over', () => {
  test('the voice-over recorded over is kept muted; what does not overlap plays on', () => {
    const before = [clip('a', 0, 2000), clip('b', 3000, 1000), clip('t', 500, 800, 'tts')];
    const after = punchIn(before, clip('n', 1500, 1000));
    expect(after.map((c) => c.id)).toEqual(['a', 'b', 't', 'n']);
    // 'a' (0–2 s) is under the new take (1.5–2.5 s); 'b' starts after it; TTS is not a take.
    expect(heard(after)).toEqual(['b', 't', 'n']);
  });

  test('an older take is used again in one step, muting the one that replaced it', () => {
    const after = punchIn([clip('a', 0, 2000)], clip('n', 1500, 1000));
    const back = chooseTake(after, 'a');
    expect(heard(back)).toEqual(['a']);
    expect(back.find((c) => c.id === 'a')).not.toHaveProperty('muted');
    expect(chooseTake(back, 'nope')).toEqual(back);
  });
});
