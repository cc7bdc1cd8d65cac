import type { EmphasisSpan } from '../types';

/**
 * FDX keeps emphasis as `Style` attributes on `Text` runs (`Style="Bold+Italic+Underline"`, plus
 * styles we do not model: AllCaps, Strikeout, Superscript, …). These map one to one onto Fountain
 * emphasis, which is how the document stores it.
 */
export interface RunStyle {
  readonly bold: boolean;
  readonly italic: boolean;
  readonly underline: boolean;
  /** Final Draft shows the run in capitals (the stored text may not be). */
  readonly allCaps: boolean;
}

export function parseRunStyle(style: string | undefined): RunStyle {
  const names = new Set(
    (style ?? '')
      .split('+')
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== ''),
  );
  return {
    bold: names.has('bold'),
    italic: names.has('italic'),
    underline: names.has('underline'),
    allCaps: names.has('allcaps'),
  };
}

/** The `Style` attribute for a span, or '' for plain text. */
export function runStyleAttribute(span: Omit<EmphasisSpan, 'text'>): string {
  const names: string[] = [];
  if (span.bold) names.push('Bold');
  if (span.italic) names.push('Italic');
  if (span.underline) names.push('Underline');
  return names.join('+');
}
