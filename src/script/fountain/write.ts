import type { ScriptDocument, ScriptElement } from '../types';
import { classifyLine, type LineClass } from './classify';
import { readTitlePage } from './titlePage';

/**
 * Fountain 1.1 text for a document, written so `parseScript` reads it back to the same document
 * (elements and title page equal, `line` numbers aside) whenever the document is one Fountain can
 * express. Each element is checked against the reader's own classifier and forced (`.` heading,
 * `!` action, `@` name, `>` transition) only when its plain form would read as something else.
 *
 * Blocks are separated by one blank line; speech (parentheticals, dialogue, lyrics after a name)
 * follows its name directly, with empty lines written as two spaces; a note goes on the line after
 * the element it follows, so it neither splits nor joins paragraphs.
 *
 * What Fountain cannot express is written as closely as it can and will read back differently:
 * text containing `[[`, `]]`, `/*` or `*\/` (notes and boneyard), a name containing `(` or ending
 * in `^`, a speech line that looks like a parenthetical or lyric, two dialogue elements in a row,
 * a shot whose text is not a shot line Fountain recognises (it reads back as action),
 * a name with no speech after it, speech with no name before it, and line breaks in one-line
 * elements (headings, names, transitions, parentheticals, sections, synopses), which become spaces.
 */
export function toFountain(doc: ScriptDocument): string {
  const out: string[] = writeTitlePage(doc.titlePage);
  const hasTitlePage = out.length > 0;
  if (hasTitlePage) out.push('');

  let inSpeech = false;
  let previous: ScriptElement | undefined;
  let firstBlock = true;
  for (const element of doc.elements) {
    if (element.type === 'note') {
      // On the line after the block it follows (the line vanishes on reading), or a block of its
      // own when nothing comes before it.
      const note = `[[${element.text}]]`;
      if (out.length === 0 || out.at(-1) === '') out.push(note, '');
      else out.push(note);
      continue;
    }
    const continuesSpeech: boolean =
      inSpeech &&
      isSpeechPart(element) &&
      !(previous?.type === 'lyrics' && element.type === 'lyrics');
    if (!continuesSpeech && out.length > 0 && out.at(-1) !== '') out.push('');

    let lines = linesFor(element, previous);
    if (firstBlock && !hasTitlePage && readsAsTitlePage(lines))
      lines = forceFirstLine(element, lines);
    out.push(...lines);

    firstBlock = false;
    inSpeech = element.type === 'character' || (continuesSpeech && isSpeechPart(element));
    previous = element;
  }
  while (out.at(-1) === '') out.pop();
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

function isSpeechPart(element: ScriptElement): boolean {
  return (
    element.type === 'dialogue' || element.type === 'parenthetical' || element.type === 'lyrics'
  );
}

const TITLE_PAGE_INDENT = '    ';

function writeTitlePage(titlePage: Readonly<Record<string, string>>): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(titlePage)) {
    const label = titlePageLabel(key);
    // An empty line would end the title page; there is no way to write one inside a value.
    const lines = value
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    if (lines.length === 1) out.push(`${label}: ${lines[0] ?? ''}`);
    else out.push(`${label}:`, ...lines.map((line) => TITLE_PAGE_INDENT + line));
  }
  return out;
}

/** `draft date` → `Draft date` (keys are read back lowercased). */
function titlePageLabel(key: string): string {
  const clean = key.replace(/[^\p{L}\p{N} _'-]/gu, ' ').trim() || 'Note';
  return clean.charAt(0).toUpperCase() + clean.slice(1);
}

function readsAsTitlePage(lines: readonly string[]): boolean {
  return (
    Object.keys(readTitlePage(lines.map((text, index) => ({ text, line: index + 1 }))).titlePage)
      .length > 0
  );
}

function forceFirstLine(element: ScriptElement, lines: string[]): string[] {
  const [first = '', ...rest] = lines;
  if (element.type === 'action' && !first.startsWith('!')) return [`!${first}`, ...rest];
  if (element.type === 'character' && !first.startsWith('@')) return [`@${first}`, ...rest];
  return lines;
}

const BOTH_BLANK = { blankBefore: true, blankAfter: true } as const;

function linesFor(element: ScriptElement, previous: ScriptElement | undefined): string[] {
  switch (element.type) {
    case 'scene_heading':
      return [headingLine(element.text, element.sceneNumber)];
    case 'action':
      return actionLines(element.text, previous?.type === 'action');
    case 'character':
      return [cueLine(element.text, element.extension, element.dual === 'right')];
    case 'parenthetical':
      return [oneLine(element.text)];
    case 'dialogue':
      return element.text
        .split('\n')
        .map((line) => (line.trim() === '' ? TWO_SPACES : line.trim()));
    case 'lyrics':
      return element.text.split('\n').map((line) => `~${line.trim()}`);
    case 'transition':
      return [transitionLine(oneLine(element.text))];
    case 'shot':
      return [shotLine(oneLine(element.text))];
    case 'centered':
      return element.text.split('\n').map((line) => `> ${line.trim()} <`);
    case 'section':
      return [`${'#'.repeat(Math.max(1, Math.trunc(element.depth)))} ${oneLine(element.text)}`];
    case 'synopsis':
      return [`= ${oneLine(element.text)}`];
    case 'page_break':
      return ['==='];
    case 'note':
      return [`[[${element.text}]]`];
  }
}

const TWO_SPACES = '  ';

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** Fountain scene numbers: letters, digits, dashes and dots. Others cannot be written. */
const SCENE_NUMBER = /^[\p{L}\p{N}.-]+$/u;

function headingLine(text: string, sceneNumber: string | undefined): string {
  const number =
    sceneNumber !== undefined && SCENE_NUMBER.test(sceneNumber) ? ` #${sceneNumber}#` : '';
  const plain = `${oneLine(text)}${number}`;
  const expected = (lineClass: LineClass): boolean =>
    lineClass.type === 'scene_heading' &&
    lineClass.text === oneLine(text) &&
    lineClass.sceneNumber === (number === '' ? undefined : sceneNumber);
  return expected(classifyLine(plain, BOTH_BLANK)) ? plain : `.${plain}`;
}

/**
 * Indentation is kept; a line the reader would take for something else (a heading, a name, a
 * transition, a marked line) is forced with `!`, which keeps the rest of the line as written.
 * Leading empty lines (kept vertical space) are only possible after another action paragraph.
 */
function actionLines(text: string, afterAction: boolean): string[] {
  const all = text.replace(/\t/g, '    ').split('\n');
  let start = 0;
  if (!afterAction) while (start < all.length - 1 && all[start]?.trim() === '') start++;
  const lines = all.slice(start).map((line) => line.trimEnd());
  let firstText = 0;
  while (firstText < lines.length && lines[firstText] === '') firstText++;
  const last = lines.length - 1;
  return lines.map((line, index) => {
    if (line === '' || index < firstText) return line;
    const context = { blankBefore: index === firstText, blankAfter: index === last };
    const lineClass = classifyLine(line, context);
    const readsBack =
      lineClass.type === 'action' && !lineClass.notAHeading && lineClass.text === line;
    return readsBack ? line : `!${line}`;
  });
}

function cueLine(name: string, extension: string | undefined, right: boolean): string {
  const cue = `${oneLine(name)}${extension ? ` (${oneLine(extension)})` : ''}${right ? ' ^' : ''}`;
  const lineClass = classifyLine(cue, { blankBefore: true, blankAfter: false });
  const readsBack =
    lineClass.type === 'character' &&
    lineClass.text === oneLine(name) &&
    (lineClass.extension ?? '') === (extension ? oneLine(extension) : '') &&
    lineClass.dualMark === right;
  return readsBack ? cue : `@${cue}`;
}

/**
 * Fountain has no mark for a shot: a shot line is one the reader recognises (shots.ts). One it
 * would not (`THE LETTER`, from a Final Draft "Shot" paragraph) is written as it is and reads
 * back as action; one that would read as something else is forced to action with `!`.
 */
function shotLine(text: string): string {
  const lineClass = classifyLine(text, BOTH_BLANK);
  return lineClass.type === 'action' || lineClass.type === 'shot' ? text : `!${text}`;
}

function transitionLine(text: string): string {
  const lineClass = classifyLine(text, BOTH_BLANK);
  return lineClass.type === 'transition' && lineClass.text === text ? text : `> ${text}`;
}
