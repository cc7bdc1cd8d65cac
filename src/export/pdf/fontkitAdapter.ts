import * as fontkit from 'fontkit/core';
import { TTFFont } from 'fontkit/formats/TTFFont';
import type { PDFDocument } from 'pdf-lib';

/** What `PDFDocument.registerFontkit` takes (pdf-lib does not export the type by name). */
type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

// TrueType only: the fonts we embed are TTF, and the other formats (WOFF2 pulls in brotli) would
// only add weight to the worker.
fontkit.registerFormat(TTFFont);

interface EncodeStream {
  on(event: 'data' | 'end' | 'error', listener: (value: never) => void): EncodeStream;
}

/**
 * pdf-lib is written against @pdf-lib/fontkit 1.x, whose subsetter leaves glyphs blank (CJK
 * above all: PITFALLS.md, PDF). fontkit 3 subsets correctly but returns the subset's bytes from
 * `encode()` where pdf-lib reads an `encodeStream()` of events; this gives each subset that
 * stream. Everything else pdf-lib calls (`layout`, glyph metrics, `createSubset`,
 * `includeGlyph`) is the same in both.
 */
export const fontkitForPdfLib: Fontkit = {
  create(buffer) {
    const font = fontkit.create(buffer);
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset();
      return Object.assign(subset, {
        encodeStream(): EncodeStream {
          const listeners = new Map<string, (value: never) => void>();
          const stream: EncodeStream = {
            on(event, listener) {
              listeners.set(event, listener);
              return stream;
            },
          };
          // pdf-lib attaches its listeners right after the call: answer once they are there.
          queueMicrotask(() => {
            try {
              (listeners.get('data') as ((bytes: Uint8Array) => void) | undefined)?.(
                subset.encode(),
              );
              (listeners.get('end') as (() => void) | undefined)?.();
            } catch (error) {
              (listeners.get('error') as ((e: unknown) => void) | undefined)?.(error);
            }
          });
          return stream;
        },
      });
    };
    // The two libraries describe the same object in their own types.
    return font as unknown as ReturnType<Fontkit['create']>;
  },
};
