import { describe, expect, test } from 'vitest';
import type { AudioClip, MusicTrack } from '../model/audio';
import type { AssetHash } from '../model/ids';
import { ms } from '../model/units';
import { buildAudioMixPlan, DECLICK_MS, gainEnvelope } from './audioPlan';

const hash = (c: string) => c.repeat(64) as AssetHash;
const clip = (key: string, offsetMs: number, durationMs: number, volume = 1): AudioClip => ({
  id: key,
  assetHash: hash(key),
  kind: 'dialogue',
  volume,
  offsetMs: ms(offsetMs),
  durationMs: ms(durationMs),
});
const MUSIC: MusicTrack = {
  assetHash: hash('m'),
  volume: 0.5,
  fadeInMs: ms(1000),
  fadeOutMs: ms(2000),
};

describe('audio mix plan', () => {
  test('clips play at their shot start plus offset; music runs the whole animatic', () => {
    const plan = buildAudioMixPlan(
      [
        { durationMs: ms(2000), audio: [clip('a', 500, 1000)] },
        { durationMs: ms(3000), audio: [clip('b', -300, 800, 0.8)] },
      ],
      MUSIC,
      5000,
    );
    expect(plan?.durationMs).toBe(5000);
    expect(plan?.sources.map((s) => [s.kind, s.key[0], s.startMs, s.stopMs, s.gain])).toEqual([
      ['music', 'm', 0, 5000, 0.5],
      ['clip', 'a', 500, 5000, 1],
      ['clip', 'b', 1700, 5000, 0.8],
    ]);
  });

  test('silence, muted clips and clips off the timeline give no plan', () => {
    expect(buildAudioMixPlan([{ durationMs: ms(1000), audio: [] }], null, 1000)).toBeNull();
    expect(
      buildAudioMixPlan(
        [
          {
            durationMs: ms(1000),
            audio: [clip('a', 0, 500, 0), clip('b', -900, 800), clip('c', 1000, 10)],
          },
        ],
        { ...MUSIC, volume: 0 },
        1000,
      ),
    ).toBeNull();
  });

  test('the envelope fades music in and out at the end of the animatic', () => {
    const plan = buildAudioMixPlan([{ durationMs: ms(10_000), audio: [] }], MUSIC, 10_000)!;
    // A 60 s song under a 10 s animatic: cut at 10 s with the fade ending there.
    expect(gainEnvelope(plan.sources[0]!, 60_000)).toEqual([
      { atMs: 0, gain: 0 },
      { atMs: 1000, gain: 0.5 },
      { atMs: 8000, gain: 0.5 },
      { atMs: 10_000, gain: 0 },
    ]);
    // A 4 s song ends on its own, fading out over its last 2 s.
    expect(gainEnvelope(plan.sources[0]!, 4000).at(-2)).toEqual({ atMs: 2000, gain: 0.5 });
  });

  test('clips get a declick ramp; fades longer than half a source are shortened', () => {
    const plan = buildAudioMixPlan(
      [{ durationMs: ms(5000), audio: [clip('a', 100, 1000)] }],
      null,
      5000,
    )!;
    expect(gainEnvelope(plan.sources[0]!, 1000)).toEqual([
      { atMs: 100, gain: 0 },
      { atMs: 100 + DECLICK_MS, gain: 1 },
      { atMs: 1100 - DECLICK_MS, gain: 1 },
      { atMs: 1100, gain: 0 },
    ]);
    const short = gainEnvelope({ ...plan.sources[0]!, fadeInMs: 800, fadeOutMs: 800 }, 1000);
    expect(short.map((p) => p.atMs)).toEqual([100, 600, 600, 1100]);
  });
});

describe('music in a render of part of the animatic', () => {
  const shots = [{ durationMs: ms(4000), audio: [] }];

  test('a scene 30 s in hears the music from 30 s, at full level after a declick', () => {
    const plan = buildAudioMixPlan(shots, MUSIC, 4000, [
      { atMs: 0, timelineMs: 30_000, toTimelineEnd: false },
    ])!;
    const [music] = plan.sources;
    // Its first sample would have played 30 s before the part starts.
    expect(music?.startMs).toBe(-30_000);
    expect(gainEnvelope(music!, 60_000)).toEqual([
      { atMs: 0, gain: 0 },
      { atMs: DECLICK_MS, gain: 0.5 },
      { atMs: 4000 - DECLICK_MS, gain: 0.5 },
      { atMs: 4000, gain: 0 },
    ]);
  });

  test('a part inside the fade-in starts part-way up it; the end of the animatic fades out', () => {
    const plan = buildAudioMixPlan(shots, MUSIC, 4000, [
      { atMs: 0, timelineMs: 500, toTimelineEnd: true },
    ])!;
    const envelope = gainEnvelope(plan.sources[0]!, 60_000);
    expect(envelope[1]?.atMs).toBe(DECLICK_MS);
    expect(envelope[1]?.gain).toBeCloseTo((0.5 * (500 + DECLICK_MS)) / 1000);
    expect(envelope.slice(2)).toEqual([
      { atMs: 500, gain: 0.5 },
      { atMs: 2000, gain: 0.5 },
      { atMs: 4000, gain: 0 },
    ]);
  });

  test('a selection with a gap jumps to where the music is at each of its parts', () => {
    const plan = buildAudioMixPlan(
      [
        { durationMs: ms(2000), audio: [] },
        { durationMs: ms(3000), audio: [] },
      ],
      MUSIC,
      5000,
      [
        { atMs: 0, timelineMs: 0, toTimelineEnd: false },
        { atMs: 2000, timelineMs: 9000, toTimelineEnd: true },
      ],
    )!;
    expect(plan.sources.map((s) => [s.startMs, s.fromMs, s.stopMs])).toEqual([
      [0, undefined, 2000],
      [-7000, 2000, 5000],
    ]);
    // The first part starts the animatic (its fade-in) and is cut with a declick at the gap.
    expect(gainEnvelope(plan.sources[0]!, 60_000)).toEqual([
      { atMs: 0, gain: 0 },
      { atMs: 1000, gain: 0.5 },
      { atMs: 2000 - DECLICK_MS, gain: 0.5 },
      { atMs: 2000, gain: 0 },
    ]);
  });

  test('music that ended before the part starts is not heard', () => {
    const plan = buildAudioMixPlan(shots, MUSIC, 4000, [
      { atMs: 0, timelineMs: 30_000, toTimelineEnd: true },
    ])!;
    expect(gainEnvelope(plan.sources[0]!, 20_000)).toEqual([]);
  });
});

describe('looped music and muted takes', () => {
  test('a looped bed runs to the end of the animatic, fading out there', () => {
    const plan = buildAudioMixPlan(
      [{ durationMs: ms(10_000), audio: [] }],
      { ...MUSIC, loop: true },
      10_000,
    )!;
    expect(plan.sources[0]?.loop).toBe(true);
    // A 3 s loop under 10 s: no end of its own at 3 s.
    expect(gainEnvelope(plan.sources[0]!, 3000)).toEqual([
      { atMs: 0, gain: 0 },
      { atMs: 1000, gain: 0.5 },
      { atMs: 8000, gain: 0.5 },
      { atMs: 10_000, gain: 0 },
    ]);
  });

  test('a muted clip (a take kept after a punch-in) is not in the mix', () => {
    const plan = buildAudioMixPlan(
      [
        {
          durationMs: ms(2000),
          audio: [{ ...clip('a', 0, 1000), muted: true }, clip('b', 0, 900)],
        },
      ],
      null,
      2000,
    );
    expect(plan?.sources.map((s) => s.key[0])).toEqual(['b']);
  });
});
