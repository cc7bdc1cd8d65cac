import { describe, expect, test } from 'vitest';
import { parseScript } from '../index';

function outline(source: string): [string, string, number][] {
  return parseScript(source).elements.map((element) => [element.type, element.text, element.line]);
}

describe('notes', () => {
  test('an inline note leaves the action and follows it as a note element', () => {
    expect(outline('He walks in. [[Is he limping?]] He sits.')).toEqual([
      ['action', 'He walks in.  He sits.', 1],
      ['note', 'Is he limping?', 1],
    ]);
  });

  test('a note inside dialogue does not end up in what is said', () => {
    expect(outline('STEEL\nBeer’s ready! [[louder?]]\nCome on.')).toEqual([
      ['character', 'STEEL', 1],
      ['dialogue', 'Beer’s ready!\nCome on.', 2],
      ['note', 'louder?', 2],
    ]);
  });

  test('a note on a line of its own does not break a dialogue block', () => {
    expect(outline('STEEL\n[[cut this?]]\nBeer’s ready!')).toEqual([
      ['character', 'STEEL', 1],
      ['note', 'cut this?', 2],
      ['dialogue', 'Beer’s ready!', 3],
    ]);
  });

  test('notes may span lines, and keep an empty line written as two spaces', () => {
    expect(outline('Action. [[First line\n  \nthird line]] More.\n\nNext.')).toEqual([
      ['action', 'Action.  More.', 1],
      ['note', 'First line\n  \nthird line', 1],
      ['action', 'Next.', 5],
    ]);
  });

  test('a note open across a blank line that another note opens inside is kept as text, with a warning', () => {
    const doc = parseScript('Action [[never\n\nclosed [[x ]] here.');
    expect(doc.elements.map((element) => element.text)).toEqual([
      'Action [[never',
      'closed  here.',
      'x',
    ]);
    expect(doc.diagnostics).toContainEqual(
      expect.objectContaining({ line: 1, severity: 'warning' }),
    );
  });

  test('a note that never closes is kept as text, with a warning', () => {
    const doc = parseScript('Action [[ never closed.');
    expect(doc.elements[0]?.text).toBe('Action [[ never closed.');
    expect(doc.diagnostics[0]).toMatchObject({ line: 1, severity: 'warning' });
  });
});

describe('boneyard', () => {
  test('is removed, even across blank lines, and later lines keep their numbers', () => {
    expect(
      outline('INT. A - DAY\n\n/*\nOld scene.\n\nBOB\nCut line.\n*/\nAction.\n\nBOB\nKept.'),
    ).toEqual([
      ['scene_heading', 'INT. A - DAY', 1],
      ['action', 'Action.', 9],
      ['character', 'BOB', 11],
      ['dialogue', 'Kept.', 12],
    ]);
  });

  test('inline boneyard joins the text around it', () => {
    expect(outline('He runs /* fast */ away.')).toEqual([['action', 'He runs  away.', 1]]);
  });

  test('an unclosed boneyard is kept as text rather than eating the script', () => {
    const doc = parseScript('He runs /* away.\n\nBOB\nHi.');
    expect(doc.elements.map((element) => element.type)).toEqual([
      'action',
      'character',
      'dialogue',
    ]);
    expect(doc.diagnostics).toContainEqual(
      expect.objectContaining({ line: 1, severity: 'warning' }),
    );
  });

  test('notes inside boneyard go with it', () => {
    expect(outline('/* [[old note]] */Action.')).toEqual([['action', 'Action.', 1]]);
  });
});
