import type { EmphasisSpan } from './types';

/**
 * Fountain emphasis, both ways: `*italic*`, `**bold**`, `***bold italic***`, `_underline_`, with
 * `\*` and `\_` for literal characters. Emphasis may run across line breaks within one text (an
 * element: `*one\ntwo*` is italic on both lines), but a line break itself is never styled.
 *
 * Reading follows the Markdown convention Fountain borrows: a run of `*` or `_` can open when the
 * next character is not whitespace and can close when the previous one is not. A run closes what
 * it can first (innermost opener first), then opens with what is left; a run of three stars opens
 * bold, then italic inside it; a line break counts as whitespace. Markers that never match stay in
 * the text as written. The text is one pass with a stack whose entries are popped at most once,
 * and styles are applied with difference arrays, so any input is linear (no backtracking regular
 * expressions).
 *
 * Writing (`emphasisMarkup`) gives every styled span its own complete markers (underline
 * outermost, then bold, then italic) and escapes literal `*` and `_`, which the reader above reads
 * back to the same spans. Two things markup cannot say, so writing normalises them: whitespace at
 * the edge of a styled span (it moves outside the markers, unstyled) and a styled line break. A
 * backslash right before a style change is also not representable (Fountain has no `\\`).
 */

const STAR = 0x2a;
const UNDERSCORE = 0x5f;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

const PLAIN: Omit<EmphasisSpan, 'text'> = { bold: false, italic: false, underline: false };

type Kind = 'bold' | 'italic' | 'underline';

interface Opener {
  readonly kind: Kind;
  readonly char: number;
  /** How many marker characters it consumed: `**` is 2, `*` and `_` are 1. */
  readonly size: number;
  readonly segment: number;
}

/** The text with its markup removed, as runs of one style each (adjacent equal styles merged). */
export function emphasisSpans(text: string): EmphasisSpan[] {
  const spans: EmphasisSpan[] = [];
  readText(text, spans);
  return spans;
}

/** The text as a reader sees it: markup removed, escapes resolved. */
export function plainText(text: string): string {
  if (!hasMarkup(text)) return text;
  return emphasisSpans(text)
    .map((span) => span.text)
    .join('');
}

/** Cheap test, so the common unstyled line skips the parser. */
export function hasMarkup(text: string): boolean {
  return text.includes('*') || text.includes('_');
}

function readText(line: string, spans: EmphasisSpan[]): void {
  if (!hasMarkup(line)) {
    if (line !== '') pushSpan(spans, line, PLAIN);
    return;
  }
  const segments: string[] = [];
  const pairs: { kind: Kind; from: number; to: number }[] = [];
  const stack: Opener[] = [];
  // Stack positions of open star and underscore markers, so a closer finds its opener in O(1).
  const openStars: number[] = [];
  const openUnderscores: number[] = [];
  let literal = '';

  const flushLiteral = (): void => {
    if (literal !== '') segments.push(literal);
    literal = '';
  };
  const popAbove = (position: number): void => {
    // Openers above the one being closed never match: they stay as literal text.
    while (stack.length > position + 1) {
      const dropped = stack.pop() as Opener;
      (dropped.char === STAR ? openStars : openUnderscores).pop();
    }
  };

  let i = 0;
  while (i < line.length) {
    const code = line.charCodeAt(i);
    if (code === BACKSLASH) {
      const next = line.charCodeAt(i + 1);
      if (next === STAR || next === UNDERSCORE) {
        literal += line.charAt(i + 1);
        i += 2;
        continue;
      }
    }
    if (code === NEWLINE) {
      // Its own segment, so applyStyles can leave it unstyled whatever is open around it.
      flushLiteral();
      segments.push('\n');
      i++;
      continue;
    }
    if (code !== STAR && code !== UNDERSCORE) {
      literal += line.charAt(i);
      i++;
      continue;
    }
    let end = i;
    while (line.charCodeAt(end) === code) end++;
    let count = end - i;
    const canClose = i > 0 && !isSpace(line.charCodeAt(i - 1));
    const canOpen = end < line.length && !isSpace(line.charCodeAt(end));
    flushLiteral();
    const open = code === STAR ? openStars : openUnderscores;
    while (canClose && count > 0 && open.length > 0) {
      const position = open.at(-1) as number;
      const opener = stack[position] as Opener;
      if (opener.size > count) break;
      popAbove(position);
      stack.pop();
      open.pop();
      segments[opener.segment] = '';
      pairs.push({ kind: opener.kind, from: opener.segment + 1, to: segments.length });
      segments.push('');
      count -= opener.size;
    }
    if (count > 0 && canOpen) {
      if (code === UNDERSCORE) {
        for (; count > 0; count--) pushOpener('underline', UNDERSCORE, 1);
      } else {
        if (count > 3) segments.push('*'.repeat(count - 3));
        if (count >= 2) pushOpener('bold', STAR, 2);
        if (count !== 2) pushOpener('italic', STAR, 1);
      }
    } else if (count > 0) {
      segments.push(String.fromCharCode(code).repeat(count));
    }
    i = end;
  }
  flushLiteral();

  function pushOpener(kind: Kind, char: number, size: number): void {
    (char === STAR ? openStars : openUnderscores).push(stack.length);
    stack.push({ kind, char, size, segment: segments.length });
    segments.push(char === STAR ? '*'.repeat(size) : '_');
  }

  applyStyles(segments, pairs, spans);
}

function applyStyles(
  segments: readonly string[],
  pairs: readonly { kind: Kind; from: number; to: number }[],
  spans: EmphasisSpan[],
): void {
  const size = segments.length + 1;
  const depth = {
    bold: new Int32Array(size),
    italic: new Int32Array(size),
    underline: new Int32Array(size),
  };
  for (const { kind, from, to } of pairs) {
    depth[kind][from] = (depth[kind][from] ?? 0) + 1;
    depth[kind][to] = (depth[kind][to] ?? 0) - 1;
  }
  let bold = 0;
  let italic = 0;
  let underline = 0;
  for (let index = 0; index < segments.length; index++) {
    bold += depth.bold[index] ?? 0;
    italic += depth.italic[index] ?? 0;
    underline += depth.underline[index] ?? 0;
    const text = segments[index] ?? '';
    if (text === '\n') pushSpan(spans, text, PLAIN);
    else if (text !== '')
      pushSpan(spans, text, { bold: bold > 0, italic: italic > 0, underline: underline > 0 });
  }
}

function pushSpan(spans: EmphasisSpan[], text: string, style: Omit<EmphasisSpan, 'text'>): void {
  const last = spans.at(-1);
  if (last && sameStyle(last, style)) {
    spans[spans.length - 1] = { ...last, text: last.text + text };
  } else {
    spans.push({ text, bold: style.bold, italic: style.italic, underline: style.underline });
  }
}

export function sameStyle(a: Omit<EmphasisSpan, 'text'>, b: Omit<EmphasisSpan, 'text'>): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.underline === b.underline;
}

export function isStyled(span: Omit<EmphasisSpan, 'text'>): boolean {
  return span.bold || span.italic || span.underline;
}

function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === NEWLINE ||
    (code > 0x7f && /\s/.test(String.fromCharCode(code)))
  );
}

/**
 * Spans as markup can carry them: line breaks unstyled, and no style starting or ending on
 * whitespace (each style's stretch is trimmed: `_a *b* c_` keeps its underlined spaces inside,
 * but `_a _` loses the underline under its last space). Empty spans are dropped and neighbours of
 * one style merged. For any spans, `emphasisSpans(emphasisMarkup(x))` is `normalizeSpans(x)` —
 * except where styles overlap in a way markup cannot nest around whitespace; there each span's
 * own edge whitespace is unstyled too.
 */
export function normalizeSpans(spans: readonly EmphasisSpan[]): EmphasisSpan[] {
  const out: EmphasisSpan[] = [];
  splitLines(spans).forEach((line, index) => {
    if (index > 0) pushSpan(out, '\n', PLAIN);
    for (const span of trimStyles(line)) pushSpan(out, span.text, span);
  });
  return out;
}

/** Fountain markup for styled runs; see `normalizeSpans` for what cannot be said. */
export function emphasisMarkup(spans: readonly EmphasisSpan[]): string {
  return splitLines(spans)
    .map((line) => {
      const trimmed = trimStyles(line);
      const nested = nestedMarkup(trimmed);
      if (readsBackAs(nested, trimmed)) return nested;
      // Overlapping styles split around whitespace: give each span its own markers.
      const separate = trimEachSpan(trimmed);
      const renested = nestedMarkup(separate);
      return readsBackAs(renested, separate) ? renested : separateMarkup(separate);
    })
    .join('\n');
}

/** Spans per line (line breaks dropped), merged, empty ones gone. */
function splitLines(spans: readonly EmphasisSpan[]): EmphasisSpan[][] {
  const lines: EmphasisSpan[][] = [[]];
  for (const span of spans) {
    span.text.split('\n').forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (part !== '') pushSpan(lines.at(-1) as EmphasisSpan[], part, span);
    });
  }
  return lines;
}

const BOLD = 1;
const ITALIC = 2;
const UNDERLINE = 4;

function maskOf(span: Omit<EmphasisSpan, 'text'>): number {
  return (span.bold ? BOLD : 0) | (span.italic ? ITALIC : 0) | (span.underline ? UNDERLINE : 0);
}

function styleOf(mask: number): Omit<EmphasisSpan, 'text'> {
  return {
    bold: (mask & BOLD) !== 0,
    italic: (mask & ITALIC) !== 0,
    underline: (mask & UNDERLINE) !== 0,
  };
}

/** Each style's stretches lose the style on their leading and trailing whitespace. */
function trimStyles(line: readonly EmphasisSpan[]): EmphasisSpan[] {
  const text = line.map((span) => span.text).join('');
  const masks = new Uint8Array(text.length);
  let offset = 0;
  for (const span of line) {
    masks.fill(maskOf(span), offset, offset + span.text.length);
    offset += span.text.length;
  }
  for (const bit of [BOLD, ITALIC, UNDERLINE]) {
    let index = 0;
    while (index < text.length) {
      if (((masks[index] ?? 0) & bit) === 0) {
        index++;
        continue;
      }
      let end = index;
      while (end < text.length && ((masks[end] ?? 0) & bit) !== 0) end++;
      let from = index;
      while (from < end && isSpace(text.charCodeAt(from))) {
        masks[from] = (masks[from] ?? 0) & ~bit;
        from++;
      }
      let to = end;
      while (to > from && isSpace(text.charCodeAt(to - 1))) {
        to--;
        masks[to] = (masks[to] ?? 0) & ~bit;
      }
      index = end;
    }
  }
  const out: EmphasisSpan[] = [];
  let start = 0;
  for (let index = 1; index <= text.length; index++) {
    if (index === text.length || masks[index] !== masks[start]) {
      pushSpan(out, text.slice(start, index), styleOf(masks[start] ?? 0));
      start = index;
    }
  }
  return out;
}

/** Every styled span loses the style on its own edge whitespace. */
function trimEachSpan(line: readonly EmphasisSpan[]): EmphasisSpan[] {
  const out: EmphasisSpan[] = [];
  for (const span of line) {
    const core = span.text.trim();
    if (!isStyled(span) || core === '') {
      pushSpan(out, span.text, isStyled(span) ? PLAIN : span);
      continue;
    }
    const lead = span.text.slice(0, span.text.length - span.text.trimStart().length);
    const trail = span.text.slice(span.text.trimEnd().length);
    if (lead !== '') pushSpan(out, lead, PLAIN);
    pushSpan(out, core, span);
    if (trail !== '') pushSpan(out, trail, PLAIN);
  }
  return out;
}

/** Outermost first: a stretch of underline may hold bold, which may hold italic. */
const NESTING: readonly { readonly bit: number; readonly marker: string }[] = [
  { bit: UNDERLINE, marker: '_' },
  { bit: BOLD, marker: '**' },
  { bit: ITALIC, marker: '*' },
];

/**
 * Opens each style where it starts and closes it where it ends, always nested in `NESTING` order:
 * where a style must close (or an outer one open) inside others, those are closed first and
 * reopened after.
 */
function nestedMarkup(line: readonly EmphasisSpan[]): string {
  let out = '';
  const open: { bit: number; marker: string }[] = [];
  for (const span of [...line, { text: '', ...PLAIN }]) {
    const wanted = NESTING.filter((style) => (maskOf(span) & style.bit) !== 0);
    let keep = 0;
    while (keep < open.length && open[keep] === wanted[keep]) keep++;
    for (let index = open.length - 1; index >= keep; index--) out += open[index]?.marker ?? '';
    open.length = keep;
    for (const style of wanted.slice(keep)) {
      out += style.marker;
      open.push(style);
    }
    out += escapeMarkers(span.text);
  }
  return out;
}

/** Each styled span in its own complete markers: always reads back when spans have no edge spaces. */
function separateMarkup(line: readonly EmphasisSpan[]): string {
  let out = '';
  for (const span of line) {
    const text = escapeMarkers(span.text);
    if (!isStyled(span)) {
      out += text;
      continue;
    }
    const open = (span.underline ? '_' : '') + (span.bold ? '**' : '') + (span.italic ? '*' : '');
    const close = (span.italic ? '*' : '') + (span.bold ? '**' : '') + (span.underline ? '_' : '');
    out += open + text + close;
  }
  return out;
}

function readsBackAs(markup: string, line: readonly EmphasisSpan[]): boolean {
  const read = emphasisSpans(markup);
  return (
    read.length === line.length &&
    read.every((span, index) => {
      const expected = line[index];
      return expected !== undefined && span.text === expected.text && sameStyle(span, expected);
    })
  );
}

/** `*` and `_` as literal characters. */
export function escapeMarkers(text: string): string {
  return hasMarkup(text) ? text.replace(/[*_]/g, '\\$&') : text;
}
