import { parseCharacterCue } from './classify';
import { splitHeading } from '../stats';
import type { FountainTokens } from './tokens';

/**
 * What to offer while a Fountain script is typed, from the script itself: the names of its
 * characters, scene heading prefixes, the locations and times of day its headings already use,
 * and character extensions. Pure: the editor asks with the text, the tokens it already has and
 * the cursor, and shows what comes back (CodeMirror filters by what was typed since `from`).
 */
export type FountainCompletionKind = 'character' | 'prefix' | 'location' | 'time' | 'extension';

export interface FountainOption {
  readonly label: string;
  readonly kind: FountainCompletionKind;
}

export interface FountainCompletion {
  /** Offset the options replace from (up to the cursor). */
  readonly from: number;
  readonly options: readonly FountainOption[];
}

export interface CompletionRequest {
  readonly text: string;
  readonly tokens: FountainTokens;
  /** The cursor. */
  readonly pos: number;
  /** Asked for (Ctrl+Space) rather than offered while typing: any case counts as a name. */
  readonly explicit: boolean;
  /** More names to offer (the project's cast), besides those the script already has. */
  readonly characters?: readonly string[];
}

export const HEADING_PREFIXES = ['INT. ', 'EXT. ', 'INT./EXT. ', 'EXT./INT. ', 'I/E ', 'EST. '];
export const COMMON_TIMES = [
  'DAY',
  'NIGHT',
  'MORNING',
  'AFTERNOON',
  'EVENING',
  'DAWN',
  'DUSK',
  'CONTINUOUS',
  'LATER',
  'MOMENTS LATER',
];
export const EXTENSIONS = ['(V.O.)', '(O.S.)', '(O.C.)', "(CONT'D)"];

/** `INT. `, `ext.`, `I/E `: a heading's prefix and the space after it (the parser's rule). */
const HEADING = /^(\s*)((?:int\.?\/ext|ext\.?\/int|i\/e|int|ext|est)[.\s]\s*)/i;
const DASH = /\s[-–—]+\s*/g;
const TYPED_CAPS = /^(\s*@?)([\p{Lu}\p{N}][\p{Lu}\p{N} .'’-]*)$/u;
const TYPED_ANY = /^(\s*@?)([\p{L}\p{N}][\p{L}\p{N} .'’-]*)?$/u;
const CUE_THEN_PAREN = /^\s*@?[^(]*\S\s*\(([^)]*)$/u;

export function fountainCompletion(request: CompletionRequest): FountainCompletion | null {
  const { text, tokens, pos } = request;
  const index = lineIndexAt(tokens, pos);
  const line = tokens.lines[index];
  if (!line || line.type === 'title_page' || line.type === 'note' || line.type === 'boneyard') {
    return null;
  }
  if (insideSpan(tokens, pos)) return null;
  const before = text.slice(line.from, pos);
  const previous = tokens.lines[index - 1];
  const startsBlock = !previous || text.slice(previous.from, previous.to).trim() === '';
  if (!startsBlock) return null;

  const heading = HEADING.exec(before);
  if (heading) return headingCompletion(request, line.from, before, heading, index + 1);

  const paren = CUE_THEN_PAREN.exec(before);
  if (paren && line.type === 'character') {
    return {
      from: pos - (paren[1] as string).length - 1,
      options: EXTENSIONS.map((label) => ({ label, kind: 'extension' })),
    };
  }

  const typed = (request.explicit ? TYPED_ANY : TYPED_CAPS).exec(before);
  if (!typed) return null;
  const from = line.from + (typed[1] as string).length;
  const word = typed[2] ?? '';
  const options: FountainOption[] = [];
  if (!(typed[1] as string).includes('@') && isPrefixStart(word)) {
    options.push(...HEADING_PREFIXES.map((label) => ({ label, kind: 'prefix' as const })));
  }
  for (const name of characterNames(request, index))
    options.push({ label: name, kind: 'character' });
  return options.length === 0 ? null : { from, options };
}

function headingCompletion(
  request: CompletionRequest,
  lineFrom: number,
  before: string,
  heading: RegExpExecArray,
  cursorLine: number,
): FountainCompletion {
  const restFrom = lineFrom + (heading[0] as string).length;
  const rest = before.slice(heading[0].length);
  let lastDash: RegExpExecArray | null = null;
  for (const match of rest.matchAll(DASH)) lastDash = match;
  const { locations, times } = headingVocabulary(request.tokens, cursorLine);
  if (lastDash) {
    return {
      from: restFrom + (lastDash.index ?? 0) + lastDash[0].length,
      options: [...new Set([...times, ...COMMON_TIMES])].map((label) => ({ label, kind: 'time' })),
    };
  }
  return { from: restFrom, options: locations.map((label) => ({ label, kind: 'location' })) };
}

/** `I`, `EX`, `INT./`: could still become a heading prefix. */
function isPrefixStart(word: string): boolean {
  const upper = word.toUpperCase();
  return upper !== '' && HEADING_PREFIXES.some((prefix) => prefix.startsWith(upper));
}

/** Names of the script's speakers, most cues first, then the given ones; the cursor's line aside. */
export function characterNames(request: CompletionRequest, exceptLine = -1): string[] {
  const counts = new Map<string, { name: string; cues: number }>();
  request.tokens.lines.forEach((line, index) => {
    if (line.type !== 'character' || index === exceptLine) return;
    const cue = parseCharacterCue(request.text.slice(line.from, line.to).trim());
    if (!cue) return;
    const key = cue.text.toUpperCase();
    const known = counts.get(key);
    if (known) known.cues++;
    else counts.set(key, { name: cue.text, cues: 1 });
  });
  for (const name of request.characters ?? []) {
    const key = name.trim().toUpperCase();
    if (key !== '' && !counts.has(key)) counts.set(key, { name: name.trim(), cues: 0 });
  }
  return [...counts.values()].sort((a, b) => b.cues - a.cues).map((entry) => entry.name);
}

/** Locations and times of day of the script's headings, most used first; one line aside. */
export function headingVocabulary(
  tokens: FountainTokens,
  exceptLine = -1,
): {
  locations: string[];
  times: string[];
} {
  const locations = new Map<string, { label: string; uses: number }>();
  const times = new Map<string, number>();
  for (const entry of tokens.outline) {
    if (entry.kind !== 'scene' || entry.line === exceptLine) continue;
    const { location, time } = splitHeading(entry.text);
    if (location !== '') {
      const key = location.toUpperCase();
      const known = locations.get(key);
      if (known) known.uses++;
      else locations.set(key, { label: location, uses: 1 });
    }
    if (time !== '') times.set(time, (times.get(time) ?? 0) + 1);
  }
  return {
    locations: [...locations.values()].sort((a, b) => b.uses - a.uses).map((l) => l.label),
    times: [...times.entries()].sort((a, b) => b[1] - a[1]).map(([time]) => time),
  };
}

function lineIndexAt(tokens: FountainTokens, pos: number): number {
  const { lines } = tokens;
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lines[mid] as FountainTokens['lines'][number]).from <= pos) low = mid;
    else high = mid - 1;
  }
  return low;
}

function insideSpan(tokens: FountainTokens, pos: number): boolean {
  return tokens.spans.some(
    (span) =>
      (span.type === 'note' || span.type === 'boneyard') && span.from < pos && pos < span.to,
  );
}
