import { parseFountain } from './fountain/read';
import { notPlainTextReason } from './sniff';
import {
  WHOLE_FILE,
  type Diagnostic,
  type ParseOptions,
  type ScriptDocument,
  type ScriptFormat,
} from './types';
import { capWarnings, checkDocument } from './validate';

export type {
  CharacterElement,
  Diagnostic,
  DiagnosticSeverity,
  DualSide,
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

/** One parser per format; FDX becomes one more entry here. */
const PARSERS: Record<ScriptFormat, (text: string) => ScriptDocument> = {
  fountain: parseFountain,
};

/**
 * Parses screenplay text into elements. Never throws and never hangs, whatever the input: a file
 * that cannot be a screenplay comes back with no (or few) elements and a diagnostic of severity
 * `error`, which the importer shows instead of importing.
 */
export function parseScript(text: string, options: ParseOptions = {}): ScriptDocument {
  try {
    if (typeof text !== 'string') return refused('Expected the text of a screenplay.');
    const notText = notPlainTextReason(text);
    if (notText) return { titlePage: {}, elements: [], diagnostics: [notText] };
    const format = options.format ?? 'fountain';
    const parse = Object.hasOwn(PARSERS, format) ? PARSERS[format] : undefined;
    if (!parse) return refused(`Unknown screenplay format "${String(format)}".`);
    const document = parse(text);
    return {
      ...document,
      diagnostics: capWarnings([...document.diagnostics, ...checkDocument(document.elements)]),
    };
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
