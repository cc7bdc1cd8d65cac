import * as Y from 'yjs';

/**
 * A record's plain fields, read one level deep. Readers take only the shapes layout.ts declares:
 * a nested shared type where a plain value belongs is left out (schemas then report the record),
 * and nothing is serialised whole. `toJSON()` on a document that came from elsewhere would follow
 * whatever nesting it holds, and 100,000 nested maps overflow the call stack.
 */
export function plainRecord(record: unknown): Record<string, unknown> {
  if (!(record instanceof Y.Map)) return {};
  const out: Record<string, unknown> = {};
  // forEach, not entries(): Y.Map's iterator is three wrapped iterators deep (lib0), and on
  // opening a 5,000-shot project that wrapping was a third of reading every record.
  record.forEach((value: unknown, key: string) => {
    if (!(value instanceof Y.AbstractType)) out[key] = value;
  });
  return out;
}
