import { readScreenplay } from '../helpers/fixtures';

/**
 * A feature-length Fountain script for the parse benchmark, built from the screenplay fixtures: the
 * bodies of the Fountain samples, title pages dropped, repeated until the text reaches the target
 * size, every scene heading renumbered `#1#`, `#2#`, … so the script reads as one long film.
 */
export const FEATURE_LENGTH_BYTES = 150 * 1024;

const FIXTURES = [
  'brick_and_steel.fountain',
  'the_last_birthday_card.fountain',
  'wildwinter_TestFDX-FD.fountain',
];

const HEADING = /^(?:(?:INT|EXT|EST|INT\.?\/EXT|EXT\.?\/INT|I\/E)[.\s]|\.[\p{L}\p{N}])/iu;
const SCENE_NUMBER_SUFFIX = /\s*#[^#\s]+#\s*$/;

function readFixture(name: string): string {
  return readScreenplay(name)
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
}

/** Everything after the title page (the first block of `Key: value` lines), if there is one. */
function bodyOf(text: string): string {
  const firstBlockEnd = text.indexOf('\n\n');
  const firstLine = text.slice(0, text.indexOf('\n'));
  return /^[\w ]+:/.test(firstLine) && firstBlockEnd !== -1 ? text.slice(firstBlockEnd + 2) : text;
}

export function buildFeatureLengthScript(minBytes = FEATURE_LENGTH_BYTES): string {
  const bodies = FIXTURES.map((name) => bodyOf(readFixture(name)).split('\n'));
  const out: string[] = ['Title: Benchmark Feature', 'Author: Frameline fixtures', ''];
  let bytes = 0;
  let scene = 0;
  for (let round = 0; bytes < minBytes; round++) {
    const lines = bodies[round % bodies.length] ?? [];
    for (let index = 0; index < lines.length; index++) {
      let line = lines[index] ?? '';
      const blankBefore = index === 0 || (lines[index - 1] ?? '').trim() === '';
      if (blankBefore && HEADING.test(line) && !line.startsWith('..')) {
        line = `${line.replace(SCENE_NUMBER_SUFFIX, '')} #${++scene}#`;
      }
      out.push(line);
      bytes += Buffer.byteLength(line, 'utf8') + 1;
    }
    out.push('');
  }
  return out.join('\n');
}
