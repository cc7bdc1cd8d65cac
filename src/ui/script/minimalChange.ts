/**
 * The smallest single replacement that turns `from` into `to` (common start and end kept), so a
 * value set from outside keeps the cursor, the selection and undo history where text did not
 * change. Null when they are equal.
 */
export function minimalChange(
  from: string,
  to: string,
): { from: number; to: number; insert: string } | null {
  if (from === to) return null;
  let start = 0;
  const shorter = Math.min(from.length, to.length);
  while (start < shorter && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < shorter - start &&
    from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end)
  ) {
    end++;
  }
  return { from: start, to: from.length - end, insert: to.slice(start, to.length - end) };
}

/**
 * Whether a value given from outside should replace the editor's text. The echo of a keystroke
 * should not: typing runs ahead of the parent's renders, so a value that lags behind (a text the
 * editor sent since the two last agreed) would undo what was typed since.
 */
export function isExternalValue(
  value: string,
  current: string,
  sentSinceAgreed: readonly string[],
): boolean {
  return value !== current && !sentSinceAgreed.includes(value);
}
