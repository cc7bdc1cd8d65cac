import { describe, expect, test } from 'vitest';
import { parseScript, type ScriptElement } from '../index';

/** `[type, text]` pairs: what a reader of the script would call each element. */
function outline(source: string): [ScriptElement['type'], string][] {
  return parseScript(source).elements.map((element) => [element.type, element.text]);
}

function elements(source: string): readonly ScriptElement[] {
  return parseScript(source).elements;
}

describe('scene headings', () => {
  test.each([
    'INT. KITCHEN - NIGHT',
    'EXT. BEACH - DAY',
    'EST. CITY SKYLINE - DAWN',
    'INT./EXT. CAR - MOVING',
    'INT/EXT. CAR - MOVING',
    'I/E CAR - MOVING',
    'INT KITCHEN - NIGHT',
    'int. kitchen - night',
  ])('%s is a scene heading', (heading) => {
    expect(outline(`${heading}\n\nShe waits.`)[0]).toEqual(['scene_heading', heading]);
  });

  test('a forced heading drops its period', () => {
    expect(outline('.SNIPER SCOPE POV\n\nA face fills the scope.')[0]).toEqual([
      'scene_heading',
      'SNIPER SCOPE POV',
    ]);
  });

  test('.BACK TO: is a forced heading, not a transition', () => {
    expect(outline('Action.\n\n.BACK TO:\n\nMore action.')[1]).toEqual([
      'scene_heading',
      'BACK TO:',
    ]);
  });

  test('an ellipsis, ". NOT A HEADER" and .44 are action', () => {
    expect(outline('...and he falls.')).toEqual([['action', '...and he falls.']]);
    expect(outline('. NOT A HEADER')).toEqual([['action', '. NOT A HEADER']]);
    expect(outline('.44 Magnum, loaded.')).toEqual([['action', '.44 Magnum, loaded.']]);
  });

  test('scene numbers between hashes are read off the heading', () => {
    const [heading] = elements('INT. HOUSE - DAY #1A#\n\nAction.');
    expect(heading).toEqual({
      type: 'scene_heading',
      text: 'INT. HOUSE - DAY',
      sceneNumber: '1A',
      line: 1,
    });
    const [dotted] = elements('.FLASHBACK #I-1-A.#\n\nAction.');
    expect(dotted).toMatchObject({ text: 'FLASHBACK', sceneNumber: 'I-1-A.' });
  });

  test('a heading without a blank line after it is action, with a warning', () => {
    const doc = parseScript('Before.\n\nINT. HOUSE - DAY\nJohn enters.\n\n.INSIDE\nit is dark.');
    expect(doc.elements.map((element) => element.type)).toEqual(['action', 'action', 'action']);
    expect(doc.elements[1]?.text).toBe('INT. HOUSE - DAY\nJohn enters.');
    expect(doc.elements[2]?.text).toBe('INSIDE\nit is dark.');
    expect(doc.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.line)).toEqual([
      3, 6,
    ]);
  });

  test('a heading needs a blank line before it too', () => {
    expect(outline('He looks up.\nEXT. ROOF - NIGHT\n\nWind.').map(([type]) => type)).toEqual([
      'action',
      'action',
    ]);
  });
});

describe('characters and dialogue', () => {
  test('a name in capitals after a blank line, then dialogue', () => {
    expect(outline('\nSTEEL\nBeer’s ready!')).toEqual([
      ['character', 'STEEL'],
      ['dialogue', 'Beer’s ready!'],
    ]);
  });

  test('extensions are split off the name, in any case', () => {
    const cues = elements(
      'JIM (O.S.)\nHi.\n\nJULIAN (cont’d)\nStill here.\n\nHANS (on the radio)\nHello?\n\nMOM (V.O.) (CONT’D)\nAnd more.',
    ).filter((element) => element.type === 'character');
    expect(cues).toEqual([
      { type: 'character', text: 'JIM', extension: 'O.S.', line: 1 },
      { type: 'character', text: 'JULIAN', extension: 'cont’d', line: 4 },
      { type: 'character', text: 'HANS', extension: 'on the radio', line: 7 },
      { type: 'character', text: 'MOM', extension: 'V.O. CONT’D', line: 10 },
    ]);
  });

  test('capitals are recognised in any alphabet; caseless names need @', () => {
    expect(outline('ZOË\nBonjour.')[0]).toEqual(['character', 'ZOË']);
    expect(outline('ЖЕНЯ\nПривет.')[0]).toEqual(['character', 'ЖЕНЯ']);
    expect(outline('R2D2\nBeep.')[0]).toEqual(['character', 'R2D2']);
    expect(outline('23\nNot a name.')[0]?.[0]).toBe('action');
    expect(outline('@李\n你好。')[0]).toEqual(['character', '李']);
  });

  test('@ forces a name and keeps its case', () => {
    expect(outline('@McCLANE\nYippee ki-yay.')).toEqual([
      ['character', 'McCLANE'],
      ['dialogue', 'Yippee ki-yay.'],
    ]);
  });

  test('a line in capitals with no blank line before it is action', () => {
    expect(outline('The door opens.\nSTEEL\nwalks in.')).toEqual([
      ['action', 'The door opens.\nSTEEL\nwalks in.'],
    ]);
  });

  test('a line in capitals with a blank line after it is action', () => {
    expect(outline('BANG\n\nEveryone ducks.')).toEqual([
      ['action', 'BANG'],
      ['action', 'Everyone ducks.'],
    ]);
  });

  test('parentheticals break dialogue into parts', () => {
    expect(outline('STEEL\nThey’re coming!\n(pause)\nEverybody!\n(beat)\nSniper?')).toEqual([
      ['character', 'STEEL'],
      ['dialogue', 'They’re coming!'],
      ['parenthetical', '(pause)'],
      ['dialogue', 'Everybody!'],
      ['parenthetical', '(beat)'],
      ['dialogue', 'Sniper?'],
    ]);
  });

  test('consecutive dialogue lines are one element; indentation is ignored', () => {
    expect(outline('\t\t\tDAN\n\tThen let’s retire them.\n\t_Permanently_.')).toEqual([
      ['character', 'DAN'],
      ['dialogue', 'Then let’s retire them.\n_Permanently_.'],
    ]);
  });

  test('a line of exactly two spaces keeps a speech going across an empty line', () => {
    expect(outline('DEALER\nTen.\nFour.\n  \nDealer wins.\n\nHe leaves.')).toEqual([
      ['character', 'DEALER'],
      ['dialogue', 'Ten.\nFour.\n\nDealer wins.'],
      ['action', 'He leaves.'],
    ]);
  });

  test('^ marks the second speaker of dual dialogue, the first becomes left', () => {
    const cues = elements('STEEL\nScrew retirement.\n\nBRICK ^\nScrew retirement.').filter(
      (element) => element.type === 'character',
    );
    expect(cues).toEqual([
      { type: 'character', text: 'STEEL', dual: 'left', line: 1 },
      { type: 'character', text: 'BRICK', dual: 'right', line: 4 },
    ]);
  });

  test('^ with no speech right before it is only a warning', () => {
    const doc = parseScript('He sits.\n\nBRICK ^\nHi.');
    expect(doc.elements[1]).toEqual({ type: 'character', text: 'BRICK', line: 3 });
    expect(doc.diagnostics).toContainEqual(expect.objectContaining({ line: 3 }));
  });

  test('lyrics start with a tilde, inside or outside dialogue', () => {
    expect(outline('~Willy Wonka! Willy Wonka!\n~The amazing chocolatier!')).toEqual([
      ['lyrics', 'Willy Wonka! Willy Wonka!\nThe amazing chocolatier!'],
    ]);
    expect(outline('WONKA\n~Come with me')[1]).toEqual(['lyrics', 'Come with me']);
  });
});

describe('transitions and centered text', () => {
  test('a line in capitals ending in TO: between blank lines is a transition', () => {
    expect(outline('Action.\n\nSMASH CUT TO:\n\nMore.')[1]).toEqual([
      'transition',
      'SMASH CUT TO:',
    ]);
    expect(outline('Action.\n\n\t\t\t\tCUT TO:\n\nMore.')[1]).toEqual(['transition', 'CUT TO:']);
  });

  test('> forces a transition; >text< is centered', () => {
    expect(outline('> Burn to white.')).toEqual([['transition', 'Burn to white.']]);
    expect(outline('>THE END<')).toEqual([['centered', 'THE END']]);
    expect(outline('> BRICK & STEEL <\n> FULL RETIRED <')).toEqual([
      ['centered', 'BRICK & STEEL\nFULL RETIRED'],
    ]);
  });

  test('FADE OUT. without > is action, as Fountain 1.1 says', () => {
    expect(outline('She smiles.\n\nFADE OUT.')[1]).toEqual(['action', 'FADE OUT.']);
  });
});

describe('action', () => {
  test('! forces action', () => {
    expect(outline('!SCANNING THE AISLES\nnothing.')).toEqual([
      ['action', 'SCANNING THE AISLES\nnothing.'],
    ]);
    expect(outline('!INT. NOT A HEADING\n\nx')[0]).toEqual(['action', 'INT. NOT A HEADING']);
  });

  test('keeps indentation, turns tabs into four spaces, and splits at blank lines', () => {
    expect(outline('\tIndented.\n  Two spaces.\n\nNext beat.')).toEqual([
      ['action', '    Indented.\n  Two spaces.'],
      ['action', 'Next beat.'],
    ]);
  });

  test('emphasis markup is kept as written', () => {
    expect(outline('_Steel’s face FILLS the *Leupold* scope_ \\*not bold\\*')[0]?.[1]).toBe(
      '_Steel’s face FILLS the *Leupold* scope_ \\*not bold\\*',
    );
  });
});

describe('structure', () => {
  test('sections carry their depth; closing hashes are decoration', () => {
    expect(elements('# ACT I\n\n## Meet Scott ##\n\n### Scott’s Apartment')).toEqual([
      { type: 'section', text: 'ACT I', depth: 1, line: 1 },
      { type: 'section', text: 'Meet Scott', depth: 2, line: 3 },
      { type: 'section', text: 'Scott’s Apartment', depth: 3, line: 5 },
    ]);
  });

  test('synopses start with =, page breaks are === alone', () => {
    expect(outline('= Two hit men.\n\n===\n\nAction.')).toEqual([
      ['synopsis', 'Two hit men.'],
      ['page_break', ''],
      ['action', 'Action.'],
    ]);
  });
});

describe('source lines', () => {
  test('every element knows the 1-based line it starts on, whatever the line ends', () => {
    const lf = elements('INT. A - DAY\n\nAction.\n\nBOB\nHi.');
    const crlf = elements('INT. A - DAY\r\n\r\nAction.\r\n\r\nBOB\r\nHi.');
    const cr = elements('INT. A - DAY\r\rAction.\r\rBOB\rHi.');
    const mixed = elements('\uFEFFINT. A - DAY\n\r\nAction.\r\rBOB\r\nHi.');
    expect(lf.map((element) => element.line)).toEqual([1, 3, 5, 6]);
    expect(crlf).toEqual(lf);
    expect(cr).toEqual(lf);
    expect(mixed).toEqual(lf);
  });
});
