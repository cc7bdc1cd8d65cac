import { describe, expect, test } from 'vitest';
import { fountainCompletion, type FountainCompletion } from './completion';
import { tokenizeFountain } from './tokens';

const SCRIPT = [
  'INT. KITCHEN - NIGHT',
  '',
  'Anna waits.',
  '',
  'ANNA',
  'He is not coming.',
  '',
  'BEN (O.S.)',
  'I know.',
  '',
  'ANNA',
  'Then go.',
  '',
  'EXT. ROOF - NIGHT',
  '',
  'INT. KITCHEN - MORNING',
  '',
  '',
].join('\n');

/** Completion with the cursor at the end of `typed`, written on a new paragraph after SCRIPT. */
function complete(
  typed: string,
  options: { explicit?: boolean; characters?: string[] } = {},
): FountainCompletion | null {
  const text = `${SCRIPT}${typed}`;
  return fountainCompletion({
    text,
    tokens: tokenizeFountain(text),
    pos: text.length,
    explicit: options.explicit ?? false,
    ...(options.characters ? { characters: options.characters } : {}),
  });
}

const labels = (found: FountainCompletion | null) => found?.options.map((o) => o.label) ?? [];
const typedFrom = (typed: string, found: FountainCompletion | null) =>
  `${SCRIPT}${typed}`.slice(found?.from ?? -1);

describe('character names', () => {
  test('a capital at the start of a paragraph offers the cast, most cues first', () => {
    const found = complete('A');
    expect(labels(found).filter((_, i) => found?.options[i]?.kind === 'character')).toEqual([
      'ANNA',
      'BEN',
    ]);
    expect(typedFrom('A', found)).toBe('A');
  });

  test('names given by the project join those in the text, without repeats', () => {
    const found = complete('C', { characters: ['CLARA', 'Anna'] });
    expect(labels(found)).toEqual(['ANNA', 'BEN', 'CLARA']);
  });

  test('a forced name after @ completes from after the @', () => {
    const found = complete('@Cl', { characters: ['McCLANE'], explicit: true });
    expect(typedFrom('@Cl', found)).toBe('Cl');
    expect(labels(found)).toContain('McCLANE');
  });

  test('lowercase typing is action, not a name, unless completion is asked for', () => {
    expect(complete('an')).toBeNull();
    expect(labels(complete('an', { explicit: true }))).toContain('ANNA');
  });

  test('nothing is offered inside a paragraph, a note or the boneyard', () => {
    const inside = `${SCRIPT}Anna waits.\nA`;
    expect(
      fountainCompletion({
        text: inside,
        tokens: tokenizeFountain(inside),
        pos: inside.length,
        explicit: false,
      }),
    ).toBeNull();
    const note = `${SCRIPT}[[A`;
    expect(
      fountainCompletion({
        text: note,
        tokens: tokenizeFountain(note),
        pos: note.length,
        explicit: false,
      }),
    ).toBeNull();
  });

  test('the name being typed is not offered as its own completion', () => {
    expect(labels(complete('ZED'))).not.toContain('ZED');
  });
});

describe('scene headings', () => {
  test('prefixes: INT., EXT., INT./EXT., I/E', () => {
    const found = complete('I');
    expect(labels(found)).toEqual(expect.arrayContaining(['INT. ', 'INT./EXT. ', 'I/E ']));
    expect(found?.options.find((o) => o.label === 'INT. ')?.kind).toBe('prefix');
  });

  test('after a prefix, the locations already used, most used first', () => {
    const found = complete('INT. K');
    expect(labels(found)).toEqual(['KITCHEN', 'ROOF']);
    expect(typedFrom('INT. K', found)).toBe('K');
    expect(found?.options[0]?.kind).toBe('location');
  });

  test('after the dash, the times of day already used first, then common ones', () => {
    const found = complete('EXT. ROOF - ');
    expect(labels(found).slice(0, 3)).toEqual(['NIGHT', 'MORNING', 'DAY']);
    expect(labels(found)).toContain('CONTINUOUS');
    expect(typedFrom('EXT. ROOF - ', found)).toBe('');
    expect(typedFrom('EXT. ROOF - NI', complete('EXT. ROOF - NI'))).toBe('NI');
  });

  test('a lowercase prefix counts too', () => {
    expect(labels(complete('int. '))).toEqual(['KITCHEN', 'ROOF']);
  });
});

test('an open bracket after a name offers extensions', () => {
  const text = `${SCRIPT}BEN (\nWhat?`;
  const pos = text.indexOf('(\nWhat') + 1;
  const found = fountainCompletion({ text, tokens: tokenizeFountain(text), pos, explicit: false });
  expect(labels(found)).toEqual(['(V.O.)', '(O.S.)', '(O.C.)', "(CONT'D)"]);
  expect(text.slice(found?.from, pos)).toBe('(');
});
