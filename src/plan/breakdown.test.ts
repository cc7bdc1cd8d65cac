import { describe, expect, test } from 'vitest';
import { sceneSchema } from '../model/scene';
import { shotSchema, type Shot } from '../model/shot';
import { parseScript } from '../script';
import { breakdownScript, type Breakdown } from './breakdown';
import { ESTABLISHING_SHOT_MS, estimateActionMs, estimateDialogueMs } from './durations';

/** Breakdown with ids `id-1`, `id-2`, … so results are stable. */
function breakdown(source: string): Breakdown {
  let next = 0;
  return breakdownScript(parseScript(source), { createId: () => `id-${++next}` });
}

/** The names of a shot's characters, for readable expectations. */
function castOf(result: Breakdown, shot: Shot | undefined): string[] {
  const names = new Map(result.characters.map((character) => [character.id, character.name]));
  return (shot?.characterIds ?? []).map((id) => names.get(id) ?? '?');
}

function speech(name: string, words: number): string {
  return `${name}\n${Array(words).fill('word').join(' ')}.\n\n`;
}

describe('scenes', () => {
  test('one per heading, numbered by the script or else by position', () => {
    const result = breakdown(
      'INT. A - DAY #7#\n\nX.\n\nEXT. B - NIGHT\n\nY.\n\n.CLOSE ON HANDS\n\nZ.',
    );
    expect(result.scenes.map((scene) => [scene.number, scene.heading])).toEqual([
      ['7', 'INT. A - DAY'],
      ['2', 'EXT. B - NIGHT'],
      ['3', 'CLOSE ON HANDS'],
    ]);
    expect(result.scenes[1]).toMatchObject({ intExt: 'EXT', location: 'B', timeOfDay: 'NIGHT' });
    for (const scene of result.scenes) sceneSchema.parse(scene);
  });

  test('scene numbers never repeat, so shot numbers never do', () => {
    const result = breakdown('INT. A #2#\n\nX.\n\nINT. B\n\nY.\n\nINT. C #2#\n\nZ.');
    // Scene B sits where 2 would be, but the script claims 2 for A: it reads "after 2".
    expect(result.scenes.map((scene) => scene.number)).toEqual(['2', '2A', '2B']);
  });

  test('action before the first heading is a cold open: scene 0, no heading, no establishing shot', () => {
    const result = breakdown('Darkness. A match flares.\n\nINT. CELLAR - NIGHT\n\nDamp.');
    expect(result.scenes.map((scene) => [scene.number, scene.heading])).toEqual([
      ['0', ''],
      ['1', 'INT. CELLAR - NIGHT'],
    ]);
    expect(result.shots.map((shot) => [shot.number, shot.action])).toEqual([
      ['0', 'Darkness. A match flares.'],
      ['1', 'Damp.'],
    ]);
  });

  test('a title page, FADE IN: or sections before the first heading make no cold open', () => {
    const result = breakdown('Title: X\n\n# ACT I\n\n= Setup.\n\nFADE IN:\n\nINT. A - DAY\n\nX.');
    expect(result.scenes.map((scene) => scene.number)).toEqual(['1']);
  });
});

describe('shots', () => {
  test('are numbered 3, 3A, 3B … within a scene', () => {
    const result = breakdown('INT. A #3#\n\nOne.\n\nTwo.\n\nThree.\n\nEXT. B\n\nFour.');
    expect(result.shots.map((shot) => shot.number)).toEqual(['3', '3A', '3B', '2']);
    expect(new Set(result.shots.map((shot) => shot.id)).size).toBe(4);
    expect(result.shots.every((shot) => shot.sceneId === result.scenes[0]?.id)).toBe(false);
  });

  test('the establishing shot takes the opening action paragraph', () => {
    const result = breakdown('EXT. BEACH - DAY\n\nWaves crash.\n\nA gull lands.');
    expect(result.shots.map((shot) => [shot.shotType, shot.action])).toEqual([
      ['EWS', 'Waves crash.'],
      ['WS', 'A gull lands.'],
    ]);
    expect(result.shots[0]?.durationMs).toBe(ESTABLISHING_SHOT_MS);
  });

  test('an establishing shot keeps a long opening paragraph readable', () => {
    const opening = Array(30).fill('word').join(' ');
    const result = breakdown(`INT. HALL - DAY\n\n${opening}`);
    expect(result.shots[0]).toMatchObject({ shotType: 'WS', durationMs: 10_000 });
  });

  test('a scene that opens on dialogue is established by its heading', () => {
    const result = breakdown('INT. KITCHEN - NIGHT\n\nBOB\nHi.');
    expect(result.shots.map((shot) => [shot.shotType, shot.action, shot.durationMs])).toEqual([
      ['WS', 'INT. KITCHEN - NIGHT', ESTABLISHING_SHOT_MS],
      ['MCU', '', estimateDialogueMs('Hi.')],
    ]);
  });

  test('a POV heading is established as a POV', () => {
    expect(breakdown('.SNIPER SCOPE POV\n\nCrosshairs.').shots[0]?.shotType).toBe('POV');
  });

  test('consecutive speeches are one exchange: speaker, line and parenthetical kept', () => {
    const result = breakdown(
      'INT. A\n\nSTEEL\n(beer raised)\nTo retirement.\n\nBRICK (CONT’D)\nTo retirement.\n(beat)\n\nThey drink.',
    );
    const exchange = result.shots[1];
    expect(exchange?.shotType).toBe('OTS');
    expect(exchange?.dialogue).toEqual([
      { speaker: 'STEEL', line: 'To retirement.', parenthetical: 'beer raised' },
      { speaker: 'BRICK', line: 'To retirement.', parenthetical: '' },
      { speaker: 'BRICK', line: '', parenthetical: 'beat' },
    ]);
    expect(exchange?.durationMs).toBe(2 * estimateDialogueMs('To retirement.'));
    expect(castOf(result, exchange)).toEqual(['STEEL', 'BRICK']);
    expect(result.shots[2]?.action).toBe('They drink.');
  });

  test('one speaker is a medium close-up, three or more a medium long shot', () => {
    const result = breakdown(
      `INT. A\n\n${speech('ANN', 3)}Rain.\n\n${speech('ANN', 3)}${speech('BEN', 3)}${speech('CAL', 3)}`,
    );
    expect(result.shots.map((shot) => shot.shotType)).toEqual(['WS', 'MCU', 'WS', 'MLS']);
  });

  test(`an exchange is split after four speeches`, () => {
    const talk = ['ANN', 'BEN', 'ANN', 'BEN', 'ANN', 'BEN'].map((name) => speech(name, 3)).join('');
    const result = breakdown(`INT. A\n\n${talk}`);
    expect(result.shots.map((shot) => shot.dialogue.length)).toEqual([0, 4, 2]);
  });

  test('an exchange is split before it runs past 25 seconds; one long speech stays whole', () => {
    // 40 words is 16.5 s: two of them do not fit in one shot.
    const result = breakdown(
      `INT. A\n\n${speech('ANN', 40)}${speech('BEN', 40)}${speech('ANN', 100)}`,
    );
    expect(result.shots.slice(1).map((shot) => [shot.dialogue.length, shot.durationMs])).toEqual([
      [1, 16_500],
      [1, 16_500],
      [1, 40_500],
    ]);
  });

  test('action is wide, medium on one named character, a two-shot on two', () => {
    const result = breakdown(
      `INT. A\n\nRain.\n\n${speech('BRICK', 2)}${speech('STEEL', 2)}Nobody moves.\n\nBrick's hand shakes.\n\nSteel and brick laugh.`,
    );
    expect(result.shots.slice(2).map((shot) => [shot.shotType, castOf(result, shot)])).toEqual([
      ['WS', []],
      ['MS', ['BRICK']],
      ['TWO', ['BRICK', 'STEEL']],
    ]);
    expect(result.shots[2]?.durationMs).toBe(estimateActionMs('Nobody moves.'));
  });

  test('centered text is a title card', () => {
    const result = breakdown('.OPENING TITLES\n\n> BRICK & STEEL <\n> FULL RETIRED <');
    expect(result.shots[1]).toMatchObject({
      shotType: 'INSERT',
      action: 'BRICK & STEEL\nFULL RETIRED',
    });
  });

  test('transitions, plain FADE OUT., sections and synopses make no shot but end an exchange', () => {
    const result = breakdown(
      `INT. A\n\n${speech('ANN', 2)}CUT TO:\n\n${speech('BEN', 2)}## Part\n\n${speech('ANN', 2)}= Beat.\n\n${speech('BEN', 2)}FADE OUT.`,
    );
    expect(result.shots.map((shot) => shot.dialogue.length)).toEqual([0, 1, 1, 1, 1]);
  });

  test('notes go to the shot they were written in', () => {
    const result = breakdown('INT. A\n\nRain. [[darker?]]\n\nBOB\nHi. [[louder]]\n\nHe sits.');
    expect(result.shots.map((shot) => shot.notes)).toEqual(['darker?', 'louder', '']);
  });

  test('every shot is valid for the model', () => {
    const result = breakdown(`INT. A\n\n${speech('ANN', 2000)}> END <\n\nX.`);
    for (const shot of result.shots) shotSchema.parse(shot);
  });
});

describe('characters', () => {
  test('one per speaking name, extensions and case differences folded together', () => {
    const result = breakdown(
      'INT. A\n\nJIM (O.S.)\nHi.\n\nJIM (CONT’D)\nStill me.\n\n@Jim\nAgain.\n\nHANS (on the radio)\nHallo.',
    );
    expect(result.characters.map((character) => character.name)).toEqual(['JIM', 'HANS']);
    expect(result.shots[1]?.dialogue.map((line) => line.speaker)).toEqual([
      'JIM',
      'JIM',
      'JIM',
      'HANS',
    ]);
  });

  test('named in action as whole words in any case and alphabet', () => {
    const result = breakdown(
      `INT. A\n\n${speech('ZOË', 1)}${speech('DAN', 1)}Dante waves at Zoëlla.\n\nzoë’s turn. DAN!`,
    );
    expect(castOf(result, result.shots[2])).toEqual([]);
    expect(castOf(result, result.shots[3])).toEqual(['ZOË', 'DAN']);
  });

  test('a forced heading that names a character puts them in the establishing shot', () => {
    const result = breakdown(
      `INT. A\n\n${speech('NAK', 1)}.NAK\n\ngrins.\n\nINT. NAK’S HOUSE\n\nEmpty.`,
    );
    expect(castOf(result, result.shots[2])).toEqual(['NAK']);
    expect(castOf(result, result.shots[3])).toEqual([]);
  });

  test('a script with no dialogue has no cast', () => {
    expect(breakdown('INT. A\n\nQuiet.').characters).toEqual([]);
  });
});

test('an empty or refused document breaks down to nothing', () => {
  expect(breakdown('')).toEqual({ scenes: [], shots: [], characters: [] });
});

describe('shot lines', () => {
  test('a Fountain shot line starts a new shot with that description, framed as it says', () => {
    const result = breakdown(
      [
        'INT. KITCHEN - DAY',
        '',
        'Mary opens the envelope.',
        '',
        'CLOSE ON THE LETTER',
        'It reads: "I am sorry."',
        '',
        'MARY',
        'Oh.',
        '',
        "MARY'S POV",
        '',
        'The garden, empty.',
        '',
        'ANGLE ON MARY',
        '',
        'She sits.',
      ].join('\n'),
    );
    expect(result.shots.map((shot) => [shot.shotType, shot.action])).toEqual([
      ['WS', 'Mary opens the envelope.'],
      ['CU', 'CLOSE ON THE LETTER\nIt reads: "I am sorry."'],
      ['MCU', ''],
      ['POV', "MARY'S POV\nThe garden, empty."],
      ['MS', 'ANGLE ON MARY\nShe sits.'],
    ]);
    expect(castOf(result, result.shots[4])).toEqual(['MARY']);
    expect(result.characters.map((character) => character.name)).toEqual(['MARY']);
  });

  test('a Final Draft Shot paragraph is a shot of its own, not the action before it', () => {
    const fdx = `<?xml version="1.0"?><FinalDraft DocumentType="Script"><Content>
<Paragraph Type="Scene Heading"><Text>INT. KITCHEN - DAY</Text></Paragraph>
<Paragraph Type="Action"><Text>Mary opens the envelope.</Text></Paragraph>
<Paragraph Type="Shot"><Text>Insert - the letter</Text></Paragraph>
<Paragraph Type="Shot"><Text>WIDE ON THE KITCHEN</Text></Paragraph>
</Content></FinalDraft>`;
    let next = 0;
    const result = breakdownScript(parseScript(fdx), { createId: () => `id-${++next}` });
    expect(result.shots.map((shot) => [shot.number, shot.shotType, shot.action])).toEqual([
      ['1', 'WS', 'Mary opens the envelope.'],
      ['1A', 'INSERT', 'INSERT - THE LETTER'],
      ['1B', 'WS', 'WIDE ON THE KITCHEN'],
    ]);
  });
});
