/**
 * Order-preserving alignment of two sequences (Needleman–Wunsch with zero gap cost): picks the
 * pairs (i, j), increasing in both i and j, that maximise the summed similarity, using only pairs
 * scoring at least `threshold`. Scenes and beats keep their order between drafts far more often
 * than not, so an alignment beats greedy best-match, which would cross-match repeated beats.
 * O(n·m) time and memory: 300 × 300 scenes is 90 000 cells.
 */
export interface AlignedPair {
  readonly oldIndex: number;
  readonly newIndex: number;
  readonly score: number;
}

export function align(
  oldCount: number,
  newCount: number,
  similarity: (oldIndex: number, newIndex: number) => number,
  threshold: number,
): AlignedPair[] {
  const width = newCount + 1;
  // Typed arrays are zero-filled and every index used below is in range; `?? 0` only satisfies
  // noUncheckedIndexedAccess.
  const at = (array: Float64Array, index: number) => array[index] ?? 0;
  const best = new Float64Array((oldCount + 1) * width);
  const scores = new Float64Array(oldCount * newCount);
  for (let i = 1; i <= oldCount; i++) {
    for (let j = 1; j <= newCount; j++) {
      const score = similarity(i - 1, j - 1);
      scores[(i - 1) * newCount + (j - 1)] = score;
      const diagonal = score >= threshold ? at(best, (i - 1) * width + (j - 1)) + score : -Infinity;
      best[i * width + j] = Math.max(
        at(best, (i - 1) * width + j),
        at(best, i * width + (j - 1)),
        diagonal,
      );
    }
  }
  const pairs: AlignedPair[] = [];
  let i = oldCount;
  let j = newCount;
  while (i > 0 && j > 0) {
    const here = at(best, i * width + j);
    const score = at(scores, (i - 1) * newCount + (j - 1));
    if (score >= threshold && here === at(best, (i - 1) * width + (j - 1)) + score) {
      pairs.push({ oldIndex: i - 1, newIndex: j - 1, score });
      i--;
      j--;
    } else if (here === at(best, (i - 1) * width + j)) i--;
    else j--;
  }
  return pairs.reverse();
}
