import { describe, expect, test } from 'vitest';
import { readScreenplay } from '../../../tests/helpers/fixtures';
import {
  NO_TEXT_LAYER_MESSAGE,
  parsePdfScript,
  parseScript,
  plainText,
  type ScriptDocument,
  type ScriptElement,
} from '../index';
import { writeTestPdf } from '../testing/pdfWriter';
import { screenplayPdf } from '../testing/screenplayPdf';

const PRINTED: ReadonlySet<ScriptElement['type']> = new Set([
  'scene_heading',
  'action',
  'character',
  'parenthetical',
  'dialogue',
  'lyrics',
  'transition',
  'centered',
  'shot',
]);

/** What a PDF can give back: printed elements, plain text, lines joined (wraps are layout). */
function printed(doc: ScriptDocument): string[] {
  return doc.elements
    .filter((element) => PRINTED.has(element.type))
    .map((element) => {
      const type = element.type === 'lyrics' ? 'dialogue' : element.type;
      return `${type}: ${plainText(element.text).replace(/\s+/g, ' ').trim()}`;
    });
}

function fixture(name: string): ScriptDocument {
  return parseScript(readScreenplay(name));
}

describe('a screenplay PDF with a text layer', () => {
  const brick = fixture('brick_and_steel.fountain');

  test('reads Brick & Steel back element by element from a shooting-script layout', async () => {
    // Scene numbers in both margins, (CONTINUED) at page breaks, page numbers, short pages so
    // speeches break across pages with (MORE) / (CONT'D).
    const doc = await parsePdfScript(
      screenplayPdf(brick, { sceneNumbers: true, continueds: true, linesPerPage: 30 }),
    );
    const expected = printed(brick);
    const got = printed(doc);
    const differing = expected.filter((line, index) => got[index] !== line);
    // Even "BURN TO PINK." (a forced transition in Fountain) is one here: right-aligned capitals.
    expect(differing).toEqual([]);
    expect(
      doc.elements
        .filter((element) => element.type === 'scene_heading')
        .map((element) => [element.text, (element as { sceneNumber?: string }).sceneNumber]),
    ).toEqual([
      ["EXT. BRICK'S PATIO - DAY", '1'],
      ['INT. TRAILER HOME - DAY', '2'],
      ["EXT. BRICK'S POOL - DAY", '3'],
      ['SNIPER SCOPE POV', '4'],
      ['OPENING TITLES', '5'],
      ['EXT. WOODEN SHACK - DAY', '6'],
      ['INT. GARAGE - DAY', '7'],
      ['EXT. PALATIAL MANSION - DAY', '8'],
    ]);
    expect(
      doc.elements.filter((element) => element.type === 'character' && element.dual),
    ).toMatchObject([
      { text: 'STEEL', dual: 'left' },
      { text: 'BRICK', dual: 'right' },
    ]);
    expect(doc.titlePage).toEqual({
      title: 'BRICK & STEEL\nFULL RETIRED',
      credit: 'Written by',
      author: 'Stu Maschwitz',
      source: 'Story by KTM',
      'draft date': '1/27/2012',
      contact: 'Next Level Productions\n1588 Mission Dr.\nSolvang, CA 93463',
    });
    expect(doc.diagnostics).toEqual([]);
  }, 30_000);

  test('joins a speech broken across pages by (MORE) and NAME (CONT’D)', async () => {
    const long = 'This speech is long enough to run over the bottom of the page and on. '
      .repeat(6)
      .trim();
    const source = parseScript(`INT. A - DAY\n\nShe listens.\n\nBOB\n${long}\n\nShe leaves.`);
    const doc = await parsePdfScript(screenplayPdf(source, { linesPerPage: 12 }));
    expect(printed(doc)).toEqual(printed(source));
  }, 30_000);

  test('infers the indents from the document, whatever its margins', async () => {
    // Every indent half an inch further right than the US standard.
    const doc = await parsePdfScript(screenplayPdf(brick, { indentShift: 36 }));
    const expected = printed(brick).filter(
      (line) =>
        !line.startsWith('scene_heading: SNIPER') && !line.startsWith('scene_heading: OPENING'),
    );
    expect(
      printed(doc).filter(
        // Without INT./EXT. or a scene number, `SNIPER SCOPE POV` can only be read as a shot.
        (line) => !line.startsWith('shot: SNIPER') && !line.startsWith('action: OPENING'),
      ),
    ).toEqual(expected);
  }, 30_000);

  test('reads The Last Birthday Card with scenes, speakers and dialogue in place', async () => {
    const card = fixture('the_last_birthday_card.fountain');
    const doc = await parsePdfScript(screenplayPdf(card, { sceneNumbers: true }));
    const headings = doc.elements.filter((element) => element.type === 'scene_heading');
    expect(headings).toHaveLength(
      card.elements.filter((element) => element.type === 'scene_heading').length,
    );
    const speakers = (d: ScriptDocument): string[] => [
      ...new Set(
        d.elements.filter((element) => element.type === 'character').map((element) => element.text),
      ),
    ];
    expect(speakers(doc)).toEqual(speakers(card));
    const dialogue = (d: ScriptDocument): number =>
      d.elements.filter((element) => element.type === 'dialogue' || element.type === 'lyrics')
        .length;
    expect(dialogue(doc)).toBe(dialogue(card));
  }, 30_000);
});

describe('page furniture', () => {
  test('page numbers, CONTINUED, MORE, CONT’D and revision marks are not script text', async () => {
    const line = (row: number): number => 720 - row * 12;
    const pdf = writeTestPdf([
      {
        kind: 'text',
        texts: [
          { x: 518.4, y: line(0), text: '12.' },
          { x: 108, y: line(1), text: 'CONTINUED: (2)' },
          { x: 54, y: line(3), text: '7A' },
          { x: 108, y: line(3), text: 'INT. GARAGE - DAY' },
          { x: 554.4, y: line(3), text: '7A' },
          { x: 108, y: line(5), text: 'Steel checks the engine.' },
          { x: 561.6, y: line(5), text: '*' },
          { x: 266.4, y: line(7), text: 'STEEL' },
          { x: 180, y: line(8), text: 'Something is wrong with' },
          { x: 266.4, y: line(9), text: '(MORE)' },
          { x: 432, y: line(11), text: '(CONTINUED)' },
        ],
      },
      {
        kind: 'text',
        texts: [
          { x: 518.4, y: 756, text: '13.' },
          { x: 266.4, y: line(0), text: "STEEL (CONT'D)" },
          { x: 180, y: line(1), text: 'this car.' },
          { x: 108, y: line(3), text: 'Brick shrugs.' },
          { x: 266.4, y: line(5), text: "(CONT'D)" },
        ],
      },
    ]);
    const doc = await parsePdfScript(pdf);
    expect(doc.elements).toEqual([
      { type: 'scene_heading', text: 'INT. GARAGE - DAY', sceneNumber: '7A', line: 3 },
      { type: 'action', text: 'Steel checks the engine.', line: 4 },
      { type: 'character', text: 'STEEL', line: 5 },
      { type: 'dialogue', text: 'Something is wrong with this car.', line: 6 },
      { type: 'action', text: 'Brick shrugs.', line: 12 },
    ]);
  });
});

describe('PDFs that cannot be read', () => {
  test('a scanned PDF (an image, no text) says so', async () => {
    const doc = await parsePdfScript(writeTestPdf([{ kind: 'image' }, { kind: 'image' }]));
    expect(doc.elements).toEqual([]);
    expect(doc.diagnostics).toEqual([
      { line: 0, message: NO_TEXT_LAYER_MESSAGE, severity: 'error' },
    ]);
    expect(NO_TEXT_LAYER_MESSAGE).toBe(
      'This PDF has no text layer (it looks scanned); Frameline can only read PDFs with selectable text.',
    );
  });

  test('bytes that are not a PDF, a damaged PDF and a wrong argument are errors, not exceptions', async () => {
    const notPdf = await parsePdfScript(new TextEncoder().encode('INT. HOUSE - DAY'));
    expect(notPdf.diagnostics[0]).toMatchObject({
      severity: 'error',
      message: expect.stringMatching(/not a PDF/),
    });
    const damaged = await parsePdfScript(
      new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog'),
    );
    expect(damaged.diagnostics[0]?.severity).toBe('error');
    const untyped = parsePdfScript as (bytes: unknown) => Promise<ScriptDocument>;
    expect((await untyped('a string')).diagnostics[0]?.message).toBe(
      'Expected the bytes of a PDF file.',
    );
  });

  test('a PDF with text that is not a screenplay is refused by the whole-document check', async () => {
    const letter = writeTestPdf([
      { kind: 'text', texts: [{ x: 72, y: 700, text: 'Dear Sam, thanks for dinner.' }] },
    ]);
    const doc = await parsePdfScript(letter);
    expect(doc.diagnostics.some((diagnostic) => diagnostic.severity === 'error')).toBe(true);
  });
});
