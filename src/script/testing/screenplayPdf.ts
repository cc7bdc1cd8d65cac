import { plainText } from '../emphasis';
import type { ScriptDocument, ScriptElement } from '../types';
import { LETTER_HEIGHT, writeTestPdf, type PlacedText, type TestPdfPage } from './pdfWriter';

/**
 * Tests only: a document printed the way screenwriting software prints it, US Letter, Courier
 * 12pt (7.2pt per character, 12pt per line): action at 1.5in, dialogue 2.5in, parenthetical 3.1in,
 * character 3.7in, transitions right-aligned at 7.5in, text 1in from the top, page numbers in the
 * top margin, `(MORE)` / `NAME (CONT'D)` where a speech breaks across pages, optionally scene
 * numbers in both margins, `(CONTINUED)` / `CONTINUED:` at page breaks and a title page.
 */
export interface ScreenplayPdfOptions {
  readonly sceneNumbers?: boolean;
  readonly continueds?: boolean;
  /** Body lines per page; 54 unless given (smaller to force page breaks in short tests). */
  readonly linesPerPage?: number;
  /** Shift every indent by this many points (other software uses other margins). */
  readonly indentShift?: number;
}

const INCH = 72;
const CHAR = 7.2;
const LINE = 12;
const TOP_BASELINE = LETTER_HEIGHT - INCH - LINE;
const INDENT = {
  action: 1.5,
  dialogue: 2.5,
  parenthetical: 3.1,
  character: 3.7,
  right: 7.5,
} as const;
const WIDTH = { action: 60, dialogue: 35, parenthetical: 24 } as const;

interface Part {
  readonly x: number;
  readonly text: string;
}
type Row =
  | {
      readonly x: number;
      readonly text: string;
      readonly speech?: string;
      readonly also?: readonly Part[];
    }
  | 'blank';

export function screenplayPdf(doc: ScriptDocument, options: ScreenplayPdfOptions = {}): Uint8Array {
  const shift = options.indentShift ?? 0;
  const at = (inches: number): number => inches * INCH + shift;
  const rows = layOutRows(doc.elements, at, options.sceneNumbers ?? false);
  const pages: TestPdfPage[] = [];
  if (Object.keys(doc.titlePage).length > 0) pages.push(titlePage(doc.titlePage));
  const perPage = options.linesPerPage ?? 54;
  let texts: PlacedText[] = [];
  let line = 0;
  let pageNumber = 1;
  const newPage = (): void => {
    pages.push({ kind: 'text', texts });
    pageNumber++;
    texts = [
      { x: at(INDENT.right) - 3 * CHAR, y: LETTER_HEIGHT - 0.5 * INCH, text: `${pageNumber}.` },
    ];
    line = 0;
  };
  const place = (x: number, text: string, also: readonly Part[] = []): void => {
    texts.push({ x, y: TOP_BASELINE - line * LINE, text });
    for (const part of also)
      texts.push({ x: part.x, y: TOP_BASELINE - line * LINE, text: part.text });
    line++;
  };
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] as Row;
    if (row === 'blank') {
      if (line > 0) line++;
      continue;
    }
    const isCue = row.speech !== undefined && rows[index - 1] === 'blank';
    if (line >= perPage - 1 || (isCue && line >= perPage - 3)) {
      const next = rows[index - 1];
      if (!isCue && row.speech !== undefined && next !== 'blank' && next?.speech === row.speech) {
        place(at(INDENT.character), '(MORE)');
        newPage();
        place(at(INDENT.character), `${row.speech} (CONT'D)`);
      } else {
        if (options.continueds) place(at(INDENT.right) - 11 * CHAR, '(CONTINUED)');
        newPage();
        if (options.continueds) place(at(INDENT.action), 'CONTINUED:');
        if (options.continueds) line++;
      }
    }
    place(row.x, row.text, row.also);
  }
  pages.push({ kind: 'text', texts });
  return writeTestPdf(pages);
}

function layOutRows(
  elements: readonly ScriptElement[],
  at: (inches: number) => number,
  numbered: boolean,
): Row[] {
  const rows: Row[] = [];
  let speaker: string | undefined;
  let scene = 0;
  for (let index = 0; index < elements.length; index++) {
    const element = elements[index] as ScriptElement;
    const text = plainText(element.text);
    switch (element.type) {
      case 'scene_heading': {
        scene++;
        rows.push('blank');
        const number = element.sceneNumber ?? String(scene);
        if (numbered) {
          rows.push({
            x: at(0.75),
            text: number,
            also: [
              { x: at(INDENT.action), text },
              { x: at(7.7), text: number },
            ],
          });
        } else rows.push({ x: at(INDENT.action), text });
        speaker = undefined;
        break;
      }
      case 'action':
      case 'shot':
        rows.push('blank');
        for (const line of wrap(text, WIDTH.action))
          rows.push({ x: at(INDENT.action), text: line });
        speaker = undefined;
        break;
      case 'character': {
        const partner = elements.findIndex(
          (other, position) => position > index && other.type === 'character',
        );
        if (element.dual === 'left' && elements[partner]?.type === 'character') {
          index = dualBlock(elements, index, partner, rows, at) - 1;
          speaker = undefined;
          break;
        }
        rows.push('blank');
        speaker = text;
        const cue = element.extension ? `${text} (${element.extension})` : text;
        rows.push({ x: at(INDENT.character), text: cue, speech: speaker });
        break;
      }
      case 'parenthetical':
        for (const line of wrap(text, WIDTH.parenthetical))
          rows.push(speechRow(at(INDENT.parenthetical), line, speaker));
        break;
      case 'dialogue':
      case 'lyrics':
        for (const line of wrap(text, WIDTH.dialogue))
          rows.push(speechRow(at(INDENT.dialogue), line, speaker));
        break;
      case 'transition':
        rows.push('blank', { x: at(INDENT.right) - text.length * CHAR, text });
        speaker = undefined;
        break;
      case 'centered':
        rows.push('blank');
        for (const line of text.split('\n'))
          rows.push({ x: at(4.5) - (line.length * CHAR) / 2, text: line });
        speaker = undefined;
        break;
      default:
        break;
    }
  }
  return rows;
}

function speechRow(x: number, text: string, speaker: string | undefined): Row {
  return speaker === undefined ? { x, text } : { x, text, speech: speaker };
}

/** Two speeches side by side: the left column at 1.5in, the right at 4.6in. */
function dualBlock(
  elements: readonly ScriptElement[],
  left: number,
  right: number,
  rows: Row[],
  at: (inches: number) => number,
): number {
  const column = (from: number, to: number): string[] =>
    elements
      .slice(from + 1, to)
      .filter((element) => element.type !== 'note')
      .flatMap((element) => wrap(plainText(element.text), 26));
  let end = right + 1;
  while (
    end < elements.length &&
    ['dialogue', 'parenthetical', 'lyrics'].includes(elements[end]?.type ?? '')
  )
    end++;
  const leftLines = column(left, right);
  const rightLines = column(right, end);
  rows.push('blank');
  const cue = (element: ScriptElement | undefined): string => plainText(element?.text ?? '');
  rows.push({
    x: at(2.3),
    text: cue(elements[left]),
    also: [{ x: at(5.4), text: cue(elements[right]) }],
  });
  for (let index = 0; index < Math.max(leftLines.length, rightLines.length); index++) {
    const l = leftLines[index];
    const r = rightLines[index];
    if (l !== undefined && r !== undefined)
      rows.push({ x: at(1.5), text: l, also: [{ x: at(4.6), text: r }] });
    else if (l !== undefined) rows.push({ x: at(1.5), text: l });
    else if (r !== undefined) rows.push({ x: at(4.6), text: r });
  }
  return end;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((token) => token !== '')) {
      if (line !== '' && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else {
        line = line === '' ? word : `${line} ${word}`;
      }
    }
    if (line !== '') lines.push(line);
  }
  return lines;
}

function titlePage(fields: Readonly<Record<string, string>>): TestPdfPage {
  const texts: PlacedText[] = [];
  const centered = (text: string, y: number): void => {
    texts.push({ x: 4.25 * INCH - (text.length * CHAR) / 2, y, text });
  };
  let y = 7 * INCH;
  for (const key of ['title', 'credit', 'author', 'source']) {
    const value = fields[key];
    if (value === undefined) continue;
    for (const line of value.split('\n')) {
      centered(plainText(line), y);
      y -= LINE;
    }
    y -= 2 * LINE;
  }
  let bottom = 2 * INCH;
  for (const key of ['draft date', 'contact']) {
    const value = fields[key];
    if (value === undefined) continue;
    for (const line of value.split('\n')) {
      texts.push({ x: 1.5 * INCH, y: bottom, text: line });
      bottom -= LINE;
    }
    bottom -= LINE;
  }
  return { kind: 'text', texts };
}
