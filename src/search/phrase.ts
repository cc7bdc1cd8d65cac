/**
 * Text as search compares it: lowercase, accents folded (`café` finds `cafe`), so what the index
 * holds and what a phrase check reads agree.
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The line of `text` that holds `phrase` (already folded, spaces collapsed) as typed, punctuation
 * between words ignored; null when none does. A phrase of one short word is not a phrase.
 */
export function findPhrase(text: string, phrase: string): string | null {
  const wanted = wordsOf(phrase);
  if (wanted === '' || (!wanted.includes(' ') && wanted.length < 3)) return null;
  for (const line of text.split('\n')) {
    if (` ${wordsOf(foldText(line))} `.includes(` ${wanted}`)) return line;
  }
  return null;
}

/** Words separated by one space: `"Well… I never, did I?"` → `well i never did i`. */
function wordsOf(folded: string): string {
  return folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
