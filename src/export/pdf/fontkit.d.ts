// fontkit 3 ships no types. Only what fontkitAdapter.ts uses is declared.
declare module 'fontkit/core' {
  export interface FontkitSubset {
    encode(): Uint8Array;
  }
  export interface FontkitFont {
    createSubset(): FontkitSubset;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): FontkitFont;
  export function registerFormat(format: unknown): void;
}
declare module 'fontkit/formats/TTFFont' {
  export const TTFFont: unknown;
}
