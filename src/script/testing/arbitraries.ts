import fc from 'fast-check';
import { emphasisMarkup } from '../emphasis';
import type { EmphasisSpan, ScriptDocument, ScriptElement } from '../types';

/**
 * Tests only: fast-check generators of screenplay documents that both writers can express, so
 * `parseScript(toFountain(doc))` and `parseScript(toFdx(doc), { format: 'fdx' })` must give them back.
 *
 * "Can express" (see fountain/write.ts and fdx/write.ts for why each rule exists):
 * - texts are canonical emphasis markup (built from styled spans with `emphasisMarkup`), with no
 *   `[`, `]`, `/`, `#`, `\`, tabs or control characters (notes, boneyard and sections use those);
 * - multi-line texts only where the type allows it (action, dialogue, lyrics, centred), lines
 *   trimmed (action keeps its indentation), speech lines not looking like a parenthetical or lyric;
 * - shots are shot lines the Fountain reader recognises (camera words first, in capitals);
 * - a name is followed by speech; no two dialogue elements are adjacent; dual speakers come in
 *   left/right pairs; action starts with empty lines only right after action;
 * - with `fdx: true`, headings, names, extensions and transitions are in capitals (Final Draft
 *   shows them so, and its reader uppercases them), and title page values lay out unambiguously.
 */
export interface DocumentOptions {
  readonly fdx: boolean;
}

const LETTERS = ['a', 'b', 'c', 'x', 'y', 'é', 'ß', 'ж', 'Ж', 'Z', 'Q', 'İ', '李', '🎬'];
const MARKS = [
  '.',
  ',',
  "'",
  '-',
  '!',
  '?',
  '&',
  '*',
  '_',
  '<',
  '>',
  '"',
  ':',
  '(',
  ')',
  '=',
  '~',
  '@',
  '^',
  '1',
  '7',
];

const wordArbitrary = fc
  .array(
    fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...LETTERS) }, fc.constantFrom(...MARKS)),
    {
      minLength: 1,
      maxLength: 7,
    },
  )
  .map((chars) => chars.join(''));

const styleArbitrary = fc.record({
  bold: fc.boolean(),
  italic: fc.boolean(),
  underline: fc.boolean(),
});

/** Styled spans for emphasis tests: any text (line breaks and edge spaces included). */
export function spansArbitrary(): fc.Arbitrary<EmphasisSpan[]> {
  const text = fc
    .array(fc.oneof(wordArbitrary, fc.constantFrom(' ', '  ', '\n')), { maxLength: 5 })
    .map((parts) => parts.join(''));
  return fc.array(
    fc.record({ text, bold: fc.boolean(), italic: fc.boolean(), underline: fc.boolean() }),
    {
      maxLength: 6,
    },
  );
}

/** One line of canonical markup: words with styles, single spaces between. */
function markupLine(minWords = 1, maxWords = 6): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(wordArbitrary, styleArbitrary), { minLength: minWords, maxLength: maxWords })
    .map((words) => {
      const spans: EmphasisSpan[] = [];
      words.forEach(([word, style], index) => {
        if (index > 0) spans.push({ text: ' ', bold: false, italic: false, underline: false });
        spans.push({ text: word, ...style });
      });
      return emphasisMarkup(spans).trim();
    });
}

const upper = (text: string): string => text.toUpperCase();

function headingArbitrary(options: DocumentOptions): fc.Arbitrary<ScriptElement> {
  const prefix = fc.constantFrom(
    'INT. ',
    'EXT. ',
    'EST. ',
    'INT./EXT. ',
    'I/E ',
    'int. ',
    'Roof ',
    'FLASHBACK ',
    'ж ',
  );
  const number = fc.option(fc.constantFrom('1', '2A', '10', 'B-2', '3.1', '110A.'), {
    nil: undefined,
  });
  return fc.tuple(prefix, markupLine(0, 4), number).map(([start, rest, sceneNumber]) => {
    const text = `${start}${rest}`.trim();
    return {
      type: 'scene_heading',
      text: options.fdx ? upper(text) : text,
      line: 0,
      ...(sceneNumber === undefined ? {} : { sceneNumber }),
    };
  });
}

function actionArbitrary(keptBlankLines: boolean): fc.Arbitrary<ScriptElement> {
  const indent = fc.constantFrom('', '', '', '  ', '    ');
  const line = fc.tuple(indent, markupLine()).map(([spaces, text]) => `${spaces}${text}`);
  const leading = keptBlankLines ? fc.integer({ min: 0, max: 2 }) : fc.constant(0);
  return fc
    .tuple(leading, fc.array(line, { minLength: 1, maxLength: 3 }))
    .map(([blank, lines]) => ({
      type: 'action',
      text: '\n'.repeat(blank) + lines.join('\n'),
      line: 0,
    }));
}

const NAME_CHARS = ['A', 'B', 'K', 'Z', 'É', 'Ж', 'Ø', ' ', '.', "'", '-', '2'];
const nameArbitrary = fc
  .tuple(
    fc.constantFrom('A', 'BOB', 'Ж', 'ÉMILE', 'DR'),
    fc.array(fc.constantFrom(...NAME_CHARS), { maxLength: 6 }),
  )
  .map(([start, rest]) => `${start}${rest.join('')}`.replace(/\s+/g, ' ').trim());
const lowercaseNameArbitrary = fc.constantFrom('McCLANE', 'li', 'Ana', 'dr. who');
const extensionArbitrary = fc.constantFrom(
  'V.O.',
  'O.S.',
  "CONT'D",
  'on the radio',
  'o.s.',
  'cont’d',
  'V.O. CONT’D',
);

function characterArbitrary(options: DocumentOptions): fc.Arbitrary<ScriptElement> {
  const name = options.fdx
    ? nameArbitrary
    : fc.oneof({ weight: 4, arbitrary: nameArbitrary }, lowercaseNameArbitrary);
  return fc
    .tuple(name, fc.option(extensionArbitrary, { nil: undefined }))
    .map(([text, extension]) => ({
      type: 'character',
      text,
      line: 0,
      ...(extension === undefined ? {} : { extension: options.fdx ? upper(extension) : extension }),
    }));
}

/** A speech line must not read as a parenthetical or a lyric. */
const speechLine = markupLine().map((text) => (/^[(~]/.test(text) ? `x ${text}` : text));

const dialogueArbitrary: fc.Arbitrary<ScriptElement> = fc
  .array(fc.oneof({ weight: 5, arbitrary: speechLine }, fc.constant('')), {
    minLength: 1,
    maxLength: 4,
  })
  .map((lines) => {
    const trimmed = [...lines];
    while (trimmed[0] === '') trimmed.shift();
    while (trimmed.at(-1) === '') trimmed.pop();
    return { type: 'dialogue', text: trimmed.length === 0 ? 'Hm.' : trimmed.join('\n'), line: 0 };
  });

const parentheticalArbitrary: fc.Arbitrary<ScriptElement> = markupLine(1, 3).map((text) => ({
  type: 'parenthetical',
  text: `(${text})`,
  line: 0,
}));

const lyricsArbitrary: fc.Arbitrary<ScriptElement> = fc
  .array(markupLine(), { minLength: 1, maxLength: 2 })
  .map((lines) => ({ type: 'lyrics', text: lines.join('\n'), line: 0 }));

/** Speech after a name: no two dialogue or lyric elements in a row (they would be one). */
const speechArbitrary: fc.Arbitrary<ScriptElement[]> = fc
  .array(
    fc.oneof({ weight: 3, arbitrary: dialogueArbitrary }, parentheticalArbitrary, lyricsArbitrary),
    {
      minLength: 1,
      maxLength: 4,
    },
  )
  .map((parts) =>
    parts.filter(
      (part, index) =>
        !(
          (part.type === 'dialogue' || part.type === 'lyrics') &&
          parts[index - 1]?.type === part.type
        ),
    ),
  );

function transitionArbitrary(options: DocumentOptions): fc.Arbitrary<ScriptElement> {
  const natural = fc.constantFrom('CUT TO:', 'SMASH CUT TO:', 'DISSOLVE TO:', 'MATCH CUT TO:');
  const forced = markupLine(1, 3).map((text) => (text.endsWith('<') ? `${text}.` : text));
  return fc
    .oneof(natural, forced)
    .map((text) => ({ type: 'transition', text: options.fdx ? upper(text) : text, line: 0 }));
}

/**
 * Shot lines Fountain recognises (shots.ts): camera words first, capitals, not a sentence, no
 * colon (a first line `X: y` would read as a title page).
 */
const shotArbitrary: fc.Arbitrary<ScriptElement> = fc
  .tuple(
    fc.constantFrom('CLOSE ON', 'ANGLE ON', 'INSERT -', 'WIDE SHOT', 'POV', 'EXTREME CLOSE UP'),
    markupLine(0, 3),
  )
  .map(([opening, rest]) => upper(`${opening} ${rest}`.trim()))
  .filter((text) => !/[.!?:]/.test(text))
  .map((text) => ({ type: 'shot', text, line: 0 }));

const centeredArbitrary: fc.Arbitrary<ScriptElement> = fc
  .array(markupLine(), { minLength: 1, maxLength: 2 })
  .map((lines) => ({ type: 'centered', text: lines.join('\n'), line: 0 }));

const sectionArbitrary: fc.Arbitrary<ScriptElement> = fc
  .tuple(fc.integer({ min: 1, max: 4 }), markupLine())
  .map(([depth, text]) => ({ type: 'section', text, depth, line: 0 }));

const synopsisArbitrary: fc.Arbitrary<ScriptElement> = markupLine().map((text) => ({
  type: 'synopsis',
  text,
  line: 0,
}));
const noteArbitrary: fc.Arbitrary<ScriptElement> = markupLine().map((text) => ({
  type: 'note',
  text,
  line: 0,
}));
const pageBreak: ScriptElement = { type: 'page_break', text: '', line: 0 };

type Block = readonly ScriptElement[];

function blockArbitrary(options: DocumentOptions): fc.Arbitrary<Block> {
  const speech = fc
    .tuple(characterArbitrary(options), speechArbitrary)
    .map(([cue, lines]): Block => [cue, ...lines]);
  const dual = fc
    .tuple(
      characterArbitrary(options),
      speechArbitrary,
      characterArbitrary(options),
      speechArbitrary,
    )
    .map(([left, leftSpeech, right, rightSpeech]): Block => [
      { ...left, dual: 'left' } as ScriptElement,
      ...leftSpeech,
      { ...right, dual: 'right' } as ScriptElement,
      ...rightSpeech,
    ]);
  return fc.oneof(
    { weight: 3, arbitrary: headingArbitrary(options).map((element): Block => [element]) },
    { weight: 4, arbitrary: actionArbitrary(true).map((element): Block => [element]) },
    { weight: 4, arbitrary: speech },
    { weight: 1, arbitrary: dual },
    { weight: 1, arbitrary: transitionArbitrary(options).map((element): Block => [element]) },
    { weight: 1, arbitrary: centeredArbitrary.map((element): Block => [element]) },
    { weight: 1, arbitrary: shotArbitrary.map((element): Block => [element]) },
    { weight: 1, arbitrary: sectionArbitrary.map((element): Block => [element]) },
    { weight: 1, arbitrary: synopsisArbitrary.map((element): Block => [element]) },
    { weight: 1, arbitrary: noteArbitrary.map((element): Block => [element]) },
    { weight: 1, arbitrary: lyricsArbitrary.map((element): Block => [element]) },
    { weight: 1, arbitrary: fc.constant<Block>([pageBreak]) },
  );
}

const CREDITS = ['Written by', 'Screenplay by', 'by'];
const OTHER_KEYS = [
  'draft date',
  'contact',
  'copyright',
  'notes',
  'revision',
  'authors',
  'based on',
];

function titlePageArbitrary(): fc.Arbitrary<Record<string, string>> {
  const value = fc
    .array(markupLine(1, 4), { minLength: 1, maxLength: 2 })
    .map((lines) => lines.join('\n'));
  return fc
    .record(
      {
        title: value,
        credit: fc.constantFrom(...CREDITS),
        author: value,
        source: value,
        other: fc.array(fc.tuple(fc.constantFrom(...OTHER_KEYS), value), { maxLength: 3 }),
      },
      { requiredKeys: [] },
    )
    .map(({ other = [], ...centered }) => {
      const fields: Record<string, string> = {};
      for (const [key, text] of Object.entries(centered))
        if (text !== undefined) fields[key] = text;
      for (const [key, text] of other) fields[key] = text;
      return fields;
    })
    .filter((fields) =>
      ['title', 'author', 'source'].every(
        (key) =>
          fields[key] === undefined ||
          !fields[key]
            .split('\n')
            .some((line) => /\bby:?$|^[\p{L}][\p{L}\p{N} _'-]*:/iu.test(line)),
      ),
    );
}

/** Documents both writers can express (see the module comment). `line` is 0: it is not compared. */
export function documentArbitrary(options: DocumentOptions): fc.Arbitrary<ScriptDocument> {
  return fc
    .tuple(
      fc.oneof(fc.constant({}), titlePageArbitrary()),
      fc.array(blockArbitrary(options), { maxLength: 25 }),
    )
    .map(([titlePage, blocks]) => ({
      titlePage,
      elements: withValidSpacing(blocks.flat()),
      diagnostics: [],
    }));
}

/** Kept blank lines only right after action (notes do not count). */
function withValidSpacing(elements: readonly ScriptElement[]): ScriptElement[] {
  let previous: ScriptElement | undefined;
  return elements.map((element) => {
    let fixed = element;
    if (element.type === 'action' && element.text.startsWith('\n') && previous?.type !== 'action') {
      fixed = { ...element, text: element.text.replace(/^\n+/, '') };
    }
    if (element.type !== 'note') previous = fixed;
    return fixed;
  });
}
