/**
 * The parsed form of a screenplay, independent of the file format it came from (Fountain, FDX or
 * the text layer of a PDF). Pure data: it crosses worker boundaries by structured clone.
 *
 * Emphasis: `text` keeps Fountain emphasis markup as written (`*italic*`, `**bold**`,
 * `***bold italic***`, `_underline_`, with `\*` and `\_` for literal characters). Readers of other
 * formats write their styles in the same markup (an FDX run with `Style="Bold"` becomes `**…**`),
 * so one document means the same thing whatever it was read from. `emphasisSpans(text)` (see
 * emphasis.ts) turns the markup into structured spans; `parseScript(text, { spans: true })` stores
 * them on each element as `spans` too. Only the markers that decide an element's type are removed
 * (the `.` of a forced heading, the `@` of a forced name, the `>` `<` around centered text, …).
 */

export type ScriptFormat = 'fountain' | 'fdx';

export interface ParseOptions {
  /** Which syntax the text is in. When omitted it is sniffed: XML is FDX, anything else Fountain. */
  readonly format?: ScriptFormat;
  /** Also store `spans` (the text's emphasis as structured runs) on every element. */
  readonly spans?: boolean;
}

/** A run of text with one style. Runs partition the text with its markup removed. */
export interface EmphasisSpan {
  readonly text: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly underline: boolean;
}

/** Where an element came from: the 1-based line of the source text it starts on. */
interface ElementBase {
  readonly text: string;
  /**
   * Fountain and FDX: the line of the source file the element starts on. PDF: the 1-based number of
   * the text line in reading order over the whole document (PDFs have no source lines).
   */
  readonly line: number;
  /** Present only when asked for (`ParseOptions.spans`): `emphasisSpans(text)`. */
  readonly spans?: readonly EmphasisSpan[];
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

/**
 * `shot`: a camera direction inside a scene (`CLOSE ON THE LETTER`, `ANGLE ON BRICK`, `SARAH'S
 * POV`): Final Draft's "Shot" paragraph, or an all-caps shot line in Fountain or a PDF (see
 * shots.ts). The breakdown starts a new shot with it as the description.
 */
export type PlainElementType =
  | 'action'
  | 'shot'
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
  /** 1-based source line (for PDFs: text line, as `ScriptElement.line`); 0 for the whole file. */
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
