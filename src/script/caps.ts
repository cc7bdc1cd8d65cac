/**
 * "All caps" for any script that has case: at least one uppercase letter and no lowercase one.
 * `ZOË`, `JOSÉ`, `ЖЕНЯ` and `R2D2` qualify; `23` does not (no letter), and names in scripts
 * without case (`李`) can only be marked as characters with `@`.
 */
export function isAllCaps(text: string): boolean {
  return UPPERCASE_LETTER.test(text) && !LOWERCASE_LETTER.test(text);
}

const UPPERCASE_LETTER = /\p{Lu}/u;
const LOWERCASE_LETTER = /\p{Ll}/u;
