import { expect, test } from 'vitest';
import { castLines } from './cast';
import { createCharacter } from './character';
import type { CharacterId, SceneId, ShotId } from './ids';
import { createProjectMeta } from './project';
import { createShot } from './shot';

test('characters are listed by lines spoken, with the first shot they appear in', () => {
  const anna = createCharacter({ id: 'a' as CharacterId, name: 'ANNA' });
  const ben = createCharacter({ id: 'b' as CharacterId, name: 'BEN' });
  const shot = (id: string, extra: object) =>
    createShot({ id: id as ShotId, sceneId: 's' as SceneId, number: id, ...extra });
  const speech = (speaker: string) => ({ speaker, line: '…', parenthetical: '' });
  const list = castLines({
    meta: createProjectMeta('t'),
    scenes: [],
    characters: [anna, ben],
    shots: [
      shot('1', { characterIds: [ben.id] }),
      shot('2', { dialogue: [speech('ANNA'), speech('BEN'), speech('ANNA')] }),
      shot('3', { dialogue: [speech('ANNA')], omitted: true }),
    ],
  });
  expect(list).toEqual([
    { name: 'ANNA', lines: 2, shots: 1, firstShotId: '2' },
    { name: 'BEN', lines: 1, shots: 2, firstShotId: '1' },
  ]);
});
