import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parsePdfScript, parseScript, toFdx, toFountain, type ScriptDocument } from './index';
import { writeTestPdf } from './testing/pdfWriter';

/**
 * Bad input never throws and never hangs: any string (as Fountain or FDX) and any bytes (as PDF)
 * give a well-formed document, with diagnostics where something is wrong. A crash inside a reader
 * would surface as the catch-all "could not be read" error, which these tests also rule out.
 */
const TIMEOUT_MS = 120_000;

function expectWellFormed(doc: ScriptDocument): void {
  expect(Array.isArray(doc.elements)).toBe(true);
  for (const element of doc.elements) {
    expect(typeof element.text).toBe('string');
    expect(Number.isInteger(element.line) && element.line >= 0).toBe(true);
  }
  for (const diagnostic of doc.diagnostics) {
    expect(['warning', 'error']).toContain(diagnostic.severity);
    expect(diagnostic.message).not.toMatch(/could not be read \(/);
  }
  // Whatever was read can be written again.
  expect(typeof toFountain(doc)).toBe('string');
  expect(typeof toFdx(doc)).toBe('string');
}

const FOUNTAIN_FRAGMENTS = [
  'INT. HOUSE - DAY',
  '.FORCED',
  '...',
  '!',
  '@name',
  'BOB',
  'BOB ^',
  '(beat)',
  '~',
  '> THE END <',
  '>',
  'CUT TO:',
  '#',
  '## Act',
  '= syn',
  '===',
  '[[',
  ']]',
  '/*',
  '*/',
  '#1A#',
  'Title:',
  'Key: value',
  '\t',
  '   ',
  '  ',
  '\n',
  '\n\n',
  '\r',
  '\r\n',
  'ZOË',
  '李',
  '\u{1F3AC}',
  '\uD800',
  '\uFEFF',
  '*',
  '**',
  '_',
  '\\',
  'word',
];

const XML_FRAGMENTS = [
  '<?xml version="1.0"?>',
  '<FinalDraft>',
  '</FinalDraft>',
  '<Content>',
  '</Content>',
  '<Paragraph Type="Action">',
  '<Paragraph Type="Character">',
  '<Paragraph Type="Scene Heading" Number="1A">',
  '<Paragraph Type="General" StartsNewPage="Yes">',
  '<Paragraph>',
  '</Paragraph>',
  '<Paragraph/>',
  '<Text>',
  '<Text Style="Bold+Italic">',
  '</Text>',
  '<DualDialogue>',
  '</DualDialogue>',
  '<ScriptNote>',
  '</ScriptNote>',
  '<SceneProperties><Summary>',
  '</Summary></SceneProperties>',
  '<TitlePage><Content>',
  '</Content></TitlePage>',
  '&amp;',
  '&lol;',
  '&#0;',
  '&#x1F3AC;',
  '<!DOCTYPE x [<!ENTITY lol "lol">]>',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  'JOHN',
  ' ',
  '\n',
  '<',
  '>',
  '"',
];

const fromFragments = (fragments: readonly string[], maxLength: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...fragments), { maxLength }).map((parts) => parts.join(''));

describe('any text into parseScript', () => {
  test(
    'Fountain: screenplay fragments in any order (30,000 inputs)',
    () => {
      fc.assert(
        fc.property(fromFragments(FOUNTAIN_FRAGMENTS, 60), (text) => {
          expectWellFormed(parseScript(text, { format: 'fountain' }));
        }),
        { numRuns: 30_000 },
      );
    },
    TIMEOUT_MS,
  );

  test(
    'Fountain and sniffing: any Unicode string (10,000 inputs)',
    () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
          expectWellFormed(parseScript(text));
        }),
        { numRuns: 10_000 },
      );
    },
    TIMEOUT_MS,
  );

  test(
    'FDX: XML fragments in any order (20,000 inputs)',
    () => {
      fc.assert(
        fc.property(fromFragments(XML_FRAGMENTS, 50), (text) => {
          expectWellFormed(parseScript(text, { format: 'fdx' }));
        }),
        { numRuns: 20_000 },
      );
    },
    TIMEOUT_MS,
  );

  test(
    'FDX: any Unicode string (5,000 inputs)',
    () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
          expectWellFormed(parseScript(text, { format: 'fdx' }));
        }),
        { numRuns: 5_000 },
      );
    },
    TIMEOUT_MS,
  );
});

describe('any bytes into parsePdfScript', () => {
  const SAMPLE = writeTestPdf([
    {
      kind: 'text',
      texts: [
        { x: 108, y: 700, text: 'INT. HOUSE - DAY' },
        { x: 266.4, y: 676, text: 'JOHN' },
        { x: 180, y: 664, text: 'Hello.' },
      ],
    },
  ]);

  test(
    'random bytes, with and without a PDF header (200 inputs)',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.boolean(),
          fc.uint8Array({ maxLength: 2_000 }),
          async (header, bytes) => {
            const input = header ? concat(new TextEncoder().encode('%PDF-1.7\n'), bytes) : bytes;
            const doc = await parsePdfScript(input);
            expectWellFormed(doc);
            expect(doc.diagnostics.some((diagnostic) => diagnostic.severity === 'error')).toBe(
              true,
            );
          },
        ),
        { numRuns: 200 },
      );
    },
    TIMEOUT_MS,
  );

  test(
    'a real PDF with bytes overwritten at random (200 inputs)',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.nat({ max: SAMPLE.length - 1 }), fc.integer({ min: 0, max: 255 })), {
            minLength: 1,
            maxLength: 20,
          }),
          async (edits) => {
            const damaged = SAMPLE.slice();
            for (const [offset, value] of edits) damaged[offset] = value;
            expectWellFormed(await parsePdfScript(damaged));
          },
        ),
        { numRuns: 200 },
      );
    },
    TIMEOUT_MS,
  );
});

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
