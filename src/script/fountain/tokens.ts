import { classifyDialogueLine, classifyLine, type LineClass } from './classify';
import { isBlank, isTwoSpaceLine, type SourceLine } from './lines';
import { readTitlePage } from './titlePage';
import { annotationSpans, findBlankLine, type AnnotationSpan } from './annotationSpans';
import { emphasisMarks, type EmphasisMark } from './emphasisMarks';

/**
 * Fountain as an editor sees it: every physical line of the text gets a type, and the parts of
 * lines that mean something on their own (notes, boneyard, markers, emphasis, scene numbers) get
 * spans with offsets into the text. The judgement of each line is the parser's own
 * (`classifyLine`, `classifyDialogueLine`, `readTitlePage`, the blank-line context of
 * `parseFountain`), applied to the text with notes and boneyard cut out the way the parser cuts
 * them, so what the editor colours as a character is what the import reads as one.
 *
 * One difference is deliberate: the parser joins the text before a note that spans lines to the
 * text after it (one line, numbered where it started); here each physical line keeps its own
 * type, because that is where the text is on screen.
 *
 * The input has LF line breaks only (as an editor's document gives it). Linear in its length.
 */
export type FountainLineType =
  | 'blank'
  | 'title_page'
  | 'scene_heading'
  /** `CLOSE ON THE LETTER`: a shot line, which starts a new shot in the breakdown. */
  | 'shot'
  | 'action'
  | 'character'
  | 'dialogue'
  | 'parenthetical'
  | 'transition'
  | 'centered'
  | 'lyrics'
  | 'section'
  | 'synopsis'
  | 'page_break'
  /** A line that holds nothing but (part of) a note or boneyard. */
  | 'note'
  | 'boneyard';

export interface FountainLine {
  readonly type: FountainLineType;
  /** Offsets of the line's first character and of its end (before the line break). */
  readonly from: number;
  readonly to: number;
  /** Part of a dual-dialogue pair: the first speaker's block is `left`, the `^` one `right`. */
  readonly dual?: 'left' | 'right';
  /** `section` lines: how many `#`. */
  readonly depth?: number;
}

export type FountainSpanType =
  | AnnotationSpan['type']
  | EmphasisMark['type']
  /** A character that only says what a line is: `.` `!` `@` `~` `=` `#` `>` `<` `^`. */
  | 'marker'
  | 'scene_number'
  /** `(V.O.)`, `(cont'd)` after a character's name. */
  | 'extension'
  | 'title_key';

export interface FountainSpan {
  readonly type: FountainSpanType;
  readonly from: number;
  readonly to: number;
}

export interface OutlineEntry {
  readonly kind: 'scene' | 'section';
  /** The heading (without `.` or scene number) or the section title. */
  readonly text: string;
  readonly sceneNumber?: string;
  /** Offset of the line's start, and its 1-based line number. */
  readonly from: number;
  readonly line: number;
  readonly depth?: number;
}

export interface FountainTokens {
  readonly lines: readonly FountainLine[];
  /** In order of `from`; spans of one kind never overlap, emphasis may sit inside a note. */
  readonly spans: readonly FountainSpan[];
  readonly outline: readonly OutlineEntry[];
}

interface SpeechBlock {
  readonly lines: number[];
  side: 'left' | 'right' | null;
}

interface PhysicalLine {
  readonly from: number;
  readonly to: number;
  /** The line with notes and boneyard cut out. */
  readonly rest: string;
  /** Where `rest` sits: pieces of the line left between cuts, as [from, to) offsets. */
  readonly pieces: readonly (readonly [number, number])[];
  /** What covered the line when it holds nothing else. */
  readonly cutBy: AnnotationSpan['type'] | null;
  /** A boneyard that starts on this line and ends on a later one. */
  readonly opensBoneyard: AnnotationSpan | null;
  /** The line starts where a boneyard that crossed lines ended. */
  readonly afterBoneyard: boolean;
}

/** A line the parser sees: a physical line's text, or (index -1) the blank a boneyard left. */
interface ParserLine extends SourceLine {
  readonly index: number;
}

export function tokenizeFountain(text: string): FountainTokens {
  const annotations = annotationSpans(text);
  const physical = physicalLines(text, annotations);
  const types: FountainLineType[] = physical.map((line) =>
    line.cutBy !== null && line.rest.trim() === '' ? line.cutBy : 'blank',
  );
  const depths = new Map<number, number>();
  const spans: FountainSpan[] = [...annotations];
  const outline: OutlineEntry[] = [];
  const dual = new Map<number, 'left' | 'right'>();

  const sourceLines = parserLines(text, physical);
  const kept = sourceLines.map((line) => line.index);

  const { bodyStart } = readTitlePage(sourceLines);
  for (let k = 0; k < bodyStart; k++) {
    const index = kept[k] as number;
    const line = physical[index];
    if (!line || isBlank(line.rest)) continue;
    types[index] = 'title_page';
    const key = /^([\p{L}\p{N}][\p{L}\p{N} _'-]*):/u.exec(line.rest);
    if (key && !/^(?: {3}|\t)/.test(line.rest)) {
      spans.push(pieceSpan(line, 0, (key[1] as string).length + 1, 'title_key'));
    }
  }

  let inDialogue = false;
  // The speech being read (cue, then its lines) and the one just before, for `^` to pair with.
  let block: SpeechBlock | null = null;
  let lastSpeech: SpeechBlock | null = null;
  const pairs: SpeechBlock[] = [];
  for (let k = bodyStart; k < sourceLines.length; k++) {
    const index = kept[k] as number;
    const { text } = sourceLines[k] as SourceLine;
    if (inDialogue && isTwoSpaceLine(text) && index !== -1) {
      types[index] = 'dialogue';
      block?.lines.push(index);
      continue;
    }
    if (isBlank(text)) {
      inDialogue = false;
      block = null;
      continue;
    }
    const line = physical[index] as PhysicalLine;
    if (inDialogue) {
      const dialogueLine = classifyDialogueLine(text.trim());
      types[index] = dialogueLine.type;
      if (dialogueLine.type === 'lyrics') markLeading(line, '~', spans);
      block?.lines.push(index);
      continue;
    }
    const lineClass = classifyLine(text, {
      blankBefore: k === bodyStart || k === 0 || isBlank(sourceLines[k - 1]?.text ?? ''),
      blankAfter: k === sourceLines.length - 1 || isBlank(sourceLines[k + 1]?.text ?? ''),
    });
    types[index] = lineClass.type;
    markLine(line, lineClass, spans);
    if (lineClass.type === 'section') depths.set(index, lineClass.depth);
    const entry = outlineEntry(line, lineClass, index);
    if (entry) outline.push(entry);
    if (lineClass.type === 'character') {
      block = { lines: [index], side: null };
      if (lineClass.dualMark && lastSpeech) {
        lastSpeech.side ??= 'left';
        block.side = 'right';
        pairs.push(lastSpeech, block);
      }
      lastSpeech = block;
    } else {
      lastSpeech = null;
    }
    inDialogue = lineClass.type === 'character';
  }

  for (const { lines, side } of pairs) for (const i of lines) if (side) dual.set(i, side);
  for (const line of physical) {
    for (const [from, to] of line.pieces) {
      if (to > from) spans.push(...emphasisMarks(text, from, to));
    }
  }
  spans.sort((a, b) => a.from - b.from || a.to - b.to);
  const lines = physical.map((line, index): FountainLine => {
    const side = dual.get(index);
    const depth = depths.get(index);
    return {
      type: types[index] as FountainLineType,
      from: line.from,
      to: line.to,
      ...(side ? { dual: side } : {}),
      ...(depth === undefined ? {} : { depth }),
    };
  });
  return { lines, spans, outline };
}

/**
 * The lines `extractAnnotations` gives the parser: a line that held only cut-out text vanishes;
 * a boneyard that crossed lines keeps the lines around it apart, and where it cut a blank line it
 * leaves one (only one, and not after a blank line).
 */
function parserLines(text: string, physical: readonly PhysicalLine[]): ParserLine[] {
  const lines: ParserLine[] = [];
  let boneyardBlank = false;
  physical.forEach((line, index) => {
    const content = line.afterBoneyard ? line.rest.trimStart() : line.rest;
    const blank = content.trim() === '';
    const vanishes = (line.cutBy !== null && blank) || (blank && boneyardBlank && content !== '  ');
    if (!vanishes) {
      boneyardBlank = false;
      lines.push({ text: content, line: index + 1, index });
    }
    const bone = line.opensBoneyard;
    const last = lines.at(-1);
    if (bone && findBlankLine(text, bone.from + 2, bone.to - 2, true) !== -1 && last) {
      if (last.text.trim() !== '') {
        lines.push({ text: '', line: index + 1, index: -1 });
        boneyardBlank = true;
      }
    }
  });
  return lines;
}

function physicalLines(text: string, annotations: readonly AnnotationSpan[]): PhysicalLine[] {
  const lines: PhysicalLine[] = [];
  let next = 0;
  let from = 0;
  let afterBoneyard = false;
  for (;;) {
    const end = text.indexOf('\n', from);
    const to = end === -1 ? text.length : end;
    // Annotations that touch [from, to): skip those that ended before this line.
    while (next < annotations.length && (annotations[next] as AnnotationSpan).to <= from) next++;
    const pieces: [number, number][] = [];
    let cursor = from;
    let cutBy: AnnotationSpan['type'] | null = null;
    let opensBoneyard: AnnotationSpan | null = null;
    for (let a = next; a < annotations.length; a++) {
      const span = annotations[a] as AnnotationSpan;
      if (span.from >= to) break;
      if (span.type === 'boneyard' && span.from >= from && span.to > to) opensBoneyard = span;
      if (span.from > cursor) pieces.push([cursor, span.from]);
      cursor = Math.max(cursor, Math.min(span.to, to));
      cutBy ??= span.type;
    }
    if (cursor < to) pieces.push([cursor, to]);
    if (cutBy === null && pieces.length === 0) pieces.push([from, to]);
    const rest = pieces.map(([a, b]) => text.slice(a, b)).join('');
    lines.push({ from, to, rest, pieces, cutBy, opensBoneyard, afterBoneyard });
    if (end === -1) return lines;
    // The next line starts after a boneyard when one that crossed lines ends on it.
    afterBoneyard = false;
    for (let a = next; a < annotations.length; a++) {
      const span = annotations[a] as AnnotationSpan;
      if (span.from > end) break;
      if (span.type === 'boneyard' && span.to > end + 1) afterBoneyard = true;
    }
    from = end + 1;
  }
}

/** A span over `rest` offsets [start, end) of a line, as offsets in the text (first piece). */
function pieceSpan(
  line: PhysicalLine,
  start: number,
  end: number,
  type: FountainSpanType,
): FountainSpan {
  return { type, from: offsetOf(line, start), to: offsetOf(line, end) };
}

/** The text offset of position `at` in a line's `rest`. */
function offsetOf(line: PhysicalLine, at: number): number {
  let left = at;
  for (const [from, to] of line.pieces) {
    if (left <= to - from) return from + left;
    left -= to - from;
  }
  return line.to;
}

function markLeading(line: PhysicalLine, marker: string, spans: FountainSpan[]): void {
  const start = line.rest.length - line.rest.trimStart().length;
  if (line.rest.startsWith(marker, start)) {
    spans.push(pieceSpan(line, start, start + marker.length, 'marker'));
  }
}

function markTrailing(line: PhysicalLine, marker: string, spans: FountainSpan[]): void {
  const end = line.rest.trimEnd().length;
  if (end > 0 && line.rest.endsWith(marker, end)) {
    spans.push(pieceSpan(line, end - marker.length, end, 'marker'));
  }
}

/** The markers that decide a line's type, its scene number and its character extension. */
function markLine(line: PhysicalLine, lineClass: LineClass, spans: FountainSpan[]): void {
  const { rest } = line;
  const start = rest.length - rest.trimStart().length;
  switch (lineClass.type) {
    case 'scene_heading': {
      markLeading(line, '.', spans);
      if (lineClass.sceneNumber !== undefined) {
        const end = rest.trimEnd().length;
        const open = rest.lastIndexOf('#', end - 2);
        spans.push(pieceSpan(line, open, end, 'scene_number'));
      }
      return;
    }
    case 'section': {
      const depth = lineClass.depth;
      spans.push(pieceSpan(line, start, start + depth, 'marker'));
      return;
    }
    case 'synopsis':
      return markLeading(line, '=', spans);
    case 'page_break':
      return;
    case 'centered':
      markLeading(line, '>', spans);
      return markTrailing(line, '<', spans);
    case 'transition':
      return markLeading(line, '>', spans);
    case 'lyrics':
      return markLeading(line, '~', spans);
    case 'action':
      if (!lineClass.notAHeading) markLeading(line, '!', spans);
      return;
    case 'character': {
      markLeading(line, '@', spans);
      // `BOB ^` or `BOB ^ (V.O.)`: the caret, wherever it stands.
      const caret = rest.lastIndexOf('^');
      if (lineClass.dualMark && caret !== -1)
        spans.push(pieceSpan(line, caret, caret + 1, 'marker'));
      const open = rest.indexOf('(');
      if (open !== -1) {
        const close = rest.lastIndexOf(')');
        spans.push(
          pieceSpan(line, open, close > open ? close + 1 : rest.trimEnd().length, 'extension'),
        );
      }
      return;
    }
  }
}

function outlineEntry(
  line: PhysicalLine,
  lineClass: LineClass,
  index: number,
): OutlineEntry | null {
  if (lineClass.type === 'scene_heading') {
    return {
      kind: 'scene',
      text: lineClass.text,
      ...(lineClass.sceneNumber === undefined ? {} : { sceneNumber: lineClass.sceneNumber }),
      from: line.from,
      line: index + 1,
    };
  }
  if (lineClass.type === 'section') {
    return {
      kind: 'section',
      text: lineClass.text,
      from: line.from,
      line: index + 1,
      depth: lineClass.depth,
    };
  }
  return null;
}
