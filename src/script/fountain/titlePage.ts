import { isAllCaps } from '../caps';
import { isBlank, type SourceLine } from './lines';
import { startsLikeSceneHeading } from './classify';

export interface TitlePageResult {
  readonly titlePage: Record<string, string>;
  /** Index of the first line of the script body. */
  readonly bodyStart: number;
}

/** `Draft date: 1/27/2012`. Keys are words, so `INT. HOUSE: DAY` or `...: no` never qualify. */
const KEY_VALUE = /^([\p{L}\p{N}][\p{L}\p{N} _'-]*):(.*)$/u;
/** Fountain 1.1: a value continues on lines indented by three or more spaces or a tab. */
const CONTINUATION = /^(?: {3}|\t)/;

interface Field {
  key: string;
  rawKey: string;
  values: string[];
}

/**
 * The title page is the first block of `Key: value` lines, ending at the first blank line. A
 * script that opens with `FADE IN:` has no title page: a lone all-caps key with no value is a
 * transition, and keys that read as scene headings are never keys.
 */
export function readTitlePage(lines: readonly SourceLine[]): TitlePageResult {
  let start = 0;
  while (start < lines.length && isBlank(lines[start]?.text ?? '')) start++;
  let end = start;
  while (end < lines.length && !isBlank(lines[end]?.text ?? '')) end++;

  const fields = readFields(lines.slice(start, end));
  if (fields === null || fields.length === 0) return { titlePage: {}, bodyStart: 0 };

  const titlePage: Record<string, string> = {};
  for (const { key, values } of fields) {
    const value = values.join('\n');
    titlePage[key] = key in titlePage ? `${titlePage[key]}\n${value}` : value;
  }
  return { titlePage, bodyStart: end };
}

function readFields(block: readonly SourceLine[]): Field[] | null {
  const fields: Field[] = [];
  for (const { text } of block) {
    const last = fields.at(-1);
    if (last && CONTINUATION.test(text)) {
      last.values.push(text.trim());
      continue;
    }
    const match = KEY_VALUE.exec(text.trimEnd());
    const rawKey = match?.[1];
    if (rawKey === undefined || startsLikeSceneHeading(rawKey)) return null;
    const value = (match?.[2] ?? '').trim();
    fields.push({ key: normalizeKey(rawKey), rawKey, values: value === '' ? [] : [value] });
  }
  const only = fields[0];
  const looksLikeTransition =
    fields.length === 1 && only !== undefined && only.values.length === 0 && isAllCaps(only.rawKey);
  return looksLikeTransition ? null : fields;
}

function normalizeKey(key: string): string {
  return key.trim().replace(/\s+/g, ' ').toLowerCase();
}
