/**
 * Where the emphasis of one line of Fountain is, as offsets: the styled stretches and the `*` and
 * `_` markers around them. The same reading as `emphasisSpans` (emphasis.ts): a run of markers
 * can open when the next character is not whitespace and close when the previous one is not; it
 * closes the innermost opener it can first, then opens with what is left (`***` opens bold, then
 * italic inside it); `\*` and `\_` are literal. Linear in the length of the line.
 */
export interface EmphasisMark {
  readonly type: 'bold' | 'italic' | 'underline' | 'marker';
  readonly from: number;
  readonly to: number;
}

const STAR = 0x2a;
const UNDERSCORE = 0x5f;
const BACKSLASH = 0x5c;

interface Opener {
  readonly kind: 'bold' | 'italic' | 'underline';
  readonly char: number;
  readonly size: number;
  /** Offset of the opener's first marker character. */
  readonly at: number;
}

/** The marks in `text` between offsets `from` and `to` (one line, or a piece of one). */
export function emphasisMarks(text: string, from: number, to: number): EmphasisMark[] {
  const marks: EmphasisMark[] = [];
  const stack: Opener[] = [];
  const openStars: number[] = [];
  const openUnderscores: number[] = [];
  const popAbove = (position: number): void => {
    while (stack.length > position + 1) {
      const dropped = stack.pop() as Opener;
      (dropped.char === STAR ? openStars : openUnderscores).pop();
    }
  };
  const pushOpener = (kind: Opener['kind'], char: number, size: number, at: number): void => {
    (char === STAR ? openStars : openUnderscores).push(stack.length);
    stack.push({ kind, char, size, at });
  };

  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (code === BACKSLASH) {
      const next = i + 1 < to ? text.charCodeAt(i + 1) : -1;
      if (next === STAR || next === UNDERSCORE) {
        i += 2;
        continue;
      }
    }
    if (code !== STAR && code !== UNDERSCORE) {
      i++;
      continue;
    }
    let end = i;
    while (end < to && text.charCodeAt(end) === code) end++;
    let at = i;
    let count = end - i;
    const canClose = i > from && !isSpace(text.charCodeAt(i - 1));
    const canOpen = end < to && !isSpace(text.charCodeAt(end));
    const open = code === STAR ? openStars : openUnderscores;
    while (canClose && count > 0 && open.length > 0) {
      const position = open.at(-1) as number;
      const opener = stack[position] as Opener;
      if (opener.size > count) break;
      popAbove(position);
      stack.pop();
      open.pop();
      marks.push(
        { type: 'marker', from: opener.at, to: opener.at + opener.size },
        { type: opener.kind, from: opener.at + opener.size, to: at },
        { type: 'marker', from: at, to: at + opener.size },
      );
      at += opener.size;
      count -= opener.size;
    }
    if (count > 0 && canOpen) {
      if (code === UNDERSCORE) {
        for (; count > 0; count--) pushOpener('underline', UNDERSCORE, 1, at++);
      } else {
        if (count > 3) at += count - 3;
        if (count >= 2) {
          pushOpener('bold', STAR, 2, at);
          at += 2;
        }
        if (count !== 2) pushOpener('italic', STAR, 1, at);
      }
    }
    i = end;
  }
  return marks;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || (code > 0x7f && /\s/.test(String.fromCharCode(code)));
}
