import { describe, expect, test } from 'vitest';
import type { AudioClip, MusicTrack } from '../model/audio';
import type { AssetHash } from '../model/ids';
import { ms } from '../model/units';
import { buildAudioMixPlan, DECLICK_MS } from './audioPlan';
import { scheduleMix } from './mixSchedule';

const hash = (c: string) => c.repeat(64) as AssetHash;
const clip = (key: string, offsetMs: number, durationMs: number): AudioClip => ({
  id: key,
  assetHash: hash(key),
  kind: 'voiceover',
  volume: 1,
  offsetMs: ms(offsetMs),
  durationMs: ms(durationMs),
});
const MUSIC: MusicTrack = {
  assetHash: hash('m'),
  volume: 0.5,
  fadeInMs: ms(1000),
  fadeOutMs: ms(1000),
};
// Shot 1 (2 s) has a 1 s line at 0.5 s; shot 2 (3 s) a 0.8 s line 300 ms before its cut.
const PLAN = buildAudioMixPlan(
  [
    { durationMs: ms(2000), audio: [clip('a', 500, 1000)] },
    { durationMs: ms(3000), audio: [clip('b', -300, 800)] },
  ],
  MUSIC,
  5000,
)!;
const LENGTHS = new Map([
  [hash('a'), 1000],
  [hash('b'), 800],
  [hash('m'), 60_000],
]);
const s = (ms: number) => ms / 1000;

describe('the mix scheduled from a playhead', () => {
  test('from 0 it is the offline render: each source at its own time, from its start', () => {
    const schedule = scheduleMix(PLAN, LENGTHS, 0);
    expect(schedule.map((x) => [x.key[0], x.startAtS, x.offsetS, x.stopAtS])).toEqual([
      ['m', 0, 0, s(5000)],
      ['a', s(500), 0, s(1500)],
      ['b', s(1700), 0, s(2500)],
    ]);
    expect(schedule[1]?.gain).toEqual([
      { atS: s(500), gain: 0 },
      { atS: s(500 + DECLICK_MS), gain: 1 },
      { atS: s(1500 - DECLICK_MS), gain: 1 },
      { atS: s(1500), gain: 0 },
    ]);
  });

  test('from a playhead inside a clip it starts now, part-way into the recording', () => {
    const schedule = scheduleMix(PLAN, LENGTHS, 1000);
    // The first line is 500 ms in; the music half-way up its fade-in; the second line is ahead.
    expect(schedule.map((x) => [x.key[0], x.startAtS, x.offsetS, x.stopAtS])).toEqual([
      ['m', 0, s(1000), s(4000)],
      ['a', 0, s(500), s(500)],
      ['b', s(700), 0, s(1500)],
    ]);
    expect(schedule[0]?.gain[0]).toEqual({ atS: 0, gain: 0.5 });
    expect(schedule[1]?.gain[0]).toEqual({ atS: 0, gain: 1 });
  });

  test('a source over before the playhead, or not decoded, is left out', () => {
    expect(scheduleMix(PLAN, LENGTHS, 1600).map((x) => x.key[0])).toEqual(['m', 'b']);
    const noMusic = new Map(LENGTHS);
    noMusic.delete(hash('m'));
    expect(scheduleMix(PLAN, noMusic, 0).map((x) => x.key[0])).toEqual(['a', 'b']);
  });

  test('a looped bed starts within its loop: 7.5 s into a 3 s loop is 1.5 s in', () => {
    const looped = buildAudioMixPlan(
      [{ durationMs: ms(10_000), audio: [] }],
      { ...MUSIC, loop: true },
      10_000,
    )!;
    const [music] = scheduleMix(looped, new Map([[hash('m'), 3000]]), 7500);
    expect(music).toMatchObject({ loop: true, startAtS: 0, offsetS: 1.5, stopAtS: 2.5 });
    // Played once, the same 3 s recording is over by then.
    const once = buildAudioMixPlan([{ durationMs: ms(10_000), audio: [] }], MUSIC, 10_000)!;
    expect(scheduleMix(once, new Map([[hash('m'), 3000]]), 7500)).toEqual([]);
  });
});
