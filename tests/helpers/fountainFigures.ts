/**
 * Scene and shot counts for a plain Fountain script, derived here on purpose without the app's
 * parser or planner: blocks between blank lines, classified by their first line. It follows the
 * breakdown rules as the product states them (ARCHITECTURE/README): each scene gets an
 * establishing shot (which takes the scene's opening action paragraph), then one shot per further
 * action paragraph and title card, and one per dialogue exchange, an exchange split after four
 * speeches or 25 s of speech (2.5 words/s + 0.5 s pause, at least 1 s per speech).
 * Good enough for ordinary scripts, which is what the end-to-end tests feed it.
 */
export interface FountainFigures {
  readonly scenes: number;
  readonly shots: number;
}

const HEADING = /^(?:INT|EXT|EST|INT\.?\/EXT|EXT\.?\/INT|I\/E)[.\s]/i;
const FORCED_HEADING = /^\.[^.\s]*\p{L}/u;
const TRANSITION = /^[^\p{Ll}]*TO:$/u;
const PLAIN_TRANSITION = /^(?:FADE|CUT|DISSOLVE)\b[^\p{Ll}]*[.:]$/u;
const SPEECHES_PER_SHOT = 4;
const EXCHANGE_MS = 25_000;

function speechMs(lines: readonly string[]): number {
  const words = lines
    .filter((line) => !line.trim().startsWith('('))
    .join(' ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return Math.max(1000, (words / 2.5) * 1000 + 500);
}

function isSpeech(block: readonly string[]): boolean {
  const first = (block[0] ?? '').trim();
  if (block.length < 2) return false;
  if (first.startsWith('@')) return true;
  const name = first
    .replace(/\^$/, '')
    .replace(/\(.*\)\s*$/, '')
    .trim();
  return /\p{L}/u.test(name) && name === name.toUpperCase() && !name.endsWith('TO:');
}

export function countFountainFigures(source: string): FountainFigures {
  let text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  text = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\[\[[\s\S]*?\]\]/g, '');
  const lines = text.split('\n');
  // Title page: "Key: value" lines up to the first blank line.
  let start = 0;
  if (/^[\w ]+:/.test(lines[0] ?? ''))
    while (start < lines.length && lines[start]?.trim() !== '') start++;

  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of lines.slice(start)) {
    if (line.trim() === '' && line !== '  ') {
      if (current.length) blocks.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length) blocks.push(current);

  let scenes = 0;
  let shots = 0;
  let openingAction = false;
  let exchange: number[] = [];
  const closeExchange = () => {
    let count = 0;
    let ms = 0;
    for (const speech of exchange) {
      if (count >= SPEECHES_PER_SHOT || (count > 0 && ms + speech > EXCHANGE_MS)) {
        shots++;
        count = 0;
        ms = 0;
      }
      count++;
      ms += speech;
    }
    if (count > 0) shots++;
    exchange = [];
  };

  for (const block of blocks) {
    const first = (block[0] ?? '').trim();
    if (block.length === 1 && (HEADING.test(first) || FORCED_HEADING.test(first))) {
      closeExchange();
      scenes++;
      shots++; // establishing
      openingAction = true;
    } else if (/^(#|=)/.test(first) || TRANSITION.test(first) || PLAIN_TRANSITION.test(first)) {
      closeExchange();
    } else if (first.startsWith('>') && first.endsWith('<')) {
      closeExchange();
      openingAction = false;
      shots++;
    } else if (first.startsWith('>')) {
      closeExchange();
    } else if (isSpeech(block)) {
      openingAction = false;
      exchange.push(speechMs(block.slice(1)));
    } else {
      closeExchange();
      if (openingAction) openingAction = false;
      else shots++;
    }
  }
  closeExchange();
  return { scenes, shots };
}
