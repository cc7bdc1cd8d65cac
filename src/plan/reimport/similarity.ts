/**
 * Text similarity for matching drafts: the Jaccard index of the word sets (case- and
 * punctuation-insensitive, Unicode-aware). Rewrites change some words and keep most, so a
 * rewritten beat still scores well against its old self and poorly against other beats.
 */
export function wordSet(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
  return new Set(words);
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const word of small) if (large.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}
