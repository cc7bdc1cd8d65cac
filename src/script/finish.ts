import { emphasisSpans } from './emphasis';
import type { ParseOptions, ScriptDocument } from './types';
import { capWarnings, checkDocument } from './validate';

/**
 * What every reader's result goes through, whatever the format: the whole-document checks (is
 * this a screenplay at all?), the cap on warnings, and the optional `spans`.
 */
export function finishDocument(
  document: ScriptDocument,
  options: Pick<ParseOptions, 'spans'> = {},
): ScriptDocument {
  const refusedAlready = document.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  // A file already refused for what it is (not XML, no text layer) needs no second error.
  const checks =
    refusedAlready && document.elements.length === 0 ? [] : checkDocument(document.elements);
  const elements = options.spans
    ? document.elements.map((element) => ({ ...element, spans: emphasisSpans(element.text) }))
    : document.elements;
  return { ...document, elements, diagnostics: capWarnings([...document.diagnostics, ...checks]) };
}
