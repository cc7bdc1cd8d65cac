import { isAllCaps } from '../caps';
import { readsAsSentence, splitCue } from '../cue';
import { startsLikeSceneHeading } from '../fountain/classify';
import type { BodyLine } from './furniture';
import { median } from './lines';

/**
 * Where each kind of line starts on this document's pages, inferred from the document itself
 * (a histogram of left edges) rather than assumed: Final Draft, Fade In, Highland and Word
 * templates all indent a little differently (the US standard is action 1.5in, dialogue 2.5in,
 * parenthetical 3.1in, character 3.7in, transitions right-aligned at 7.5in).
 *
 * Left edges are clustered; the leftmost cluster with a real share of the lines is action (scene
 * headings share it). Of the clusters to its right, the one with the most cue-like lines (short, in
 * capitals) is the character band, the busiest one between action and character is dialogue, and
 * the one between dialogue and character where lines open with `(` is the parenthetical band.
 */
export interface Bands {
  readonly charWidth: number;
  readonly action: number;
  readonly dialogue?: number;
  readonly parenthetical?: number;
  readonly character?: number;
  /** Right edge of full action lines: right-aligned transitions end near it. */
  readonly actionRight: number;
}

/** Left edges closer than this (in characters) are one indent. */
const CLUSTER_CHARS = 0.75;
/** A cluster needs this share of all lines (or at least this many lines) to be a band. */
const MIN_BAND_SHARE = 0.03;
const MIN_BAND_LINES = 2;
/** A cue: a name in capitals, at most this long. */
const MAX_CUE_CHARS = 45;
const MIN_CUE_SHARE = 0.5;
const MIN_PARENTHETICAL_SHARE = 0.4;
/** Share of action lines whose right edge counts as "the" right margin. */
const RIGHT_EDGE_QUANTILE = 0.98;

interface Cluster {
  readonly x: number;
  readonly lines: readonly BodyLine[];
}

export function inferBands(lines: readonly BodyLine[]): Bands {
  const charWidth = median(lines.map((line) => line.charWidth)) || 7.2;
  const clusters = clusterByLeftEdge(lines, charWidth);
  const minimum = Math.max(MIN_BAND_LINES, lines.length * MIN_BAND_SHARE);
  const significant = clusters.filter((cluster) => cluster.lines.length >= minimum);
  const action = significant[0] ?? clusters[0];
  if (!action) return { charWidth, action: 0, actionRight: 0 };

  const right = significant.filter((cluster) => cluster.x > action.x + charWidth);
  const character = best(
    right.filter((cluster) => share(cluster, isCueLike) >= MIN_CUE_SHARE),
    (cluster) => cluster.lines.filter(isCueLike).length,
  );
  const between = right.filter((cluster) => character === undefined || cluster.x < character.x);
  const dialogue = best(
    between.filter((cluster) => share(cluster, isCueLike) < MIN_CUE_SHARE),
    (cluster) => cluster.lines.length,
  );
  const parenthetical = best(
    between.filter(
      (cluster) =>
        (dialogue === undefined || cluster.x > dialogue.x) &&
        share(cluster, (line) => line.text.startsWith('(')) >= MIN_PARENTHETICAL_SHARE,
    ),
    (cluster) => cluster.lines.length,
  );
  const rights = action.lines.map((line) => line.right).sort((a, b) => a - b);
  const actionRight = rights[Math.floor((rights.length - 1) * RIGHT_EDGE_QUANTILE)] ?? action.x;
  return {
    charWidth,
    action: action.x,
    actionRight,
    ...(dialogue ? { dialogue: dialogue.x } : {}),
    ...(parenthetical ? { parenthetical: parenthetical.x } : {}),
    ...(character ? { character: character.x } : {}),
  };
}

function clusterByLeftEdge(lines: readonly BodyLine[], charWidth: number): Cluster[] {
  const sorted = [...lines].sort((a, b) => a.x - b.x);
  const clusters: BodyLine[][] = [];
  for (const line of sorted) {
    const current = clusters.at(-1);
    const last = current?.at(-1);
    if (current && last && line.x - last.x <= CLUSTER_CHARS * charWidth) current.push(line);
    else clusters.push([line]);
  }
  return clusters.map((members) => ({ x: median(members.map((line) => line.x)), lines: members }));
}

function best(
  clusters: readonly Cluster[],
  score: (cluster: Cluster) => number,
): Cluster | undefined {
  let winner: Cluster | undefined;
  for (const cluster of clusters) if (!winner || score(cluster) > score(winner)) winner = cluster;
  return winner;
}

function share(cluster: Cluster, test: (line: BodyLine) => boolean): number {
  return cluster.lines.filter(test).length / Math.max(1, cluster.lines.length);
}

/** `JOHN`, `MARY (V.O.)`, `DINKO (o.S.)`: a short line whose name part is in capitals. */
export function isCueLike(line: { readonly text: string }): boolean {
  const text = line.text.trim();
  if (text.length === 0 || text.length > MAX_CUE_CHARS || text.endsWith(':')) return false;
  const { name } = splitCue(text.replace(/\s*\^$/, ''));
  return (
    name !== '' &&
    isAllCaps(name) &&
    !startsLikeSceneHeading(name) &&
    /\p{L}/u.test(name) &&
    !readsAsSentence(name)
  );
}
