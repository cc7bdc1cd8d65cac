import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { readScreenplay } from '../../tests/helpers/fixtures';
import {
  comparableDocument,
  parseScript,
  sameScript,
  toFdx,
  toFountain,
  type ScriptDocument,
  type ScriptElement,
} from './index';

function parseFixture(name: string): ScriptDocument {
  return parseScript(readScreenplay(name));
}

const ALL_FIXTURES = [
  'brick_and_steel.fountain',
  'the_last_birthday_card.fountain',
  'wildwinter_TestFDX-FD.fountain',
  'wildwinter_TestFDX-FD.finaldraft.fdx',
  'wildwinter_TestFDX-FI.fadein.fdx',
  'sfss_croatian.finaldraft.fdx',
];

function ofType<T extends ScriptElement['type']>(doc: ScriptDocument, type: T): ScriptElement[] {
  return doc.elements.filter((element) => element.type === type);
}

function speakers(doc: ScriptDocument): string[] {
  return [...new Set(ofType(doc, 'character').map((element) => element.text))];
}

describe('Brick & Steel (fountain.io sample; CRLF body, LF title page, tab-indented cues)', () => {
  const doc = parseFixture('brick_and_steel.fountain');

  test('has the published 8 scenes and 7 speaking characters', () => {
    expect(ofType(doc, 'scene_heading').map((element) => element.text)).toEqual([
      "EXT. BRICK'S PATIO - DAY",
      'INT. TRAILER HOME - DAY',
      "EXT. BRICK'S POOL - DAY",
      'SNIPER SCOPE POV',
      'OPENING TITLES',
      'EXT. WOODEN SHACK - DAY',
      'INT. GARAGE - DAY',
      'EXT. PALATIAL MANSION - DAY',
    ]);
    expect(speakers(doc)).toEqual([
      'STEEL',
      'BRICK',
      'JACK',
      'DAN',
      'COGNITO',
      'MINION',
      'HANDSOME MAN',
    ]);
  });

  test('reads the title page, with values continued on tab-indented lines', () => {
    expect(doc.titlePage).toEqual({
      title: '_**BRICK & STEEL**_\n_**FULL RETIRED**_',
      credit: 'Written by',
      author: 'Stu Maschwitz',
      source: 'Story by KTM',
      'draft date': '1/27/2012',
      contact: 'Next Level Productions\n1588 Mission Dr.\nSolvang, CA 93463',
    });
  });

  test('finds the dual dialogue, the transitions and the title cards', () => {
    expect(ofType(doc, 'character').filter((element) => 'dual' in element)).toEqual([
      { type: 'character', text: 'STEEL', dual: 'left', line: 45 },
      { type: 'character', text: 'BRICK', dual: 'right', line: 48 },
    ]);
    expect(ofType(doc, 'transition').map((element) => element.text)).toEqual([
      'SMASH CUT TO:',
      'CUT TO:',
      'CUT TO:',
      'SMASH CUT TO:',
      'CUT TO:',
      'CUT TO:',
      'BURN TO PINK.',
    ]);
    expect(ofType(doc, 'centered').map((element) => element.text)).toEqual([
      'BRICK BRADDOCK\n& DICK STEEL IN',
      'BRICK & STEEL\nFULL RETIRED',
      'THE END',
    ]);
  });

  test('has 20 speeches, 6 parentheticals and 20 action paragraphs', () => {
    expect(ofType(doc, 'character')).toHaveLength(20);
    expect(ofType(doc, 'parenthetical').map((element) => element.text)).toEqual([
      '(beer raised)',
      '(in Vietnamese, subtitled)',
      '(pause)',
      '(pause)',
      '(oh crap)',
      '(starting the engine)',
    ]);
    expect(ofType(doc, 'action')).toHaveLength(20);
    expect(doc.diagnostics).toEqual([]);
  });
});

describe('The Last Birthday Card (sections, synopses, forced headings)', () => {
  const doc = parseFixture('the_last_birthday_card.fountain');

  test('has 48 scenes: 25 INT/EXT headings and 23 forced with a period', () => {
    const headings = ofType(doc, 'scene_heading');
    expect(headings).toHaveLength(48);
    expect(headings.filter((element) => /^(INT|EXT)[. ]/.test(element.text))).toHaveLength(25);
    expect(headings[2]).toEqual({ type: 'scene_heading', text: 'BACK IN THE APARTMENT', line: 34 });
  });

  test('keeps its outline: 3 acts, sections to depth 3, 7 synopses', () => {
    const sections = doc.elements.filter((element) => element.type === 'section');
    expect(
      sections.filter((element) => element.depth === 1).map((element) => element.text),
    ).toEqual(['ACT I', 'ACT II: A New Day', 'ACT III: The Showdown']);
    expect(sections).toHaveLength(28);
    expect(sections.map((element) => element.depth)).not.toContain(4);
    expect(ofType(doc, 'synopsis')).toHaveLength(7);
    expect(ofType(doc, 'synopsis')[0]?.text).toBe(
      'Meet the players and set up the world. Two hit men with very different lives.',
    );
  });

  test('has 12 speaking characters, one of them off screen', () => {
    expect(speakers(doc)).toEqual([
      'BAXTER',
      'SCOTT',
      'NAK',
      'WOMAN',
      'BILLUPS',
      'NANCY',
      'ART GIRL',
      'VOICE',
      'NEWSCASTER',
      'THE BOSS',
      'SOPHISTICATED WOMAN',
      'MALE VOICE',
    ]);
    expect(doc.elements).toContainEqual({
      type: 'character',
      text: 'THE BOSS',
      extension: 'O.S.',
      line: 584,
    });
  });

  test('reads plain FADE OUT. as action and > FADE OUT. as a transition', () => {
    const fadeOuts = doc.elements.filter((element) => element.text === 'FADE OUT.');
    expect(fadeOuts.map((element) => element.type)).toEqual([
      'action',
      'action',
      'action',
      'transition',
      'transition',
    ]);
  });

  test('keeps the indentation of the card read out in action', () => {
    expect(doc.elements).toContainEqual({
      type: 'action',
      text: '          Jacob Billups\n          Palace Hotel, RM 412\n          1:00 pm tomorrow',
      line: 44,
    });
  });

  test('parses without warnings', () => {
    expect(doc.diagnostics).toEqual([]);
  });
});

describe('wildwinter TestFDX-FD (scene numbers, an off-screen voice, no title page)', () => {
  const doc = parseFixture('wildwinter_TestFDX-FD.fountain');

  test('reads both scene numbers and the four speakers', () => {
    expect(ofType(doc, 'scene_heading')).toEqual([
      { type: 'scene_heading', text: 'INT. RADIO STUDIO', sceneNumber: '1', line: 1 },
      { type: 'scene_heading', text: 'EXT. OUTSIDE THE FOOD STORE', sceneNumber: '2', line: 19 },
    ]);
    expect(speakers(doc)).toEqual(['DJ', 'DAVE', 'JIM', 'KAY']);
    expect(doc.elements).toContainEqual({
      type: 'character',
      text: 'JIM',
      extension: 'O.S.',
      line: 14,
    });
    expect(doc.titlePage).toEqual({});
  });

  test('ends on a forced transition with no newline after it', () => {
    expect(doc.elements.at(-1)).toEqual({ type: 'transition', text: 'FADE TO BLACK', line: 26 });
    expect(doc.elements).toHaveLength(16);
  });
});

describe('every fixture', () => {
  test.each(ALL_FIXTURES)('%s reads without errors and survives both writers unchanged', (name) => {
    const doc = parseFixture(name);
    expect(doc.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(sameScript(parseScript(toFountain(doc), { format: 'fountain' }), doc)).toBe(true);
    expect(sameScript(parseScript(toFdx(doc), { format: 'fdx' }), doc)).toBe(true);
  });
});

describe('one script from three programs agrees', () => {
  const fountain = parseFixture('wildwinter_TestFDX-FD.fountain');

  test.each(['wildwinter_TestFDX-FD.finaldraft.fdx', 'wildwinter_TestFDX-FI.fadein.fdx'])(
    '%s has the elements of the Fountain version, scene numbers and extensions included',
    (name) => {
      const fdx = parseFixture(name);
      expect(comparableDocument(fdx, { rendered: true }).elements).toEqual(
        comparableDocument(fountain, { rendered: true }).elements,
      );
      expect(fdx.diagnostics).toEqual([]);
    },
  );

  test('both FDX files read the same title page (the Fountain file has none)', () => {
    const expected = {
      title: '_FDX Test Script_',
      credit: 'Written by',
      author: 'Ian',
      copyright: 'Copyright (c) 2026',
      'draft date': 'Draft\ninformation',
      contact: 'Contact\ninformation',
    };
    expect(parseFixture('wildwinter_TestFDX-FD.finaldraft.fdx').titlePage).toEqual(expected);
    expect(parseFixture('wildwinter_TestFDX-FI.fadein.fdx').titlePage).toEqual(expected);
  });
});

describe('sfss Croatian FDX (Croatian text, mixed-case names, parentheticals without brackets)', () => {
  const source = readScreenplay('sfss_croatian.finaldraft.fdx');
  const doc = parseScript(source);

  test('has 26 scenes, numbered 1 to 26, and two speakers in capitals', () => {
    const headings = ofType(doc, 'scene_heading');
    expect(headings).toHaveLength(26);
    expect(headings.map((element) => (element as { sceneNumber?: string }).sceneNumber)).toEqual(
      Array.from({ length: 26 }, (_, index) => String(index + 1)),
    );
    expect(headings.slice(0, 3).map((element) => element.text)).toEqual([
      'SEQ. UVODNA ŠPICA',
      'INT. DNEVNA SOBA - NOĆ',
      'INT. SPAVAĆA SOBA - NOĆ',
    ]);
    expect(speakers(doc)).toEqual(['DINKO', 'TARA']);
    expect(doc.elements).toContainEqual(
      expect.objectContaining({ type: 'character', text: 'DINKO', extension: 'O.S.' }),
    );
  });

  test('parentheticals get their brackets', () => {
    expect(
      ofType(doc, 'parenthetical')
        .map((element) => element.text)
        .slice(0, 3),
    ).toEqual([
      '(viče joj)',
      '(pjevuši Placebo s uvodne sam za sebe)',
      '(popusti osmijehu kad ju pogleda)',
    ]);
  });

  test('every line of dialogue is its Text runs joined exactly', () => {
    // Read independently of the FDX reader: the XML parser's plain object form.
    const xml = new XMLParser({
      ignoreAttributes: false,
      trimValues: false,
      isArray: (name) => name === 'Paragraph' || name === 'Text',
    });
    const paragraphs = (
      xml.parse(source) as { FinalDraft: { Content: { Paragraph: RawParagraph[] } } }
    ).FinalDraft.Content.Paragraph;
    const raw = paragraphs
      .filter((paragraph) => paragraph['@_Type'] === 'Dialogue')
      .map((paragraph) =>
        (paragraph.Text ?? [])
          .map((run) => (typeof run === 'string' ? run : (run['#text'] ?? '')))
          .join('')
          .trim(),
      );
    const read = ofType(doc, 'dialogue').flatMap((element) => element.text.split('\n'));
    expect(raw).toHaveLength(77);
    expect(read).toEqual(raw);
  });

  test('scene summaries are synopses and the title page keeps its keys', () => {
    expect(ofType(doc, 'synopsis').map((element) => element.text)).toEqual([
      'sagsadgsdagsadg',
      'sadgsdagsadg',
      'sadgsdg',
    ]);
    expect(doc.titlePage).toEqual({
      title: 'Mi djeca bez kolodvora zoo',
      author: 'Matija Radeljak',
      contact: '',
    });
  });
});

interface RawParagraph {
  readonly '@_Type'?: string;
  readonly Text?: readonly (string | { readonly '#text'?: string })[];
}
