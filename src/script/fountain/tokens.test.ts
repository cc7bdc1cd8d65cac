import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readScreenplay } from '../../../tests/helpers/fixtures';
import { annotationSpans } from './annotationSpans';
import { normalizeNewlines } from './lines';
import { parseFountain } from './read';
import { tokenizeFountain, type FountainTokens } from './tokens';

function linesOf(text: string): string[] {
  const tokens = tokenizeFountain(text);
  return tokens.lines.map((line) => `${line.type}${line.dual ? `/${line.dual}` : ''}`);
}

function spansOf(text: string, tokens: FountainTokens = tokenizeFountain(text)): string[] {
  return tokens.spans.map((span) => `${span.type} ${text.slice(span.from, span.to)}`);
}

/**
 * The editor colours a line as the import reads it: every element the parser finds starts on a
 * line of the same type (and dual side). Notes are compared by their place in the spans.
 */
function expectConsistentWithParser(text: string): void {
  const tokens = tokenizeFountain(text);
  const doc = parseFountain(text);
  for (const element of doc.elements) {
    if (element.type === 'note') {
      const note = tokens.spans.find(
        (span) => span.type === 'note' && lineOf(text, span.from) === element.line,
      );
      expect(note, `note on line ${element.line}`).toBeDefined();
      continue;
    }
    const line = tokens.lines[element.line - 1];
    expect(line?.type, `line ${element.line}: ${JSON.stringify(element)}`).toBe(element.type);
    if (element.type === 'character') expect(line?.dual).toBe(element.dual);
  }
  const headings = doc.elements.filter((element) => element.type === 'scene_heading');
  expect(tokens.outline.filter((entry) => entry.kind === 'scene').map((e) => e.text)).toEqual(
    headings.map((heading) => heading.text),
  );
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

describe('every Fountain element has its line type', () => {
  const script = [
    'Title: The Test',
    'Author: Me',
    '    and You',
    '',
    'INT. HOUSE - DAY #1A#',
    '',
    'Bob enters.',
    'He sits.',
    '',
    'BOB (V.O.)',
    '(whispering)',
    'Hello.',
    '',
    'ALICE ^',
    'Hi.',
    '',
    '> THE END <',
    '',
    'CUT TO:',
    '',
    '> SMASH CUT',
    '',
    '# Act One',
    '',
    '= The one where they meet.',
    '',
    '===',
    '',
    '~Row, row, row',
    '',
    '.BACK TO:',
    '',
    '!SHOUTING IN ACTION',
    '',
    '@McCLANE',
    'Yippee.',
  ].join('\n');

  test('title page, headings, action, speech, transitions, centered, sections, synopses, lyrics', () => {
    expect(linesOf(script)).toEqual([
      'title_page',
      'title_page',
      'title_page',
      'blank',
      'scene_heading',
      'blank',
      'action',
      'action',
      'blank',
      'character/left',
      'parenthetical/left',
      'dialogue/left',
      'blank',
      'character/right',
      'dialogue/right',
      'blank',
      'centered',
      'blank',
      'transition',
      'blank',
      'transition',
      'blank',
      'section',
      'blank',
      'synopsis',
      'blank',
      'page_break',
      'blank',
      'lyrics',
      'blank',
      'scene_heading',
      'blank',
      'action',
      'blank',
      'character',
      'dialogue',
    ]);
    expectConsistentWithParser(script);
  });

  test('markers, scene numbers, extensions and title keys are spans of their own', () => {
    expect(spansOf(script)).toEqual([
      'title_key Title:',
      'title_key Author:',
      'scene_number #1A#',
      'extension (V.O.)',
      'marker ^',
      'marker >',
      'marker <',
      'marker >',
      'marker #',
      'marker =',
      'marker ~',
      'marker .',
      'marker !',
      'marker @',
    ]);
  });

  test('the outline lists scenes and sections with where they start', () => {
    const { outline } = tokenizeFountain(script);
    expect(outline.map(({ kind, text, line }) => `${kind} ${line} ${text}`)).toEqual([
      'scene 5 INT. HOUSE - DAY',
      'section 23 Act One',
      'scene 31 BACK TO:',
    ]);
    expect(outline[0]?.sceneNumber).toBe('1A');
    expect(outline[0]?.from).toBe(script.indexOf('INT.'));
  });

  test('a caps line needs a blank line before it to be a character, and speech after it', () => {
    expect(linesOf('Bob runs.\nBOB\nHi.')).toEqual(['action', 'action', 'action']);
    expect(linesOf('\nBOB\n\nHi.')).toEqual(['blank', 'action', 'blank', 'action']);
    expect(linesOf('\nBOB\nHi.\n  \nStill me.')).toEqual([
      'blank',
      'character',
      'dialogue',
      'dialogue',
      'dialogue',
    ]);
  });

  test('a heading without a blank line after it is action, as the parser reads it', () => {
    const text = '\nINT. HOUSE - DAY\nBob enters.';
    expect(linesOf(text)).toEqual(['blank', 'action', 'action']);
    expectConsistentWithParser(text);
  });
});

describe('notes, boneyard and emphasis', () => {
  test('a note inside a line is a span; the line keeps its type', () => {
    const text = '\nBob enters. [[fix this]] He sits.';
    expect(linesOf(text)).toEqual(['blank', 'action']);
    expect(spansOf(text)).toEqual(['note [[fix this]]']);
  });

  test('a note between a name and its speech leaves the speech intact', () => {
    const text = '\nBOB\n[[louder]]\nHi.';
    expect(linesOf(text)).toEqual(['blank', 'character', 'note', 'dialogue']);
    expectConsistentWithParser(text);
  });

  test('boneyard may cross blank lines and hides headings inside it', () => {
    const text = 'Before.\n\n/* cut\n\nINT. GONE - DAY\n\n*/\n\nAfter.';
    expect(linesOf(text)).toEqual([
      'action',
      'blank',
      'boneyard',
      'boneyard',
      'boneyard',
      'boneyard',
      'boneyard',
      'blank',
      'action',
    ]);
    expect(tokenizeFountain(text).outline).toEqual([]);
    expectConsistentWithParser(text);
  });

  test('an unclosed boneyard or note is text, as the parser keeps it', () => {
    expect(spansOf('\n/* never closed')).toEqual([]);
    // Across a blank line, a note is one only if no other `[[` opens before it closes.
    const text = '\n[[ open\n\nstill [[open ]]';
    expect(spansOf(text)).toEqual(['note [[open ]]']);
    expect(linesOf(text)).toEqual(['blank', 'action', 'blank', 'action']);
    expectConsistentWithParser(text);
  });

  test('a note with a blank line in it, as Final Draft writes them, is one note', () => {
    const text = '\nBob waits.\n\n[[A note\n\nin two paragraphs]]\n\nBOB\nHi.';
    expect(spansOf(text)).toEqual(['note [[A note\n\nin two paragraphs]]']);
    expect(linesOf(text)).toEqual([
      'blank',
      'action',
      'blank',
      'note',
      'note',
      'note',
      'blank',
      'character',
      'dialogue',
    ]);
    expectConsistentWithParser(text);
  });

  test('a boneyard across lines keeps the transition above it and the heading below it', () => {
    const text = '\nCUT TO:\n/* An old scene.\n\nBOB\nHi. */\nINT. HOUSE - DAY\n\nBob enters.';
    expect(linesOf(text)).toEqual([
      'blank',
      'transition',
      'boneyard',
      'boneyard',
      'boneyard',
      'boneyard',
      'scene_heading',
      'blank',
      'action',
    ]);
    expectConsistentWithParser(text);
  });

  test('emphasis: italic, bold, bold italic, underline, escapes and unmatched markers', () => {
    expect(spansOf('\n*it* **bo** ***bi*** _un_ \\*no\\* 2 * 3')).toEqual([
      'marker *',
      'italic it',
      'marker *',
      'marker **',
      'bold bo',
      'marker **',
      'marker **',
      'marker *',
      'bold *bi*',
      'italic bi',
      'marker *',
      'marker **',
      'marker _',
      'underline un',
      'marker _',
    ]);
  });

  test('annotation spans agree with the notes the parser lifts out', () => {
    const text = '\nA [[one]] b [[two\nlines]] c /* x */ d\n\nE [[no\n\nclose]]';
    expect(annotationSpans(text).map((s) => `${s.type} ${text.slice(s.from, s.to)}`)).toEqual([
      'note [[one]]',
      'note [[two\nlines]]',
      'boneyard /* x */',
      'note [[no\n\nclose]]',
    ]);
    expect(
      parseFountain(text)
        .elements.filter((e) => e.type === 'note')
        .map((e) => e.text),
    ).toEqual(['one', 'two\nlines', 'no\n\nclose']);
  });
});

describe('agrees with the parser', () => {
  test.each([
    'brick_and_steel.fountain',
    'the_last_birthday_card.fountain',
    'wildwinter_TestFDX-FD.fountain',
  ])('on %s', (name) => {
    expectConsistentWithParser(normalizeNewlines(readScreenplay(name)));
  });

  const LINES = [
    'INT. HOUSE - DAY',
    'EXT. PARK - NIGHT #12#',
    '.FORCED',
    '...',
    '!ACTION',
    '@McName',
    'BOB',
    'BOB (O.S.)',
    'BOB ^',
    "ALICE (cont'd) ^",
    '(beat)',
    'Hello there.',
    '~Sing',
    '> THE END <',
    '> BLACK',
    'CUT TO:',
    '## Act',
    '= syn',
    '===',
    '[[note]]',
    'text [[note]] text',
    '[[multi',
    'line]]',
    '/* bone */',
    '/*',
    '*/',
    'Title: Mine',
    '   continued',
    '  ',
    '',
    '',
    '',
    '*bold* _under_',
    'plain action here',
    'CLOSE ON THE LETTER',
    'ANGLE ON BOB',
    'THE DOOR SLAMS SHUT BEHIND HER.',
    'BOB ^ (V.O.)',
  ];

  /** The parser joins text around a note that spans lines; that line is not compared. */
  function joinsAcrossLines(text: string): boolean {
    return annotationSpans(text).some((span) => {
      const inside = text.slice(span.from, span.to);
      if (span.type !== 'note' || !inside.includes('\n')) return false;
      const lineStart = text.lastIndexOf('\n', span.from - 1) + 1;
      const lineEnd = text.indexOf('\n', span.to);
      const before = text.slice(lineStart, span.from).trim();
      const after = text.slice(span.to, lineEnd === -1 ? text.length : lineEnd).trim();
      return before !== '' || after !== '';
    });
  }

  test('on random scripts made of Fountain lines', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES), { maxLength: 40 }), (lines) => {
        const text = lines.join('\n');
        fc.pre(!joinsAcrossLines(text));
        expectConsistentWithParser(text);
      }),
      { numRuns: 3_000 },
    );
  });
});
