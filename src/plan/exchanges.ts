import { clampShotDuration, sumDurations, type Milliseconds } from '../model/units';
import type { Cast } from './cast';
import type { ShotDraft } from './shotDraft';
import { exchangeShotType } from './shotTypes';
import type { Speech } from './speech';

/**
 * A run of speeches is one shot until it gets long: after this many speeches, or this much
 * screen time, a new shot starts (a board that holds a whole page of talk tells the director
 * nothing about coverage).
 */
export const MAX_SPEECHES_PER_SHOT = 4;
export const MAX_EXCHANGE_SHOT_MS = 25_000;

/** The shots for a run of closed speeches. */
export function exchangeShots(speeches: readonly Speech[], cast: Cast): ShotDraft[] {
  const spoken = speeches.filter((speech) => speech.lines.length > 0);
  return splitExchange(spoken).map((group) => exchangeShot(group, cast));
}

/**
 * Greedy split in script order. A single speech longer than the cap stays whole: cutting inside a
 * speech is the artist's call, not ours.
 */
export function splitExchange<T extends { readonly durationMs: Milliseconds }>(
  speeches: readonly T[],
): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let currentMs = 0;
  for (const speech of speeches) {
    const full =
      current.length >= MAX_SPEECHES_PER_SHOT ||
      (current.length > 0 && currentMs + speech.durationMs > MAX_EXCHANGE_SHOT_MS);
    if (full) {
      groups.push(current);
      current = [];
      currentMs = 0;
    }
    current.push(speech);
    currentMs += speech.durationMs;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function exchangeShot(group: readonly Speech[], cast: Cast): ShotDraft {
  const ids = group.map((speech) => cast.idOf(speech.speaker)).filter((id) => id !== undefined);
  return {
    shotType: exchangeShotType(new Set(group.map((speech) => speech.speaker)).size),
    durationMs: clampShotDuration(sumDurations(group.map((speech) => speech.durationMs))),
    action: '',
    dialogue: group.flatMap((speech) => speech.lines),
    characterIds: [...new Set(ids)],
    notes: group.flatMap((speech) => speech.notes),
  };
}
