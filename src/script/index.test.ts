import { describe, expect, test } from 'vitest';
import { parseScript, sniffFormat } from './index';

describe('the format is sniffed when not given', () => {
  test.each([
    ['<?xml version="1.0"?><FinalDraft/>', 'fdx'],
    ['\uFEFF\n  <FinalDraft Version="5"></FinalDraft>', 'fdx'],
    ['<!-- exported --><FinalDraft/>', 'fdx'],
    ['INT. HOUSE - DAY\n\nQuiet.', 'fountain'],
    ['<Insert title here>\n\nINT. HOUSE - DAY', 'fountain'],
    ['', 'fountain'],
  ])('%j is %s', (text, format) => {
    expect(sniffFormat(text)).toBe(format);
  });

  test('an explicit format wins over sniffing', () => {
    const asFountain = parseScript('<?xml version="1.0"?>\n\nINT. HOUSE - DAY\n\nQuiet.', {
      format: 'fountain',
    });
    expect(asFountain.elements.map((element) => element.type)).toEqual([
      'action',
      'scene_heading',
      'action',
    ]);
  });
});

describe('kept blank lines in action (Fountain respects vertical space)', () => {
  test('blank lines beyond the first between action paragraphs start the next paragraph', () => {
    expect(parseScript('INT. A - DAY\n\nOne.\n\n\n\nTwo.\n\n!Three.\n\n\n!Four.').elements).toEqual(
      [
        { type: 'scene_heading', text: 'INT. A - DAY', line: 1 },
        { type: 'action', text: 'One.', line: 3 },
        { type: 'action', text: '\n\nTwo.', line: 7 },
        { type: 'action', text: 'Three.', line: 9 },
        { type: 'action', text: '\nFour.', line: 12 },
      ],
    );
  });

  test('elsewhere extra blank lines mean nothing', () => {
    expect(
      parseScript('INT. A - DAY\n\n\n\nOne.\n\n\n\nBOB\nHi.').elements.map(
        (element) => element.text,
      ),
    ).toEqual(['INT. A - DAY', 'One.', 'BOB', 'Hi.']);
  });
});
