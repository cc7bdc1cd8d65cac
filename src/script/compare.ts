import { emphasisMarkup, emphasisSpans } from './emphasis';
import type { ScriptDocument, ScriptElement } from './types';

/**
 * What "the same document" means for round trips (`parseScript(toFountain(doc))`,
 * `parseScript(toFdx(doc), { format: 'fdx' })`) and for comparing one script read from two formats:
 *
 * - the title page is equal, key by key;
 * - the elements are equal one by one: `type`, `text` and every type-specific field (`sceneNumber`,
 *   `extension`, `dual`, `depth`);
 * - `line` is ignored (each format numbers its own source lines), and so are `spans` (derived
 *   from `text`) and `diagnostics` (about the source, not the script).
 *
 * With `rendered: true` texts are compared as a reader sees them: emphasis markup is rewritten to
 * its canonical spelling first, so `a*b` equals `a\*b` and `**x** y` equals `**x **y`.
 */
export interface CompareOptions {
  readonly rendered?: boolean;
}

/** An element without what is not compared (distributes over the element union). */
export type ComparableElement = ScriptElement extends infer E
  ? E extends ScriptElement
    ? Omit<E, 'line' | 'spans'>
    : never
  : never;

const NOT_COMPARED: ReadonlySet<string> = new Set(['line', 'spans']);

export interface ComparableDocument {
  readonly titlePage: Readonly<Record<string, string>>;
  readonly elements: readonly ComparableElement[];
}

export function comparableDocument(
  doc: ScriptDocument,
  options: CompareOptions = {},
): ComparableDocument {
  const text = options.rendered ? canonicalMarkup : (value: string) => value;
  const titlePage: Record<string, string> = {};
  for (const [key, value] of Object.entries(doc.titlePage)) titlePage[key] = text(value);
  const elements = doc.elements.map((element) => {
    const kept = Object.entries(element).filter(([key]) => !NOT_COMPARED.has(key));
    return { ...Object.fromEntries(kept), text: text(element.text) } as ComparableElement;
  });
  return { titlePage, elements };
}

export function sameScript(
  a: ScriptDocument,
  b: ScriptDocument,
  options: CompareOptions = {},
): boolean {
  return deepEqual(comparableDocument(a, options), comparableDocument(b, options));
}

function canonicalMarkup(text: string): string {
  return emphasisMarkup(emphasisSpans(text));
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every(
    (key) =>
      Object.hasOwn(b, key) &&
      deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}
