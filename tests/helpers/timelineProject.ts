import type { AssetHash } from '../../src/model/ids';
import { createProjectMeta, type ProjectSnapshot } from '../../src/model/project';
import { ms } from '../../src/model/units';
import { SEED, seedRecords } from './boardSeed';

export { SEED };

export const SOUND = 'b'.repeat(64) as AssetHash;

/**
 * The board seed dressed for an editor: a crossfade out of shot 1 (600 ms), a dip to black out
 * of 1B, a pan on 1A, a line of dialogue on 1A that starts 500 ms before its cut (a pre-lap)
 * and odd durations that do not fall on whole frames at 23.976 or 29.97.
 */
export function timelineProject(title = 'The Last Birthday Card'): ProjectSnapshot {
  const records = seedRecords();
  const durations = [ms(4000), ms(2_350), ms(1_001), ms(5_500), ms(4000)];
  const shots = records.shots.map((shot, i) => ({ ...shot, durationMs: durations[i] ?? ms(4000) }));
  const [first, second, third] = shots;
  if (!first || !second || !third) throw new Error('the seed has shots');
  shots[0] = { ...first, transitionOut: { kind: 'crossfade', durationMs: ms(600) } };
  shots[1] = {
    ...second,
    cameraMove: 'pan',
    audio: [
      {
        id: 'line-1',
        assetHash: SOUND,
        kind: 'dialogue',
        volume: 1,
        offsetMs: ms(-500),
        durationMs: ms(2_000),
      },
    ],
  };
  shots[2] = { ...third, transitionOut: { kind: 'dipToBlack', durationMs: ms(400) } };
  return { ...records, meta: createProjectMeta(title), shots };
}
