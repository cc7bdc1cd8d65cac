import { describe, expect, test } from 'vitest';
import { parsePdfScript, parseScript, toFdx, toFountain, type ScriptDocument } from './index';
import { isShotLine } from './shots';
import { screenplayPdf } from './testing/screenplayPdf';

function outline(doc: ScriptDocument): [string, string][] {
  return doc.elements.map((element) => [element.type, element.text]);
}

describe('shot lines', () => {
  test('camera directions in capitals are shots', () => {
    for (const line of [
      'CLOSE ON THE LETTER',
      'ANGLE ON BRICK',
      'ANOTHER ANGLE',
      "SARAH'S POV",
      'POV - THROUGH THE SCOPE',
      'INSERT - THE NOTE',
      'INSERT',
      'WIDE SHOT',
      'WIDER',
      'CLOSE-UP: HER HANDS',
      'EXTREME CLOSE UP ON THE EYE',
      'THE GARAGE - WIDE SHOT',
      'BRICK - CLOSE UP',
      'BACK TO SCENE',
      'ON THE TV SCREEN',
      'TRACKING SHOT - THE CAR',
      'PAN TO THE WINDOW',
    ])
      expect(isShotLine(line), line).toBe(true);
  });

  test('names, transitions, sentences and mixed case are not', () => {
    for (const line of [
      'BRICK',
      'MARY (V.O.)',
      'DR. ANGLETON',
      'THE TRIANGLE',
      'BUCKSHOT',
      'CUT TO:',
      'BACK TO:',
      'INSERTION',
      'ON THE WALL, A CLOCK TICKS.',
      'CLOSER AND CLOSER THE TRAIN COMES!',
      'THE DOOR EXPLODES!',
      'Close on the letter',
      'WIDE-EYED',
      'PANDEMONIUM',
    ])
      expect(isShotLine(line), line).toBe(false);
  });

  test('in Fountain, a shot line inside a scene is a shot, even with action right under it', () => {
    const doc = parseScript(
      [
        'INT. KITCHEN - DAY',
        '',
        'Mary opens the envelope.',
        '',
        'CLOSE ON THE LETTER',
        'It reads: "I am sorry."',
        '',
        'ANGLE ON BRICK',
        '',
        'He looks away.',
        '',
        'BRICK',
        'What?',
        '',
        'CUT TO:',
        '',
        'EXT. YARD - DAY',
      ].join('\n'),
    );
    expect(outline(doc)).toEqual([
      ['scene_heading', 'INT. KITCHEN - DAY'],
      ['action', 'Mary opens the envelope.'],
      ['shot', 'CLOSE ON THE LETTER'],
      ['action', 'It reads: "I am sorry."'],
      ['shot', 'ANGLE ON BRICK'],
      ['action', 'He looks away.'],
      ['character', 'BRICK'],
      ['dialogue', 'What?'],
      ['transition', 'CUT TO:'],
      ['scene_heading', 'EXT. YARD - DAY'],
    ]);
  });

  test('a shot line with no blank line before it is action, as any capitals there are', () => {
    expect(outline(parseScript('He runs.\nCLOSE ON HIS FEET'))).toEqual([
      ['action', 'He runs.\nCLOSE ON HIS FEET'],
    ]);
  });

  test('Final Draft "Shot" paragraphs are shots, in capitals as Final Draft shows them', () => {
    const doc = parseScript(
      `<?xml version="1.0"?><FinalDraft DocumentType="Script"><Content>
<Paragraph Type="Scene Heading"><Text>INT. KITCHEN - DAY</Text></Paragraph>
<Paragraph Type="Shot"><Text>close on the letter</Text></Paragraph>
<Paragraph Type="Action"><Text>It trembles.</Text></Paragraph>
</Content></FinalDraft>`,
    );
    expect(outline(doc)).toEqual([
      ['scene_heading', 'INT. KITCHEN - DAY'],
      ['shot', 'CLOSE ON THE LETTER'],
      ['action', 'It trembles.'],
    ]);
    expect(doc.diagnostics).toEqual([]);
  });

  test('shots survive Fountain and FDX; one Fountain cannot mark comes back as action', () => {
    const doc = parseScript('INT. A - DAY\n\nCLOSE ON THE LETTER\n\nIt burns.');
    expect(outline(parseScript(toFountain(doc)))).toEqual(outline(doc));
    expect(toFdx(doc)).toContain('<Paragraph Type="Shot">');
    expect(outline(parseScript(toFdx(doc), { format: 'fdx' }))).toEqual(outline(doc));

    const unmarked: ScriptDocument = {
      titlePage: {},
      elements: [
        { type: 'scene_heading', text: 'INT. A - DAY', line: 1 },
        { type: 'shot', text: 'THE LETTER', line: 2 },
      ],
      diagnostics: [],
    };
    expect(outline(parseScript(toFountain(unmarked)))).toEqual([
      ['scene_heading', 'INT. A - DAY'],
      ['action', 'THE LETTER'],
    ]);
  });

  test('in a PDF, a shot line at the action margin after a blank line is a shot', async () => {
    const doc = parseScript(
      'INT. KITCHEN - DAY\n\nMary reads.\n\nCLOSE ON THE LETTER\n\nIt trembles.\n\nMARY\nNo.',
    );
    const read = await parsePdfScript(screenplayPdf(doc));
    expect(outline(read)).toEqual(outline(doc));
    expect(read.elements[2]).toMatchObject({ type: 'shot', text: 'CLOSE ON THE LETTER' });
  }, 30_000);
});
