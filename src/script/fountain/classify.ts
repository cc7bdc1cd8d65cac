import { isAllCaps } from '../caps';
import { extensionOf, readsAsSentence } from '../cue';
import { isShotLine } from '../shots';

/**
 * What one line is, judged from the line alone plus whether blank lines surround it. The loop in
 * fountain.ts supplies that context and joins lines into elements.
 */
export type LineClass =
  | { readonly type: 'scene_heading'; readonly text: string; readonly sceneNumber?: string }
  | { readonly type: 'section'; readonly text: string; readonly depth: number }
  | ({ readonly type: 'character' } & CharacterCue)
  | {
      readonly type: 'action';
      readonly text: string;
      /** Written like a scene heading but without the blank lines around it a heading needs. */
      readonly notAHeading?: true;
    }
  | {
      readonly type: 'page_break' | 'synopsis' | 'centered' | 'transition' | 'lyrics' | 'shot';
      readonly text: string;
    };

export interface LineContext {
  readonly blankBefore: boolean;
  readonly blankAfter: boolean;
}

/** `INT`, `EXT`, `EST`, `INT./EXT`, `INT/EXT`, `EXT/INT`, `I/E`, then a dot or a space; any case. */
const SCENE_HEADING_PREFIX = /^(?:int\.?\/ext|ext\.?\/int|i\/e|int|ext|est)[.\s]/i;

export function startsLikeSceneHeading(text: string): boolean {
  return SCENE_HEADING_PREFIX.test(text.trimStart());
}

/**
 * `.` forces a heading only before a word with a letter in it: `...` (an ellipsis), `. NOT A
 * HEADER` and `.44` (a calibre) stay action.
 */
const FORCED_HEADING = /^\.\p{N}*\p{L}/u;

/** Lines with a marker of their own: they mean the same wherever they stand. */
export function classifyMarkedLine(trimmed: string): LineClass | null {
  if (/^={3,}$/.test(trimmed)) return { type: 'page_break', text: '' };
  if (trimmed.startsWith('#')) return sectionOf(trimmed);
  if (trimmed.startsWith('=')) return { type: 'synopsis', text: trimmed.slice(1).trim() };
  if (trimmed.length >= 2 && trimmed.startsWith('>') && trimmed.endsWith('<')) {
    return { type: 'centered', text: trimmed.slice(1, -1).trim() };
  }
  if (trimmed.startsWith('>') && trimmed.length > 1) {
    return { type: 'transition', text: trimmed.slice(1).trim() };
  }
  if (trimmed.startsWith('~')) return { type: 'lyrics', text: trimmed.slice(1).trim() };
  if (trimmed.startsWith('!')) return { type: 'action', text: trimmed.slice(1) };
  return null;
}

/**
 * A line outside dialogue, as written (indentation matters only to action). Order matters:
 * markers first, then headings (which outrank transitions, so `.BACK TO:` is a heading), then
 * transitions, then shot lines after a blank line (`CLOSE ON THE LETTER`, see shots.ts), then
 * character names; anything else is action.
 */
export function classifyLine(line: string, context: LineContext): LineClass {
  const trimmed = line.trim();
  const marked = classifyMarkedLine(trimmed);
  if (marked) return marked;

  const forced = FORCED_HEADING.test(trimmed);
  if (forced || (context.blankBefore && SCENE_HEADING_PREFIX.test(trimmed))) {
    const headingText = forced ? trimmed.slice(1) : trimmed;
    if (context.blankBefore && context.blankAfter) return sceneHeadingOf(headingText);
    // Read as action, without the `.` that asked for a heading the layout does not allow.
    return { type: 'action', text: forced ? headingText : actionText(line), notAHeading: true };
  }
  if (context.blankBefore && context.blankAfter && isTransition(trimmed)) {
    return { type: 'transition', text: trimmed };
  }
  // Before names: `ANGLE ON BOB` with a line of text under it is a shot and its action.
  if (context.blankBefore && isShotLine(trimmed)) return { type: 'shot', text: trimmed };
  if (context.blankBefore && !context.blankAfter) {
    const cue = parseCharacterCue(trimmed);
    if (cue) return { type: 'character', ...cue };
  }
  return { type: 'action', text: actionText(line) };
}

function isTransition(trimmed: string): boolean {
  return trimmed.endsWith('TO:') && isAllCaps(trimmed);
}

/** Fountain keeps the indentation of action; tabs become four spaces so it survives display. */
export function actionText(line: string): string {
  return line.replace(/\t/g, '    ').trimEnd();
}

function sectionOf(trimmed: string): LineClass {
  let depth = 0;
  while (trimmed.charCodeAt(depth) === HASH) depth++;
  return { type: 'section', depth, text: stripClosingHashes(trimmed.slice(depth)).trim() };
}

const HASH = 0x23;

/** `## Act One ##`: closing hashes, as in Markdown, are decoration. */
function stripClosingHashes(text: string): string {
  const trimmed = text.trimEnd();
  let start = trimmed.length;
  while (start > 0 && trimmed.charCodeAt(start - 1) === HASH) start--;
  if (start === trimmed.length || start === 0 || !/\s/.test(trimmed.charAt(start - 1))) {
    return trimmed;
  }
  return trimmed.slice(0, start);
}

/** `INT. HOUSE - DAY #1A#` → heading `INT. HOUSE - DAY`, number `1A`. */
function sceneHeadingOf(text: string): LineClass {
  const trimmed = text.trim();
  if (trimmed.length > 2 && trimmed.endsWith('#')) {
    const open = trimmed.lastIndexOf('#', trimmed.length - 2);
    const number = open === -1 ? '' : trimmed.slice(open + 1, -1);
    if (SCENE_NUMBER.test(number)) {
      return { type: 'scene_heading', text: trimmed.slice(0, open).trim(), sceneNumber: number };
    }
  }
  return { type: 'scene_heading', text: trimmed };
}

/** Fountain scene numbers: letters, digits, dashes and dots (`1`, `1A`, `I-1-A`, `110A.`). */
const SCENE_NUMBER = /^[\p{L}\p{N}.-]+$/u;

export interface CharacterCue {
  /** The bare name: no `@`, no extension, no `^`. */
  readonly text: string;
  readonly extension?: string;
  /** Ends in `^`: the second speaker of dual dialogue. */
  readonly dualMark: boolean;
}

/**
 * `STEEL`, `JIM (O.S.)`, `HANS (on the radio)`, `BRICK ^`, `@McCLANE`. Only the name must be in
 * capitals: extensions are often lowercase. `@` forces a name and keeps its case, which is the
 * only way to name a character in a script without capitals.
 */
export function parseCharacterCue(trimmed: string): CharacterCue | null {
  const caretLast = trimmed.endsWith('^');
  const cue = caretLast ? trimmed.slice(0, -1).trimEnd() : trimmed;
  const forced = cue.startsWith('@');
  const body = forced ? cue.slice(1).trim() : cue;
  const open = body.indexOf('(');
  let name = (open === -1 ? body : body.slice(0, open)).trim();
  // `STEEL ^ (V.O.)`: the caret may come before the extension too; it is never part of the name.
  const caretBeforeExtension = open !== -1 && name.endsWith('^');
  if (caretBeforeExtension) name = name.slice(0, -1).trimEnd();
  if (name === '') return null;
  if (
    !forced &&
    (!isAllCaps(name) || name.endsWith('TO:') || /^[.!>~=#@]/.test(name) || readsAsSentence(name))
  ) {
    return null;
  }
  const extension = open === -1 ? '' : extensionOf(body.slice(open));
  return {
    text: name,
    dualMark: caretLast || caretBeforeExtension,
    ...(extension === '' ? {} : { extension }),
  };
}

export interface DialogueLineClass {
  readonly type: 'parenthetical' | 'dialogue' | 'lyrics';
  readonly text: string;
}

/** A line inside a dialogue block (after a character, before the next blank line). */
export function classifyDialogueLine(trimmed: string): DialogueLineClass {
  if (trimmed.startsWith('(') && trimmed.endsWith(')')) {
    return { type: 'parenthetical', text: trimmed };
  }
  if (trimmed.startsWith('~')) return { type: 'lyrics', text: trimmed.slice(1).trim() };
  return { type: 'dialogue', text: trimmed };
}
