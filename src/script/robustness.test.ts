import { describe, expect, test } from 'vitest';
import { parseScript, type ScriptDocument } from './index';

function errors(doc: ScriptDocument): string[] {
  return doc.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
}

describe('input that is not a screenplay is refused with a clear error', () => {
  test.each(['', '   ', '\n\n\t\n', '\uFEFF'])('empty input %j', (text) => {
    const doc = parseScript(text);
    expect(doc.elements).toEqual([]);
    expect(errors(doc)).toEqual(['No screenplay elements found.']);
  });

  test('a file with NUL bytes is binary', () => {
    const doc = parseScript('INT. HOUSE - DAY\u0000\u0000\n\nAction.');
    expect(doc.elements).toEqual([]);
    expect(errors(doc)[0]).toMatch(/NUL bytes/);
  });

  test('bytes of a binary file decoded as text are mostly not text', () => {
    const random = mulberry32(7);
    const bytes = Array.from({ length: 4096 }, () => 1 + Math.floor(random() * 255));
    const doc = parseScript(String.fromCharCode(...bytes));
    expect(doc.elements).toEqual([]);
    expect(errors(doc)[0]).toMatch(/not text/);
  });

  test('prose with no heading and no dialogue is not a screenplay', () => {
    const doc = parseScript('Dear Sam,\n\nThanks for the lovely evening.\n\nBest, Alex');
    expect(doc.elements.length).toBeGreaterThan(0);
    expect(errors(doc)[0]).toMatch(/No scene headings and no dialogue/);
  });

  test('dialogue without any heading is only a warning', () => {
    const doc = parseScript('BOB\nHello.\n\nALICE\nHi.');
    expect(errors(doc)).toEqual([]);
    expect(doc.diagnostics[0]).toMatchObject({ severity: 'warning', line: 0 });
  });

  test('a stray control character or two does not refuse a real script', () => {
    const doc = parseScript('INT. HOUSE - DAY\n\nHe\u0007 waits.');
    expect(errors(doc)).toEqual([]);
  });

  test('wrong arguments from untyped callers come back as errors, not exceptions', () => {
    const untyped = parseScript as (text: unknown, options?: unknown) => ScriptDocument;
    expect(errors(untyped(undefined))).toHaveLength(1);
    expect(errors(untyped(42))).toHaveLength(1);
    expect(errors(untyped('INT. A - DAY\n\nX.', { format: 'docx' }))[0]).toMatch(/Unknown/);
    expect(errors(untyped('INT. A - DAY\n\nX.', { format: 'toString' }))[0]).toMatch(/Unknown/);
  });
});

describe('never throws, never hangs', () => {
  const FRAGMENTS = [
    'INT. HOUSE - DAY',
    'EXT.',
    '.',
    '.FORCED',
    '...',
    '!',
    '@',
    '@name',
    'BOB',
    'BOB ^',
    '^',
    '(beat)',
    '(',
    ')',
    '~',
    '>',
    '<',
    '> THE END <',
    'CUT TO:',
    '#',
    '##',
    '=',
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
    ' ',
    '\n',
    '\n',
    '\n\n',
    '\r',
    '\r\n',
    'ZOË',
    'ß',
    'ǅ',
    '李',
    '\u{1F3AC}',
    '\uD800',
    '\uFEFF',
    'word',
    'Some action.',
    '*',
    '_',
    '\\',
    '"',
  ];

  test('seeded random scripts parse into well-formed documents', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const random = mulberry32(seed);
      const length = Math.floor(random() * 120);
      const text = Array.from(
        { length },
        () => FRAGMENTS[Math.floor(random() * FRAGMENTS.length)],
      ).join(random() < 0.5 ? '' : ' ');
      const lineCount = text.split(/\r\n|\r|\n/).length;
      const doc = parseScript(text);
      let previousLine = 0;
      for (const element of doc.elements) {
        expect(element.line, `seed ${seed}`).toBeGreaterThanOrEqual(Math.max(1, previousLine));
        expect(element.line, `seed ${seed}`).toBeLessThanOrEqual(lineCount);
        previousLine = element.line;
      }
      for (const diagnostic of doc.diagnostics) {
        expect(['warning', 'error']).toContain(diagnostic.severity);
      }
      expect(errors(doc).some((message) => message.startsWith('The screenplay could not'))).toBe(
        false,
      );
    }
  });

  // Inputs shaped to make a careless parser quadratic (or loop); at this size quadratic work
  // would take hours, so the test timeout is the check.
  const SIZE = 400_000;
  test.each([
    ['notes cut by blank lines', '[[\n\n'.repeat(SIZE / 4) + ']]'],
    ['notes never closed', '[['.repeat(SIZE / 2)],
    ['boneyard never closed', '/*\n'.repeat(SIZE / 3)],
    ['boneyard opened over and over', '/*'.repeat(SIZE / 2) + '*/'],
    ['a heading full of spaces', `INT. ${' '.repeat(SIZE)}x #1#\n\nA.`],
    ['hashes', '#a'.repeat(SIZE / 2)],
    ['a title-page key that never ends', 'A'.repeat(SIZE)],
    ['dual dialogue over and over', 'BOB ^\nHi.\n\n'.repeat(SIZE / 12)],
    ['one endless speech', 'BOB\n' + 'Hi.\n'.repeat(SIZE / 4)],
    ['brackets', '('.repeat(SIZE) + '\nx'],
  ])(
    '%s',
    (_name, text) => {
      const doc = parseScript(text);
      expect(Array.isArray(doc.elements)).toBe(true);
    },
    10_000,
  );
});

/** Small seeded PRNG, so a failing seed can be replayed. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('warnings stop at a readable number', () => {
  const doc = parseScript('INT. A - DAY\n\n' + 'Open [[ note\n\n'.repeat(500) + ']]');
  expect(doc.diagnostics).toHaveLength(101);
  expect(doc.diagnostics.at(-1)?.message).toBe('400 more warnings not shown.');
});
