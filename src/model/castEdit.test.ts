import { describe, expect, test } from 'vitest';
import {
  characterName,
  mergedBible,
  nameProblem,
  renameSpeaker,
  replaceCharacterId,
} from './castEdit';
import { createCharacter } from './character';
import type { AssetHash, CharacterId } from './ids';

const id = (s: string) => s as CharacterId;
const cast = [createCharacter({ id: id('b'), name: 'BRICK' })];

describe('editing the cast', () => {
  test('names are written as scripts print them', () => {
    expect(characterName('  old   man ')).toBe('OLD MAN');
    expect(characterName('Zoë')).toBe('ZOË');
    expect(characterName('小明')).toBe('小明');
  });

  test('a name must be there, short enough and not taken by another character', () => {
    expect(nameProblem('', cast)).toMatch(/needs a name/);
    expect(nameProblem('X'.repeat(61), cast)).toMatch(/at most 60/);
    expect(nameProblem('BRICK', cast)).toMatch(/already a character called BRICK/);
    expect(nameProblem('BRICK', cast, id('b'))).toBeNull();
    expect(nameProblem('STEEL', cast)).toBeNull();
  });

  test('renaming a speaker rewrites only their lines, and nothing when absent', () => {
    const lines = [
      { speaker: 'BRICK', line: 'a', parenthetical: '' },
      { speaker: 'STEEL', line: 'b', parenthetical: '' },
    ];
    expect(renameSpeaker(lines, 'BRICK', 'BRICKMAN').map((d) => d.speaker)).toEqual([
      'BRICKMAN',
      'STEEL',
    ]);
    expect(renameSpeaker(lines, 'NOBODY', 'X')).toBe(lines);
  });

  test('merging ids keeps one of each', () => {
    expect(replaceCharacterId([id('a'), id('b')], id('a'), id('b'))).toEqual(['b']);
    expect(replaceCharacterId([id('a'), id('c')], id('a'), id('b'))).toEqual(['b', 'c']);
    const ids = [id('c')];
    expect(replaceCharacterId(ids, id('a'), id('b'))).toBe(ids);
  });

  test("a merge keeps what the kept character says and fills its gaps from the other's", () => {
    const into = createCharacter({ id: id('i'), name: 'I', look: 'tall' });
    const from = createCharacter({
      id: id('f'),
      name: 'F',
      look: 'short',
      wardrobe: 'coat',
      sheetHash: 'a'.repeat(64) as AssetHash,
    });
    expect(mergedBible(into, from)).toEqual({
      description: '',
      look: 'tall',
      wardrobe: 'coat',
      sheetHash: 'a'.repeat(64),
    });
  });
});
