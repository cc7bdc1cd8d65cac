import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { scriptDocument } from '../testing/documents';
import { comparableDocument, parseScript, toFdx, type ScriptDocument } from '../index';

const doc = scriptDocument;

function roundTrip(document: ScriptDocument): ScriptDocument {
  return parseScript(toFdx(document), { format: 'fdx' });
}

describe('toFdx', () => {
  test('writes well-formed Final Draft XML with one Paragraph per element', () => {
    const xml = toFdx(
      doc([
        { type: 'scene_heading', text: 'INT. HOUSE - DAY', sceneNumber: '1' },
        { type: 'action', text: 'John waits.' },
        { type: 'character', text: 'JOHN', extension: 'V.O.' },
        { type: 'dialogue', text: 'Hello.' },
      ]),
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<FinalDraft DocumentType="Script" Template="No" Version="5">');
    expect(xml).toContain('<Paragraph Type="Scene Heading" Number="1">');
    expect(xml).toContain('<Text>JOHN (V.O.)</Text>');
  });

  test('escapes XML and drops characters XML cannot hold', () => {
    const document = doc([
      { type: 'action', text: 'Fish & chips <3 "quoted" \'single\' ]]> done' },
      { type: 'action', text: 'Bell\u0007 and \uFFFF gone, \uD83C\uDFAC kept, lone \uD800 gone' },
    ]);
    const xml = toFdx(document);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain("Fish &amp; chips &lt;3 &quot;quoted&quot; 'single' ]]&gt; done");
    expect(roundTrip(document).elements.map((element) => element.text)).toEqual([
      'Fish & chips <3 "quoted" \'single\' ]]> done',
      'Bell and  gone, 🎬 kept, lone  gone',
    ]);
  });

  test('emphasis becomes styled runs and comes back as the same markup', () => {
    const document = doc([
      { type: 'action', text: '_Steel’s face FILLS the *Leupold Mark 4* scope_. **\\*9765\\***' },
    ]);
    const xml = toFdx(document);
    expect(xml).toContain('<Text Style="Italic+Underline">Leupold Mark 4</Text>');
    expect(xml).toContain('<Text Style="Bold">*9765*</Text>');
    expect(roundTrip(document).elements[0]?.text).toBe(document.elements[0]?.text);
  });

  test('dual dialogue, summaries, notes, sections and page breaks round-trip', () => {
    const document = doc(
      [
        { type: 'section', text: 'ACT ONE', depth: 1 },
        { type: 'scene_heading', text: 'EXT. POOL - DAY', sceneNumber: '3' },
        { type: 'synopsis', text: 'They toast.' },
        { type: 'note', text: 'Check the lens.' },
        { type: 'character', text: 'STEEL', dual: 'left' },
        { type: 'dialogue', text: 'Screw retirement.' },
        { type: 'character', text: 'BRICK', dual: 'right' },
        { type: 'parenthetical', text: '(raising a beer)' },
        { type: 'dialogue', text: 'Screw retirement.' },
        { type: 'note', text: 'Louder?' },
        { type: 'page_break', text: '' },
        { type: 'centered', text: 'THE END' },
        { type: 'lyrics', text: 'La la\nla' },
        { type: 'page_break', text: '' },
        { type: 'page_break', text: '' },
      ],
      {
        title: '_**BRICK & STEEL**_\n_**FULL RETIRED**_',
        credit: 'Written by',
        author: 'Stu Maschwitz',
        source: 'Story by KTM',
        'draft date': '1/27/2012',
        contact: 'Next Level Productions\n1588 Mission Dr.',
      },
    );
    const xml = toFdx(document);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toMatch(/<SceneProperties>\s*<Summary>\s*<Paragraph>\s*<Text>They toast\.<\/Text>/);
    expect(xml).toContain('<DualDialogue>');
    expect(xml).toContain('<Paragraph Type="Action" Alignment="Center" StartsNewPage="Yes">');
    expect(comparableDocument(roundTrip(document))).toEqual(comparableDocument(document));
  });

  test('Final Draft shows headings, names and transitions in capitals, so they come back so', () => {
    const document = doc([
      { type: 'scene_heading', text: 'int. kitchen - night' },
      { type: 'character', text: 'McCLANE', extension: 'on the radio' },
      { type: 'dialogue', text: 'Yippee ki-yay.' },
      { type: 'transition', text: 'Burn to white.' },
    ]);
    expect(roundTrip(document).elements.map((element) => element.text)).toEqual([
      'INT. KITCHEN - NIGHT',
      'MCCLANE',
      'Yippee ki-yay.',
      'BURN TO WHITE.',
    ]);
    expect(roundTrip(document).elements[1]).toMatchObject({ extension: 'ON THE RADIO' });
  });
});
