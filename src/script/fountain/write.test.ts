import { describe, expect, test } from 'vitest';
import { readScreenplay } from '../../../tests/helpers/fixtures';
import { scriptDocument } from '../testing/documents';
import { comparableDocument, parseScript, toFountain, type ScriptDocument } from '../index';

const doc = scriptDocument;

function expectRoundTrip(document: ScriptDocument): string {
  const text = toFountain(document);
  expect(comparableDocument(parseScript(text)), text).toEqual(comparableDocument(document));
  return text;
}

describe('toFountain', () => {
  test('writes plain Fountain when nothing needs forcing', () => {
    const text = expectRoundTrip(
      doc(
        [
          { type: 'scene_heading', text: 'EXT. BRICK’S PATIO - DAY', sceneNumber: '1' },
          { type: 'action', text: 'A gorgeous day.' },
          { type: 'character', text: 'STEEL', extension: 'V.O.' },
          { type: 'parenthetical', text: '(beer raised)' },
          { type: 'dialogue', text: 'To retirement.\n\nAnd beyond.' },
          { type: 'transition', text: 'SMASH CUT TO:' },
        ],
        { title: 'BRICK & STEEL', contact: 'Next Level\nSolvang, CA' },
      ),
    );
    expect(text).toBe(
      [
        'Title: BRICK & STEEL',
        'Contact:',
        '    Next Level',
        '    Solvang, CA',
        '',
        'EXT. BRICK’S PATIO - DAY #1#',
        '',
        'A gorgeous day.',
        '',
        'STEEL (V.O.)',
        '(beer raised)',
        'To retirement.',
        '  ',
        'And beyond.',
        '',
        'SMASH CUT TO:',
        '',
      ].join('\n'),
    );
  });

  test('forces what would read as something else', () => {
    const text = expectRoundTrip(
      doc([
        { type: 'scene_heading', text: 'SNIPER SCOPE POV' },
        { type: 'action', text: 'INT. NOT A HEADING\nBOB\n# not a section\n  > indented' },
        { type: 'character', text: 'McCLANE' },
        { type: 'dialogue', text: 'Yippee.' },
        { type: 'transition', text: 'Burn to white.' },
        { type: 'action', text: 'CUT TO:' },
        { type: 'action', text: 'BANG\nIt echoes.' },
      ]),
    );
    expect(text).toContain('.SNIPER SCOPE POV');
    expect(text).toContain('!INT. NOT A HEADING\nBOB\n!# not a section\n!  > indented');
    expect(text).toContain('@McCLANE');
    expect(text).toContain('> Burn to white.');
    expect(text).toContain('!CUT TO:');
    expect(text).toContain('!BANG\nIt echoes.');
  });

  test('keeps blank lines between action paragraphs and notes in place', () => {
    const text = expectRoundTrip(
      doc([
        { type: 'note', text: 'First thing.' },
        { type: 'action', text: 'One.' },
        { type: 'note', text: 'After one.' },
        { type: 'action', text: '\n\nThree blank lines before this.' },
        { type: 'character', text: 'BOB' },
        { type: 'note', text: 'Before the line.' },
        { type: 'dialogue', text: 'Hi.' },
      ]),
    );
    expect(text).toBe(
      '[[First thing.]]\n\nOne.\n[[After one.]]\n\n\n\nThree blank lines before this.\n\nBOB\n[[Before the line.]]\nHi.\n',
    );
  });

  test('an action that looks like a title page key is forced, so it is not read as one', () => {
    expectRoundTrip(doc([{ type: 'action', text: 'Note: nobody moves.' }]));
  });

  test('dual dialogue, lyrics, centred text, sections, synopses and page breaks', () => {
    expectRoundTrip(
      doc([
        { type: 'section', text: 'Act One', depth: 1 },
        { type: 'synopsis', text: 'It begins.' },
        { type: 'character', text: 'STEEL', dual: 'left' },
        { type: 'dialogue', text: 'Screw retirement.' },
        { type: 'character', text: 'BRICK', dual: 'right' },
        { type: 'lyrics', text: 'Screw\nretirement' },
        { type: 'lyrics', text: 'A new verse' },
        { type: 'page_break', text: '' },
        { type: 'centered', text: 'THE END' },
      ]),
    );
  });

  test('every Fountain fixture reads back from its own Fountain', () => {
    for (const name of [
      'brick_and_steel.fountain',
      'the_last_birthday_card.fountain',
      'wildwinter_TestFDX-FD.fountain',
    ]) {
      expectRoundTrip(parseScript(readScreenplay(name)));
    }
  });
});
