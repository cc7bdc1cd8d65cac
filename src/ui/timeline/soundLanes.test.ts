import { describe, expect, test } from 'vitest';
import type { AudioClip } from '../../model/audio';
import type { AssetHash } from '../../model/ids';
import { layoutClips } from '../../model/timelineEdit';
import { ms } from '../../model/units';
import { placeSounds } from './soundLanes';

const clip = (id: string, offsetMs: number, durationMs: number): AudioClip => ({
  id,
  assetHash: 'a'.repeat(64) as AssetHash,
  kind: 'voiceover',
  volume: 1,
  offsetMs: ms(offsetMs),
  durationMs: ms(durationMs),
});

describe('sound clips on the timeline', () => {
  test('each at its shot start plus offset, for its real length; overlaps get rows', () => {
    const shots = [
      { id: 's1', number: '1', audio: [clip('a', 0, 3000), clip('b', 1000, 500)] },
      { id: 's2', number: '2', audio: [clip('c', -500, 800)] },
    ];
    const placed = placeSounds(shots, layoutClips([ms(2000), ms(2000)]));
    expect(placed.map((p) => [p.clipId, p.startMs, p.endMs, p.row])).toEqual([
      ['a', 0, 3000, 0],
      ['b', 1000, 1500, 1],
      // The pre-lap starts 500 ms before shot 2, after 'b' ended: row 1 is free again.
      ['c', 1500, 2300, 1],
    ]);
  });
});
