import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  comparableDocument,
  parseScript,
  sameScript,
  toFdx,
  toFountain,
  type ScriptDocument,
} from './index';
import { documentArbitrary } from './testing/arbitraries';

/**
 * Documents generated to be expressible in each format (see testing/arbitraries.ts) come back
 * from a write and a read as the same document (compare.ts: `line` and diagnostics aside).
 */
const FOUNTAIN_RUNS = 12_000;
const FDX_RUNS = 6_000;
const TIMEOUT_MS = 120_000;

function expectSame(read: ScriptDocument, doc: ScriptDocument, source: string): void {
  // The cheap comparison first; the readable diff only for a failure.
  if (!sameScript(read, doc))
    expect(comparableDocument(read), source).toEqual(comparableDocument(doc));
}

describe('round trips', () => {
  test(
    'Fountain: parseScript(toFountain(doc)) is doc',
    () => {
      fc.assert(
        fc.property(documentArbitrary({ fdx: false }), (doc) => {
          const text = toFountain(doc);
          expectSame(parseScript(text, { format: 'fountain' }), doc, text);
        }),
        { numRuns: FOUNTAIN_RUNS },
      );
    },
    TIMEOUT_MS,
  );

  test(
    'FDX: parseScript(toFdx(doc), { format: "fdx" }) is doc',
    () => {
      fc.assert(
        fc.property(documentArbitrary({ fdx: true }), (doc) => {
          const xml = toFdx(doc);
          expectSame(parseScript(xml, { format: 'fdx' }), doc, xml);
        }),
        { numRuns: FDX_RUNS },
      );
    },
    TIMEOUT_MS,
  );

  test(
    'FDX documents also survive Fountain, and Fountain ones FDX once in capitals',
    () => {
      fc.assert(
        fc.property(documentArbitrary({ fdx: true }), (doc) => {
          const viaFountain = parseScript(toFountain(doc));
          const viaBoth = parseScript(toFdx(viaFountain), { format: 'fdx' });
          expectSame(viaBoth, doc, toFountain(doc));
        }),
        { numRuns: 2_000 },
      );
    },
    TIMEOUT_MS,
  );
});
