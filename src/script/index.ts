import { finishDocument } from './finish';
import { parseFdx } from './fdx/read';
import { parseFountain } from './fountain/read';
import { notPlainTextReason, sniffFormat } from './sniff';
import {
  WHOLE_FILE,
  type Diagnostic,
  type ParseOptions,
  type ScriptDocument,
  type ScriptFormat,
} from './types';

/**
 * The screenplay engine: pure functions, no DOM, no IO; runs in Node, in a page and in a worker.
 *
 * - `parseScript(text, { format })`: Fountain 1.1 or Final Draft XML (sniffed when not given).
 * - `parsePdfScript(bytes)`: the text layer of a screenplay PDF (pdf.js is loaded on first use).
 * - `toFountain(doc)`, `toFdx(doc)`: writers that the readers read back to the same document
 *   (see compare.ts for what "same" means).
 * - `scriptStats(doc)`: scenes, cast, words, dialogue per character, locations, pages, time.
 * - `emphasisSpans(text)`: the emphasis markup kept in element texts, as structured spans.
 *
 * None of them throws on bad input: a file that cannot be a screenplay comes back as a document
 * with a diagnostic of severity `error`, which the importer shows instead of importing.
 */
export type {
  CharacterElement,
  Diagnostic,
  DiagnosticSeverity,
  DualSide,
  EmphasisSpan,
  ParseOptions,
  PlainElement,
  PlainElementType,
  SceneHeadingElement,
  ScriptDocument,
  ScriptElement,
  ScriptElementType,
  ScriptFormat,
  SectionElement,
} from './types';
export { WHOLE_FILE } from './types';
export { emphasisMarkup, emphasisSpans, normalizeSpans, plainText } from './emphasis';
export {
  comparableDocument,
  sameScript,
  type ComparableDocument,
  type CompareOptions,
} from './compare';
export { toFountain } from './fountain/write';
export { toFdx } from './fdx/write';
export {
  parsePdfScript,
  NO_TEXT_LAYER_MESSAGE,
  OCR_REVIEW_MESSAGE,
  type PdfReadOptions,
} from './pdf/read';
export { browserOcr, type OcrPageListener } from './pdf/ocr';
export { scriptStats, type CharacterStats, type ScriptStats } from './stats';
export { sniffFormat } from './sniff';

const PARSERS: Record<ScriptFormat, (text: string) => ScriptDocument> = {
  fountain: parseFountain,
  fdx: parseFdx,
};

/**
 * Parses screenplay text into elements. Never throws and never hangs, whatever the input: a file
 * that cannot be a screenplay comes back with no (or few) elements and a diagnostic of severity
 * `error`.
 */
export function parseScript(text: string, options: ParseOptions = {}): ScriptDocument {
  try {
    if (typeof text !== 'string') return refused('Expected the text of a screenplay.');
    const notText = notPlainTextReason(text);
    if (notText) return { titlePage: {}, elements: [], diagnostics: [notText] };
    const format = options.format ?? sniffFormat(text);
    const parse = Object.hasOwn(PARSERS, format) ? PARSERS[format] : undefined;
    if (!parse) return refused(`Unknown screenplay format "${String(format)}".`);
    return finishDocument(parse(text), options);
  } catch (error) {
    // A bug of ours must not take the import (or the worker running it) down with it.
    const reason = error instanceof Error ? error.message : String(error);
    return refused(`The screenplay could not be read (${reason}).`);
  }
}

function refused(message: string): ScriptDocument {
  const diagnostic: Diagnostic = { line: WHOLE_FILE, message, severity: 'error' };
  return { titlePage: {}, elements: [], diagnostics: [diagnostic] };
}
