/**
 * The parsed form of a screenplay, independent of the file format it came from (Fountain today,
 * FDX later). Pure data: it crosses worker boundaries by structured clone.
 *
 * Text is kept as written, emphasis markup included (`*italic*`, `**bold**`, `_underline_`, `\*`
 * escapes): a later issue may turn it into spans, and keeping the source text loses nothing until
 * then. Only the markers that decide an element's type are removed (the `.` of a forced heading,
 * the `@` of a forced name, the `>` `<` around centered text, …).
 */

export type ScriptFormat = 'fountain';

export interface ParseOptions {
  /** Which syntax the text is in. Only Fountain exists so far; FDX will be another branch. */
  readonly format?: ScriptFormat;
}

/** Where an element came from: the 1-based line of the source text it starts on. */
interface ElementBase {
  readonly text: string;
  readonly line: number;
}

export interface SceneHeadingElement extends ElementBase {
  readonly type: 'scene_heading';
  /** The script's own number (`#1A#` → `1A`); absent when the heading has none. */
  readonly sceneNumber?: string;
}

export type DualSide = 'left' | 'right';

export interface CharacterElement extends ElementBase {
  readonly type: 'character';
  /** `text` is the bare name (`JIM`); this is what followed it in brackets (`O.S.`, `on the radio`). */
  readonly extension?: string;
  /** Dual dialogue: `^` marks the second speaker (right); the speaker before becomes left. */
  readonly dual?: DualSide;
}

export interface SectionElement extends ElementBase {
  readonly type: 'section';
  /** Number of `#`: 1 for an act, 2 for a sequence, … */
  readonly depth: number;
}

export type PlainElementType =
  | 'action'
  | 'parenthetical'
  | 'dialogue'
  | 'transition'
  | 'centered'
  | 'lyrics'
  | 'synopsis'
  | 'note'
  | 'page_break';

export interface PlainElement extends ElementBase {
  readonly type: PlainElementType;
}

export type ScriptElement = SceneHeadingElement | CharacterElement | SectionElement | PlainElement;
export type ScriptElementType = ScriptElement['type'];

export type DiagnosticSeverity = 'warning' | 'error';

export interface Diagnostic {
  /** 1-based source line; 0 when the message is about the file as a whole. */
  readonly line: number;
  readonly message: string;
  /** `error` means the text should not be imported as a screenplay; `warning` is advice. */
  readonly severity: DiagnosticSeverity;
}

export interface ScriptDocument {
  /**
   * Title page fields. Keys are lowercased with single spaces (`title`, `draft date`) so lookups do
   * not depend on how the writer capitalised them; multi-line values are joined with `\n`.
   */
  readonly titlePage: Record<string, string>;
  readonly elements: readonly ScriptElement[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Diagnostics that refuse an import are tied to the whole file. */
export const WHOLE_FILE = 0;
