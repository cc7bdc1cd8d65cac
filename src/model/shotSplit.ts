import type { ShotId } from './ids';
import type { DialogueLine, Shot } from './shot';
import { CUT } from './transition';
import { MIN_SHOT_DURATION_MS, ms, type Milliseconds } from './units';

/**
 * Splitting a shot at its dialogue: the lines before `atLine` stay, the rest go to a new shot
 * right after it (the same set-up continuing, so it starts with the same frame, camera and cast).
 *
 * Screen time is divided, not invented: the two parts add up to the shot's current duration (an
 * artist's retime is kept), shared in proportion to how long each part takes to play. The action
 * and the notes stay with the first part: the action is what the set-up shows, and writing it
 * twice would print it twice in the screenplay made from the boards.
 */

/** Speech at about 15 characters a second (150 words a minute), plus a breath per line. */
const SPOKEN_MS_PER_CHAR = 66;
const PAUSE_PER_LINE_MS = 500;
const MIN_LINE_MS = 1000;
/** Action reads a little faster than speech, and a board is looked at for a moment at least. */
const ACTION_MS_PER_CHAR = 55;
const MIN_ACTION_MS = 2000;

export class SplitError extends Error {
  override readonly name = 'SplitError';
}

/**
 * Where a shot can be split (`atLine` values): between two of its lines, and before the first
 * line when there is action to keep apart from the speech. A shot with nothing to divide (no
 * dialogue, or one line and no action) splits in two halves, everything staying with the first
 * (`dialogue.length`). An OMITTED shot is not split: its beat is gone from the script.
 */
export function splitPoints(shot: Shot): number[] {
  if (shot.omitted || shot.durationMs < 2 * MIN_SHOT_DURATION_MS) return [];
  const count = shot.dialogue.length;
  const points = Array.from({ length: Math.max(0, count - 1) }, (_, i) => i + 1);
  if (count > 0 && shot.action.trim() !== '') points.unshift(0);
  return points.length > 0 ? points : [count];
}

/** The split a single keystroke means: the middle of the dialogue (or halves without any). */
export function defaultSplitPoint(shot: Shot): number | null {
  const points = splitPoints(shot);
  if (points.length === 0) return null;
  const middle = Math.ceil(shot.dialogue.length / 2);
  return points.includes(middle) ? middle : (points[points.length - 1] ?? null);
}

function linesMs(lines: readonly DialogueLine[]): number {
  return lines.reduce(
    (total, line) =>
      total + Math.max(MIN_LINE_MS, line.line.length * SPOKEN_MS_PER_CHAR) + PAUSE_PER_LINE_MS,
    0,
  );
}

function actionMs(action: string): number {
  const text = action.trim();
  return text === '' ? 0 : Math.max(MIN_ACTION_MS, text.length * ACTION_MS_PER_CHAR);
}

/** The durations of the two parts: in proportion to their weights, each at least the minimum. */
export function divideDuration(
  total: Milliseconds,
  firstWeight: number,
  secondWeight: number,
): [Milliseconds, Milliseconds] {
  // A part with nothing in it to time (a plain continuation) shares the shot evenly.
  const share =
    firstWeight > 0 && secondWeight > 0 ? firstWeight / (firstWeight + secondWeight) : 1 / 2;
  const first = Math.round(total * share);
  const bounded = Math.min(total - MIN_SHOT_DURATION_MS, Math.max(MIN_SHOT_DURATION_MS, first));
  return [ms(bounded), ms(total - bounded)];
}

export interface SplitPlan {
  /** The original shot with what it keeps. */
  readonly first: Shot;
  /** The new shot after it, under `next.id` and `next.number`. */
  readonly second: Shot;
}

export function planSplit(
  shot: Shot,
  atLine: number,
  next: { readonly id: ShotId; readonly number: string },
): SplitPlan {
  if (shot.omitted) throw new SplitError(`Shot ${shot.number} is OMITTED: restore it first`);
  if (!splitPoints(shot).includes(atLine)) {
    throw new SplitError(
      shot.durationMs < 2 * MIN_SHOT_DURATION_MS
        ? `Shot ${shot.number} is too short to split`
        : `Shot ${shot.number} has no place to split before line ${atLine + 1}`,
    );
  }
  const kept = shot.dialogue.slice(0, atLine);
  const moved = shot.dialogue.slice(atLine);
  const [firstMs, secondMs] = divideDuration(
    shot.durationMs,
    linesMs(kept) + actionMs(shot.action),
    linesMs(moved),
  );
  // Sound that starts in the second part moves with it, at the same moment of the animatic.
  const stays = shot.audio.filter((clip) => clip.offsetMs < firstMs);
  const goes = shot.audio
    .filter((clip) => clip.offsetMs >= firstMs)
    .map((clip) => ({ ...clip, offsetMs: ms(clip.offsetMs - firstMs) }));
  const first: Shot = {
    ...shot,
    dialogue: kept,
    durationMs: firstMs,
    audio: stays,
    // It now hands over to its own continuation: a cut, the original hand-over moves on.
    transitionOut: CUT,
  };
  const second: Shot = {
    ...shot,
    id: next.id,
    number: next.number,
    dialogue: moved,
    durationMs: secondMs,
    audio: goes,
    action: '',
    notes: '',
    // Generated images stay with the shot they were made for; the frame itself is shared.
    takes: [],
  };
  return { first, second };
}
