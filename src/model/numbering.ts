/**
 * Shot numbers, the way boards are labelled on set: the first shot of scene 3 is `3`, the next
 * ones `3A`, `3B`, … `3Z`, `3AA`. A number is given once and never recomputed, so a board printed
 * last week still matches. A shot inserted between two others takes the number before it plus
 * `.1` (then `.2`, …): inserting between `3A` and `3B` gives `3A.1`, and nothing else moves.
 * `renumberScene` is the explicit "clean up" that rewrites a scene's numbers in order.
 */

/** 1 → A, 26 → Z, 27 → AA (bijective base 26). */
export function letterSuffix(index: number): string {
  let n = index;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A → 1, Z → 26, AA → 27; 0 for anything that is not uppercase letters. */
export function letterIndex(suffix: string): number {
  if (!/^[A-Z]+$/.test(suffix)) return 0;
  let n = 0;
  for (const ch of suffix) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The number for the shot at `position` (0-based) when a scene is numbered from scratch. */
export function sequentialShotNumber(sceneNumber: string, position: number): string {
  return position === 0 ? sceneNumber : sceneNumber + letterSuffix(position);
}

/** Numbers for a scene's shots numbered from scratch, in order. */
export function renumberScene(sceneNumber: string, shotCount: number): string[] {
  return Array.from({ length: shotCount }, (_, i) => sequentialShotNumber(sceneNumber, i));
}

/**
 * The number for a new shot placed at `insertAt` among a scene's existing shot numbers (in board
 * order). Appending continues the letter run; inserting before the end derives from the shot
 * before it so no existing number changes.
 */
export function numberForNewShot(
  sceneNumber: string,
  existing: readonly string[],
  insertAt: number,
): string {
  const used = new Set(existing);
  if (existing.length === 0) return sceneNumber;
  if (insertAt >= existing.length) {
    let highest = used.has(sceneNumber) ? 0 : -1;
    for (const number of existing) {
      if (number.startsWith(sceneNumber)) {
        highest = Math.max(highest, letterIndex(number.slice(sceneNumber.length)));
      }
    }
    const candidate = highest < 0 ? sceneNumber : sceneNumber + letterSuffix(highest + 1);
    if (!used.has(candidate)) return candidate;
  }
  const before = insertAt <= 0 ? undefined : existing[Math.min(insertAt, existing.length) - 1];
  // Before the first shot there is no number to build on: `3.0`, then `3.0.1`, …
  const base = before ?? `${sceneNumber}.0`;
  if (before === undefined && !used.has(base)) return base;
  for (let k = 1; ; k++) {
    const candidate = `${base}.${k}`;
    if (!used.has(candidate)) return candidate;
  }
}
