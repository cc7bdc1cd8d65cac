/** One line of source text and the 1-based line number it had in the file. */
export interface SourceLine {
  readonly text: string;
  readonly line: number;
}

const BYTE_ORDER_MARK = '\uFEFF';

/**
 * Real files mix CRLF, LF and old-Mac CR (sometimes within one file), and editors on Windows
 * prepend a UTF-8 BOM. Everything after this sees LF only and no BOM.
 */
export function normalizeNewlines(text: string): string {
  const withoutBom = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  return withoutBom.replace(/\r\n?/g, '\n');
}

/** Whitespace only. A line of exactly two spaces is still blank here; dialogue treats it apart. */
export function isBlank(text: string): boolean {
  return text.trim() === '';
}

/** Fountain's way to keep an empty line inside dialogue (or a note): exactly two spaces. */
export function isTwoSpaceLine(text: string): boolean {
  return text === '  ';
}
