import type { ScriptDocument, ScriptElement } from '../types';

/** An element as a test writes it: no `line` (distributes over the element union). */
export type ElementDraft = ScriptElement extends infer E
  ? E extends ScriptElement
    ? Omit<E, 'line'>
    : never
  : never;

/** Tests only: a document from elements written without line numbers. */
export function scriptDocument(
  elements: readonly ElementDraft[],
  titlePage: Record<string, string> = {},
): ScriptDocument {
  return {
    titlePage,
    elements: elements.map((element) => ({ ...element, line: 0 }) as ScriptElement),
    diagnostics: [],
  };
}
