import type { ScriptElementType } from './types';

/** Fountain turns a tab in action into this many spaces; other readers do the same. */
export const TAB_WIDTH = 4;

/**
 * Element text the way the Fountain reader would produce it, for readers of other formats (FDX,
 * PDF): then one script reads to the same document whatever format it came in, and the writers
 * can write it back. Action keeps its indentation and its leading empty lines (kept vertical
 * space) but not trailing spaces; lines of speech are trimmed; one-line elements get their line
 * breaks turned into spaces.
 */
export function canonicalText(type: ScriptElementType, text: string): string {
  switch (type) {
    case 'action':
      return dropTrailingEmptyLines(
        text.split('\n').map((line) => line.replaceAll('\t', ' '.repeat(TAB_WIDTH)).trimEnd()),
      ).join('\n');
    case 'dialogue':
    case 'lyrics':
    case 'centered':
      return dropTrailingEmptyLines(
        dropLeadingEmptyLines(text.split('\n').map((line) => line.trim())),
      ).join('\n');
    case 'note':
      return text.trim();
    case 'page_break':
      return '';
    default:
      return text.replace(/\s*\n\s*/g, ' ').trim();
  }
}

function dropTrailingEmptyLines(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0 && lines[end - 1] === '') end--;
  return lines.slice(0, end);
}

function dropLeadingEmptyLines(lines: string[]): string[] {
  let start = 0;
  while (start < lines.length && lines[start] === '') start++;
  return lines.slice(start);
}
