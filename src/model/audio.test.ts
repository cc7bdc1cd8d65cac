import { describe, expect, test } from 'vitest';
import { fitToAudio, MAX_VOLUME, normaliseAudioClip, type AudioClip } from './audio';
import type { AssetHash } from './ids';
import { MAX_SHOT_DURATION_MS, MIN_SHOT_DURATION_MS, ms } from './units';

const HASH = 'a'.repeat(64) as AssetHash;
const clip = (offsetMs: number, durationMs: number): AudioClip => ({
  id: `${offsetMs}/${durationMs}`,
  assetHash: HASH,
  kind: 'dialogue',
  volume: 1,
  offsetMs: ms(offsetMs),
  durationMs: ms(durationMs),
});

describe('fit to audio', () => {
  test('the shot lasts until its last clip ends', () => {
    expect(fitToAudio({ audio: [clip(0, 2300), clip(1000, 2000)] })).toBe(3000);
  });

  test('an optional tail leaves air after the last word', () => {
    expect(fitToAudio({ audio: [clip(200, 1800)] }, 250)).toBe(2250);
  });

  test('no clips, or clips that end before the shot starts, give nothing to fit to', () => {
    expect(fitToAudio({ audio: [] })).toBeNull();
    expect(fitToAudio({ audio: [clip(-3000, 1000)] })).toBeNull();
  });

  test('the result is a legal shot duration', () => {
    expect(fitToAudio({ audio: [clip(0, 20)] })).toBe(MIN_SHOT_DURATION_MS);
    expect(fitToAudio({ audio: [clip(0, 3_600_000)] })).toBe(MAX_SHOT_DURATION_MS);
  });

  test('normalising bounds the volume and rounds times', () => {
    const odd = { ...clip(10.4, 99.6), volume: 7 };
    expect(normaliseAudioClip(odd)).toMatchObject({
      volume: MAX_VOLUME,
      offsetMs: 10,
      durationMs: 100,
    });
  });
});

describe('takes and loops survive normalising', () => {
  test('a muted take stays muted; an unmuted clip gains no field', () => {
    const base = normaliseAudioClip({ ...clip(0, 1000) });
    expect('muted' in base).toBe(false);
    expect(normaliseAudioClip({ ...base, muted: true }).muted).toBe(true);
    expect(fitToAudio({ audio: [clip(0, 1000), { ...clip(0, 3000), muted: true }] })).toBe(1000);
  });
});
