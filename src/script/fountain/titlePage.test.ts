import { describe, expect, test } from 'vitest';
import { parseScript } from '../index';

describe('title page', () => {
  test('key: value pairs before the first blank line, keys lowercased', () => {
    const doc = parseScript(
      'Title: BRICK & STEEL\nCredit: Written by\nAuthor: Stu Maschwitz\nDraft date: 1/27/2012\n\nEXT. PATIO - DAY\n\nSun.',
    );
    expect(doc.titlePage).toEqual({
      title: 'BRICK & STEEL',
      credit: 'Written by',
      author: 'Stu Maschwitz',
      'draft date': '1/27/2012',
    });
    expect(doc.elements[0]).toEqual({ type: 'scene_heading', text: 'EXT. PATIO - DAY', line: 6 });
  });

  test('values continue on lines indented by a tab or three spaces', () => {
    const doc = parseScript(
      'Title:\n\t_**BRICK & STEEL**_\n\t_**FULL RETIRED**_\nContact:\n   Next Level Productions\n   Solvang, CA\n\nAction.',
    );
    expect(doc.titlePage).toEqual({
      title: '_**BRICK & STEEL**_\n_**FULL RETIRED**_',
      contact: 'Next Level Productions\nSolvang, CA',
    });
  });

  test('a script that opens with FADE IN: has no title page', () => {
    const doc = parseScript('FADE IN:\n\nINT. HOUSE - DAY\n\nQuiet.');
    expect(doc.titlePage).toEqual({});
    expect(doc.elements[0]).toEqual({ type: 'action', text: 'FADE IN:', line: 1 });
  });

  test('a script that opens with a heading or dialogue has no title page', () => {
    expect(parseScript('INT. HOUSE: KITCHEN - DAY\n\nQuiet.').titlePage).toEqual({});
    expect(parseScript('BOB\nHello: world.').titlePage).toEqual({});
  });
});
