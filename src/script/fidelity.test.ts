import { describe, expect, test } from 'vitest';
import { emphasisSpans, parsePdfScript, parseScript, type ScriptDocument } from './index';
import { writeTestPdf } from './testing/pdfWriter';

/**
 * Parser fidelity: each of these was found on a real script (issue 17, "Parser fidelity").
 */
function outline(doc: ScriptDocument): [string, string][] {
  return doc.elements.map((element) => [element.type, element.text]);
}

function fdx(content: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<FinalDraft DocumentType="Script" Version="5">\n<Content>\n${content}\n</Content>\n</FinalDraft>`;
}

const p = (type: string, text: string): string =>
  `<Paragraph Type="${type}"><Text>${text}</Text></Paragraph>`;

describe('parser fidelity', () => {
  test('a boneyard spanning lines does not join the line before it to the line after it', () => {
    const doc = parseScript(
      [
        'INT. KITCHEN - DAY',
        '',
        'Bob eats.',
        '',
        'CUT TO:',
        '/*',
        'INT. CELLAR - NIGHT',
        '',
        'A scene the writer cut.',
        '*/',
        'INT. HOUSE - DAY',
        '',
        'Mary waits.',
      ].join('\n'),
    );
    expect(outline(doc)).toEqual([
      ['scene_heading', 'INT. KITCHEN - DAY'],
      ['action', 'Bob eats.'],
      ['transition', 'CUT TO:'],
      ['scene_heading', 'INT. HOUSE - DAY'],
      ['action', 'Mary waits.'],
    ]);
    expect(doc.elements[3]?.line).toBe(11);
  });

  test('text around a boneyard that crosses lines stays on two lines', () => {
    expect(outline(parseScript('He runs. /* cut\nthis */ He stops.'))).toEqual([
      ['action', 'He runs.\nHe stops.'],
    ]);
  });

  test('an FDX parenthetical split across consecutive Parenthetical paragraphs is one parenthetical', () => {
    const doc = parseScript(
      fdx(
        [
          p('Character', 'BOB'),
          p('Parenthetical', '(looking at the letter,'),
          p('Parenthetical', 'then at her)'),
          p('Dialogue', 'You wrote this?'),
        ].join('\n'),
      ),
    );
    expect(outline(doc)).toEqual([
      ['character', 'BOB'],
      ['parenthetical', '(looking at the letter, then at her)'],
      ['dialogue', 'You wrote this?'],
    ]);
  });

  test('emphasis runs across line breaks within one element', () => {
    expect(emphasisSpans('*one\ntwo*')).toEqual([
      { text: 'one', bold: false, italic: true, underline: false },
      { text: '\n', bold: false, italic: false, underline: false },
      { text: 'two', bold: false, italic: true, underline: false },
    ]);
    const doc = parseScript('BOB\n**Never. Ever.\nNot once.**', { spans: true });
    expect(doc.elements[1]?.spans).toEqual([
      { text: 'Never. Ever.', bold: true, italic: false, underline: false },
      { text: '\n', bold: false, italic: false, underline: false },
      { text: 'Not once.', bold: true, italic: false, underline: false },
    ]);
  });

  test('a dual-dialogue caret before or after an extension is never part of the name', () => {
    const doc = parseScript(
      'BRICK\nScrew retirement.\n\nSTEEL ^ (V.O.)\nScrew retirement.\n\nThey glare.\n\n' +
        'STEEL\nAgain.\n\nBRICK (CONT’D)^\nAgain.',
    );
    const cues = doc.elements.filter((element) => element.type === 'character');
    expect(cues).toEqual([
      { type: 'character', text: 'BRICK', line: 1, dual: 'left' },
      { type: 'character', text: 'STEEL', extension: 'V.O.', dual: 'right', line: 4 },
      { type: 'character', text: 'STEEL', line: 9, dual: 'left' },
      { type: 'character', text: 'BRICK', extension: 'CONT’D', dual: 'right', line: 12 },
    ]);
  });

  test('an all-caps line that reads as a sentence is action and never a character', () => {
    const doc = parseScript(
      'INT. GARAGE - DAY\n\nTHE DOOR EXPLODES INWARD!\nSmoke everywhere.\n\nWHO IS THERE?\nNobody answers.\n\nBOB\nHello?',
    );
    expect(outline(doc)).toEqual([
      ['scene_heading', 'INT. GARAGE - DAY'],
      ['action', 'THE DOOR EXPLODES INWARD!\nSmoke everywhere.'],
      ['action', 'WHO IS THERE?\nNobody answers.'],
      ['character', 'BOB'],
      ['dialogue', 'Hello?'],
    ]);
  });

  test('a note containing a blank line, as Final Draft exports it, is one note with a warning', () => {
    const doc = parseScript(
      'INT. HOUSE - DAY\n\nBob sits. [[First thought.\n\nSecond thought.]]\n\nINT. YARD - DAY\n\nMary runs.',
    );
    expect(outline(doc)).toEqual([
      ['scene_heading', 'INT. HOUSE - DAY'],
      ['action', 'Bob sits.'],
      ['note', 'First thought.\n\nSecond thought.'],
      ['scene_heading', 'INT. YARD - DAY'],
      ['action', 'Mary runs.'],
    ]);
    expect(doc.diagnostics).toContainEqual(
      expect.objectContaining({
        line: 3,
        severity: 'warning',
        message: expect.stringMatching(/blank line/),
      }),
    );
  });

  test('in a PDF, a wrapped dialogue line that starts with (CONT’D) stays dialogue', async () => {
    const line = (row: number): number => 720 - row * 12;
    const pdf = writeTestPdf([
      {
        kind: 'text',
        texts: [
          { x: 108, y: line(0), text: 'INT. GARAGE - DAY' },
          { x: 108, y: line(2), text: 'Steel checks the engine.' },
          { x: 266.4, y: line(4), text: 'STEEL' },
          { x: 180, y: line(5), text: 'Something is wrong with this car, and' },
          { x: 180, y: line(6), text: "(CONT'D) is what I will say again." },
          { x: 180, y: line(7), text: 'Listen.' },
          { x: 108, y: line(9), text: 'Brick shrugs.' },
          { x: 266.4, y: line(11), text: 'BRICK' },
          { x: 223.2, y: line(12), text: '(tired)' },
          { x: 180, y: line(13), text: 'Fine.' },
        ],
      },
    ]);
    const doc = await parsePdfScript(pdf);
    expect(outline(doc)).toEqual([
      ['scene_heading', 'INT. GARAGE - DAY'],
      ['action', 'Steel checks the engine.'],
      ['character', 'STEEL'],
      [
        'dialogue',
        "Something is wrong with this car, and (CONT'D) is what I will say again. Listen.",
      ],
      ['action', 'Brick shrugs.'],
      ['character', 'BRICK'],
      ['parenthetical', '(tired)'],
      ['dialogue', 'Fine.'],
    ]);
  });
});
