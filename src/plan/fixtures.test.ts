import { describe, expect, test } from 'vitest';
import { readScreenplay } from '../../tests/helpers/fixtures';
import { sceneSchema } from '../model/scene';
import { shotSchema, type Shot } from '../model/shot';
import { parseScript } from '../script';
import { breakdownScript, type Breakdown } from './breakdown';

function breakdownFixture(name: string): Breakdown {
  return breakdownScript(parseScript(readScreenplay(name)));
}

function shotsPerScene(result: Breakdown): number[] {
  return result.scenes.map(
    (scene) => result.shots.filter((shot) => shot.sceneId === scene.id).length,
  );
}

/** Which rule made the shot (see scenePlanner.ts). */
function kindOf(shot: Shot, sceneFirstShot: boolean): string {
  if (sceneFirstShot) return 'establishing';
  if (shot.dialogue.length > 0) return 'exchange';
  return shot.shotType === 'INSERT' ? 'title card' : 'action';
}

function countKinds(result: Breakdown): Record<string, number> {
  const counts: Record<string, number> = {};
  result.shots.forEach((shot, index) => {
    const kind = kindOf(shot, index === 0 || result.shots[index - 1]?.sceneId !== shot.sceneId);
    counts[kind] = (counts[kind] ?? 0) + 1;
  });
  return counts;
}

function expectValidForTheModel(result: Breakdown): void {
  for (const scene of result.scenes) sceneSchema.parse(scene);
  for (const shot of result.shots) shotSchema.parse(shot);
  expect(new Set(result.shots.map((shot) => shot.number)).size).toBe(result.shots.length);
}

describe('Brick & Steel', () => {
  const result = breakdownFixture('brick_and_steel.fountain');

  test('8 scenes, 7 characters (the published figures)', () => {
    expect(result.scenes.map((scene) => scene.number)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
    ]);
    expect(result.characters.map((character) => character.name)).toEqual([
      'STEEL',
      'BRICK',
      'JACK',
      'DAN',
      'COGNITO',
      'MINION',
      'HANDSOME MAN',
    ]);
  });

  /*
   * Read off the script, scene by scene (E = establishing shot, which takes the opening action
   * paragraph; A = further action paragraph; X = run of speeches, none longer than 4 here;
   * T = centered title card):
   *   1 PATIO     E + A, X(3), A, X(2), A, A, A, X(2 dual)   = 9
   *   2 TRAILER   E + X(2), A                                = 3
   *   3 POOL      E + X(1)                                   = 2
   *   4 SCOPE POV E + X(1), A, X(1)                          = 4
   *   5 TITLES    E (heading only) + T, T                    = 3
   *   6 SHACK     E + X(1), A, X(1), A, X(2), A              = 7
   *   7 GARAGE    E + X(2), A                                = 3
   *   8 MANSION   E + A, X(2), A, T (THE END)                = 5
   * 36 shots: 8 establishing, 13 action, 12 exchanges, 3 title cards.
   */
  test('36 shots, as derived from the script', () => {
    expect(shotsPerScene(result)).toEqual([9, 3, 2, 4, 3, 7, 3, 5]);
    expect(countKinds(result)).toEqual({
      establishing: 8,
      action: 13,
      exchange: 12,
      'title card': 3,
    });
    expect(result.shots.slice(0, 9).map((shot) => shot.number)).toEqual([
      '1',
      '1A',
      '1B',
      '1C',
      '1D',
      '1E',
      '1F',
      '1G',
      '1H',
    ]);
    expectValidForTheModel(result);
  });

  test('frames the opening scene from wide to close', () => {
    const names = new Map(result.characters.map((character) => [character.id, character.name]));
    const opening = result.shots.slice(0, 3).map((shot) => ({
      type: shot.shotType,
      cast: shot.characterIds.map((id) => names.get(id)),
    }));
    expect(opening).toEqual([
      { type: 'EWS', cast: ['BRICK'] }, // "… But BRICK BRADDOCK, retired police detective …"
      { type: 'MS', cast: ['STEEL'] }, // "… DICK STEEL, his former partner …"
      { type: 'OTS', cast: ['STEEL', 'BRICK'] },
    ]);
    const scopeScene = result.scenes.find((scene) => scene.heading === 'SNIPER SCOPE POV');
    const scopeShot = result.shots.find((shot) => shot.sceneId === scopeScene?.id);
    expect(scopeShot).toMatchObject({ number: '4', shotType: 'POV' });
  });
});

describe('The Last Birthday Card', () => {
  const result = breakdownFixture('the_last_birthday_card.fountain');

  test('48 scenes (25 INT/EXT headings and 23 forced ones) and 12 characters', () => {
    expect(result.scenes).toHaveLength(48);
    expect(result.scenes.at(-1)?.number).toBe('48');
    expect(result.characters).toHaveLength(12);
  });

  /*
   * Read off the script:
   * - 48 establishing shots, one per heading.
   * - 125 action paragraphs (not counting three plain "FADE OUT.", which make no shot); 47 open
   *   a scene and become its establishing shot's action (only `.SCOTT, IN BAXTER'S KITCHEN` opens
   *   on dialogue), leaving 78 action shots.
   * - 1 title card, `>THE END<`.
   * - 134 speeches in 46 runs: 40 runs of 1-4 speeches are one shot each; runs of 5, 5 and 6
   *   speeches are two shots each, 9 is three (4+4+1), 14 is four (4+4+4+2), 17 is five
   *   (4+4+4+4+1): 58 exchange shots. No four speeches here run past 25 s.
   * 48 + 78 + 1 + 58 = 185 shots.
   */
  test('185 shots, as derived from the script', () => {
    expect(countKinds(result)).toEqual({
      establishing: 48,
      action: 78,
      exchange: 58,
      'title card': 1,
    });
    expect(result.shots).toHaveLength(185);
    expectValidForTheModel(result);
  });
});
