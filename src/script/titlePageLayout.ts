import { plainText } from './emphasis';

/**
 * Title pages in FDX files and PDFs are laid-out paragraphs, not `Key: value` pairs. This reads
 * the keys back the simple way a reader of the page would, and lays keys out so it reads them back:
 *
 * - A paragraph written `Key: value` with a Fountain title-page key (`Title: …`, `Author: …`) gives
 *   that key wherever it is; uncentred ones give any key, so every Fountain key survives.
 * - Other centred paragraphs, in order: everything before a credit line is the `title`; a credit line
 *   ("Written by", "Screenplay by", "by", … — short, ending in "by") is the `credit`; the
 *   paragraphs right after it, up to a blank one, are the `author`; any other centred text is the
 *   `source` ("Story by KTM", "Based on …").
 * - Other paragraphs, one at a time: text mentioning copyright is the `copyright`; text mentioning a draft, a revision or a date
 *   is the `draft date`; anything else is `contact`.
 *
 * Repeated keys are joined with `\n`. Blank paragraphs only separate.
 */
export interface LaidOutParagraph {
  /** Text with emphasis markup; '' for a blank paragraph. */
  readonly text: string;
  readonly centered: boolean;
}

const CREDIT = /^(?:[\p{L}'’&,.-]+\s+){0,4}by:?$/iu;
const MAX_CREDIT_LENGTH = 40;
const KEY_VALUE = /^([\p{L}][\p{L}\p{N} _'-]{0,40}):(.*)$/u;
/** The keys Fountain 1.1 names for title pages. */
const FOUNTAIN_KEYS: ReadonlySet<string> = new Set([
  'title',
  'credit',
  'author',
  'authors',
  'source',
  'draft date',
  'date',
  'contact',
  'copyright',
  'notes',
  'revision',
]);
const COPYRIGHT = /copyright|©|\(c\)/i;
const DRAFT = /draft|revision|revised|\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b(?:19|20)\d\d\b/i;

export function isCreditLine(text: string): boolean {
  const plain = plainText(text).trim();
  return plain.length <= MAX_CREDIT_LENGTH && CREDIT.test(plain);
}

type CenteredPart = 'title' | 'author' | 'source';

export function readTitlePageLayout(
  paragraphs: readonly LaidOutParagraph[],
): Record<string, string> {
  const fields: Record<string, string> = {};
  const add = (key: string, value: string): void => {
    const existing = fields[key];
    fields[key] = existing === undefined || existing === '' ? value : `${existing}\n${value}`;
  };

  let part: CenteredPart = 'title';
  let sawTitle = false;
  let sawAuthor = false;
  for (const { text, centered } of paragraphs) {
    const value = text.trim();
    const keyed = keyValueOf(value);
    if (keyed && (!centered || FOUNTAIN_KEYS.has(keyed.key))) {
      add(keyed.key, keyed.value);
      continue;
    }
    if (!centered) {
      if (value !== '') readOtherParagraph(value, add);
      continue;
    }
    if (value === '') {
      if (part === 'title' && sawTitle) part = 'source';
      if (part === 'author' && sawAuthor) part = 'source';
      continue;
    }
    if ((part === 'title' || part === 'source') && !('credit' in fields) && isCreditLine(value)) {
      add('credit', value);
      part = 'author';
      continue;
    }
    if (part === 'title') sawTitle = true;
    if (part === 'author') sawAuthor = true;
    add(part, value);
  }
  return fields;
}

/** `Contact: Next Level\nSolvang, CA` → `contact`, `Next Level\nSolvang, CA`. */
function keyValueOf(value: string): { key: string; value: string } | null {
  const [first = '', ...rest] = value.split('\n');
  const match = KEY_VALUE.exec(first);
  if (!match) return null;
  const key = (match[1] ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
  const lines = [(match[2] ?? '').trim(), ...rest.map((line) => line.trim())];
  return { key, value: lines.filter((line) => line !== '').join('\n') };
}

/** A centred value that would read back as a `Key: value` paragraph. */
function readsAsKey(value: string): boolean {
  const keyed = keyValueOf(value.trim());
  return keyed !== null && FOUNTAIN_KEYS.has(keyed.key);
}

function readOtherParagraph(value: string, add: (key: string, value: string) => void): void {
  const plain = plainText(value);
  const lines = value
    .split('\n')
    .map((line) => line.trim())
    .join('\n');
  if (COPYRIGHT.test(plain)) add('copyright', lines);
  else if (DRAFT.test(plain)) add('draft date', lines);
  else add('contact', lines);
}

/** Keys laid out centred, in this order, when `readTitlePageLayout` would read them back. */
export function layOutTitlePage(titlePage: Readonly<Record<string, string>>): LaidOutParagraph[] {
  const { title, credit, author, source } = titlePage;
  const centered: string[] = [];
  const centeredKeys = new Set<string>();
  const center = (key: string, value: string | undefined, when = true): void => {
    if (value === undefined || value.trim() === '' || !when || readsAsKey(value)) return;
    centered.push(value);
    centeredKeys.add(key);
  };
  const titleReadsBack = title !== undefined && !title.split('\n').some(isCreditLine);
  center('title', title, titleReadsBack);
  const creditReadsBack = credit !== undefined && !credit.includes('\n') && isCreditLine(credit);
  center('credit', credit, creditReadsBack);
  center('author', author, creditReadsBack);
  const sourceReadsBack = source !== undefined && !source.split('\n').some(isCreditLine);
  // Right after a credit, centred text reads as the author: source needs an author before it.
  const sourceFollowsAuthor = !centeredKeys.has('credit') || centeredKeys.has('author');
  center('source', source, centeredKeys.has('title') && sourceFollowsAuthor && sourceReadsBack);

  const paragraphs: LaidOutParagraph[] = [];
  for (const value of centered) {
    if (paragraphs.length > 0) paragraphs.push({ text: '', centered: true });
    paragraphs.push({ text: value, centered: true });
  }
  for (const [key, value] of Object.entries(titlePage)) {
    if (centeredKeys.has(key)) continue;
    if (paragraphs.length > 0) paragraphs.push({ text: '', centered: false });
    const label = key.charAt(0).toUpperCase() + key.slice(1);
    paragraphs.push({ text: `${label}: ${value}`, centered: false });
  }
  return paragraphs;
}
