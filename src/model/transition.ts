import { z } from 'zod';
import type { Stored } from './stored';
import { millisecondsSchema, ms, type Milliseconds } from './units';

/**
 * How one shot hands over to the next. Stored on the OUTGOING shot as `transitionOut`; the last
 * shot's is ignored (there is nothing to hand over to).
 *
 * Timing convention: a transition is centred on the cut. With shots A (ending at the cut time C)
 * and B, a transition of duration d runs from C − d/2 to C + d/2: A stays visible d/2 past its
 * own end and B appears d/2 before its start. Nothing is added to or taken from the timeline, so
 * the animatic is always exactly the sum of the shot durations, whatever the transitions; and a
 * shot's own duration stays the time from cut to cut, which is what boards and scripts count.
 *
 * A transition is never longer than either neighbour (`effectiveTransitionMs`), so its half fits
 * inside each of them and the two transitions of one shot can never overlap.
 */
export const TRANSITION_KINDS = ['cut', 'crossfade', 'dipToBlack', 'dipToWhite', 'wipe'] as const;
export type TransitionKind = (typeof TRANSITION_KINDS)[number];

export const TRANSITION_LABELS: Record<TransitionKind, string> = {
  cut: 'Cut',
  crossfade: 'Crossfade',
  dipToBlack: 'Dip to black',
  dipToWhite: 'Dip to white',
  wipe: 'Wipe',
};

/** The way a wipe's edge travels across the frame: `right` reveals the next shot from the left. */
export const WIPE_DIRECTIONS = ['left', 'right', 'up', 'down'] as const;
export type WipeDirection = (typeof WIPE_DIRECTIONS)[number];

/** Longer dissolves than this are a different effect (a superimposition), not a transition. */
export const MAX_TRANSITION_DURATION_MS = ms(10_000);

export const transitionSchema = z.object({
  kind: z.enum(TRANSITION_KINDS),
  /** Total length, centred on the cut. Ignored for `cut`. */
  durationMs: millisecondsSchema(0, MAX_TRANSITION_DURATION_MS),
  /** Only wipes have one; a wipe without it travels `right`. */
  direction: z.enum(WIPE_DIRECTIONS).optional(),
});
export type Transition = Stored<typeof transitionSchema>;

export const CUT: Transition = { kind: 'cut', durationMs: ms(0) };

/** What a newly chosen dissolve starts at: long enough to read, short enough to keep the pace. */
export const DEFAULT_TRANSITION_DURATION_MS = ms(500);
export const DEFAULT_WIPE_DIRECTION: WipeDirection = 'right';

/** A transition made safe to store: whole milliseconds within bounds, direction only on wipes. */
export function normaliseTransition(transition: Transition): Transition {
  if (transition.kind === 'cut') return CUT;
  const raw = Number.isFinite(transition.durationMs) ? transition.durationMs : 0;
  const durationMs = ms(Math.round(Math.min(MAX_TRANSITION_DURATION_MS, Math.max(0, raw))));
  if (transition.kind !== 'wipe') return { kind: transition.kind, durationMs };
  return { kind: 'wipe', durationMs, direction: transition.direction ?? DEFAULT_WIPE_DIRECTION };
}

/**
 * The length a transition really gets between an outgoing and an incoming shot: 0 for a cut,
 * else the requested length capped at the shorter of the two shots (see the convention above).
 */
export function effectiveTransitionMs(
  transition: Transition,
  outgoingMs: Milliseconds,
  incomingMs: Milliseconds,
): Milliseconds {
  if (transition.kind === 'cut') return ms(0);
  return ms(Math.max(0, Math.min(transition.durationMs, outgoingMs, incomingMs)));
}

/** One cut on the timeline and the transition that plays across it. */
export interface TransitionWindow {
  /** Index of the outgoing shot in the timeline; the incoming one is `outgoing + 1`. */
  readonly outgoing: number;
  readonly kind: TransitionKind;
  readonly direction: WipeDirection;
  readonly cutMs: number;
  /** `cutMs − duration/2` and `cutMs + duration/2` (may be half milliseconds). */
  readonly startMs: number;
  readonly endMs: number;
}

/**
 * Every non-cut transition of a timeline with its place in time. Shots are the timeline's shots
 * in order (OMITTED ones already left out by the caller).
 */
export function transitionWindows(
  shots: readonly {
    readonly durationMs: Milliseconds;
    readonly transitionOut: Transition;
  }[],
): TransitionWindow[] {
  const windows: TransitionWindow[] = [];
  let cutMs = 0;
  for (let i = 0; i < shots.length - 1; i++) {
    const outgoing = shots[i];
    const incoming = shots[i + 1];
    if (!outgoing || !incoming) break;
    cutMs += outgoing.durationMs;
    const duration = effectiveTransitionMs(
      outgoing.transitionOut,
      outgoing.durationMs,
      incoming.durationMs,
    );
    if (duration <= 0) continue;
    windows.push({
      outgoing: i,
      kind: outgoing.transitionOut.kind,
      direction: outgoing.transitionOut.direction ?? DEFAULT_WIPE_DIRECTION,
      cutMs,
      startMs: cutMs - duration / 2,
      endMs: cutMs + duration / 2,
    });
  }
  return windows;
}
