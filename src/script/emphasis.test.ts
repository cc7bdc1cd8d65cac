import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { emphasisMarkup, emphasisSpans, normalizeSpans, plainText } from './emphasis';
import { parseScript } from './index';
import { spansArbitrary } from './testing/arbitraries';
import type { EmphasisSpan } from './types';

const plain = (text: string): EmphasisSpan => ({
  text,
  bold: false,
  italic: false,
  underline: false,
});
const styled = (text: string, style: Partial<Omit<EmphasisSpan, 'text'>>): EmphasisSpan => ({
  ...plain(text),
  ...style,
});

describe('reading emphasis markup', () => {
  test('italic, bold, bold italic and underline', () => {
    expect(emphasisSpans('a *b* **c** ***d*** _e_')).toEqual([
      plain('a '),
      styled('b', { italic: true }),
      plain(' '),
      styled('c', { bold: true }),
      plain(' '),
      styled('d', { bold: true, italic: true }),
      plain(' '),
      styled('e', { underline: true }),
    ]);
  });

  test('styles nest, and the spaces inside a style keep it', () => {
    expect(emphasisSpans('_Steel’s face FILLS the *Leupold Mark 4* scope_.')).toEqual([
      styled('Steel’s face FILLS the ', { underline: true }),
      styled('Leupold Mark 4', { underline: true, italic: true }),
      styled(' scope', { underline: true }),
      plain('.'),
    ]);
    expect(emphasisSpans('_**BRICK & STEEL**_')).toEqual([
      styled('BRICK & STEEL', { underline: true, bold: true }),
    ]);
  });

  test('\\* and \\_ are literal characters', () => {
    expect(emphasisSpans('Steel enters the code on the keypad: **\\*9765\\***')).toEqual([
      plain('Steel enters the code on the keypad: '),
      styled('*9765*', { bold: true }),
    ]);
    expect(plainText('He dialed \\*69 and \\_waited\\_.')).toBe('He dialed *69 and _waited_.');
    expect(plainText('a backslash \\ alone')).toBe('a backslash \\ alone');
  });

  test('markers that never match stay as written', () => {
    expect(emphasisSpans('2 * 3 = 6, snake_case, * alone, **unclosed')).toEqual([
      plain('2 * 3 = 6, snake_case, * alone, **unclosed'),
    ]);
    expect(plainText('*a _b* c_')).toBe('a _b c_');
  });

  test('emphasis may cross a line break, which itself stays unstyled', () => {
    expect(emphasisSpans('*one\ntwo*')).toEqual([
      styled('one', { italic: true }),
      plain('\n'),
      styled('two', { italic: true }),
    ]);
    // A marker before a line break cannot open, and one after it cannot close.
    expect(emphasisSpans('one *\ntwo*')).toEqual([plain('one *\ntwo*')]);
    expect(emphasisSpans('*one\n* two')).toEqual([plain('*one\n* two')]);
    expect(emphasisSpans('*one*\n*two*')).toEqual([
      styled('one', { italic: true }),
      plain('\n'),
      styled('two', { italic: true }),
    ]);
  });

  test('is linear on marker soup (no backtracking)', () => {
    const soup = '*_**_***'.repeat(50_000) + ' x';
    const started = performance.now();
    expect(plainText(soup).length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  test('parseScript keeps markup in text and adds spans when asked', () => {
    const doc = parseScript('INT. A - DAY\n\nHe *runs*.', { spans: true });
    expect(doc.elements[1]).toEqual({
      type: 'action',
      text: 'He *runs*.',
      line: 3,
      spans: [plain('He '), styled('runs', { italic: true }), plain('.')],
    });
    expect(parseScript('INT. A - DAY\n\nHe *runs*.').elements[1]).not.toHaveProperty('spans');
  });
});

describe('writing emphasis markup', () => {
  test('nests styles the way a writer would', () => {
    expect(
      emphasisMarkup([
        styled('Steel’s face FILLS the ', { underline: true }),
        styled('Leupold Mark 4', { underline: true, italic: true }),
        styled(' scope', { underline: true }),
        plain('.'),
      ]),
    ).toBe('_Steel’s face FILLS the *Leupold Mark 4* scope_.');
  });

  test('escapes literal markers and moves edge spaces out of a style', () => {
    expect(emphasisMarkup([styled('Hello ', { bold: true }), plain('world *now*')])).toBe(
      '**Hello** world \\*now\\*',
    );
  });

  test('styles that overlap in ways markup cannot nest are written span by span', () => {
    const spans = [styled('a ', { italic: true }), styled('b', { italic: true, bold: true })];
    const markup = emphasisMarkup(spans);
    expect(emphasisSpans(markup)).toEqual([
      styled('a', { italic: true }),
      plain(' '),
      styled('b', { italic: true, bold: true }),
    ]);
  });

  test('normalisation drops empty spans, merges neighbours and unstyles line breaks', () => {
    expect(
      normalizeSpans([plain(''), styled('a\nb', { bold: true }), styled('c', { bold: true })]),
    ).toEqual([styled('a', { bold: true }), plain('\n'), styled('bc', { bold: true })]);
  });
});

describe('properties', () => {
  // 20,000 runs in all.
  test('reading any string never throws and keeps every character that is not a marker', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('*', '_', '\\', ' ', 'a', 'B', '\n', 'é') }),
        (text) => {
          const spans = emphasisSpans(text);
          const read = spans.map((span) => span.text).join('');
          expect(read.replace(/[*_\\]/g, '')).toBe(text.replace(/[*_\\]/g, ''));
        },
      ),
      { numRuns: 5_000 },
    );
  });

  test('written markup reads back to the same visible characters with the same styles', () => {
    fc.assert(
      fc.property(spansArbitrary(), (spans) => {
        const read = emphasisSpans(emphasisMarkup(spans));
        expect(styledCharacters(read)).toEqual(styledCharacters(spans));
      }),
      { numRuns: 5_000 },
    );
  });

  test('written markup is a fixed point: read and written again it is unchanged', () => {
    fc.assert(
      fc.property(spansArbitrary(), (spans) => {
        const markup = emphasisMarkup(spans);
        expect(emphasisMarkup(emphasisSpans(markup))).toBe(markup);
      }),
      { numRuns: 5_000 },
    );
  });

  test('normalised spans read back exactly when they nest', () => {
    fc.assert(
      fc.property(spansArbitrary(), (spans) => {
        const normalized = normalizeSpans(spans);
        const read = emphasisSpans(emphasisMarkup(spans));
        // Either exactly the normalised spans, or (overlaps) the same with edge spaces unstyled.
        expect(read.map((span) => span.text).join('')).toBe(
          normalized.map((span) => span.text).join(''),
        );
      }),
      { numRuns: 5_000 },
    );
  });
});

/** Every character that is not whitespace, with its style: what a reader sees. */
function styledCharacters(spans: readonly EmphasisSpan[]): string[] {
  const out: string[] = [];
  for (const span of spans) {
    for (const char of span.text) {
      if (char.trim() === '') continue;
      out.push(
        `${char}${span.bold ? 'B' : ''}${span.italic ? 'I' : ''}${span.underline ? 'U' : ''}`,
      );
    }
  }
  return out;
}
