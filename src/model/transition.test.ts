import { describe, expect, test } from 'vitest';
import {
  CUT,
  effectiveTransitionMs,
  MAX_TRANSITION_DURATION_MS,
  normaliseTransition,
  transitionWindows,
  type Transition,
} from './transition';
import { ms } from './units';

const crossfade = (d: number): Transition => ({ kind: 'crossfade', durationMs: ms(d) });

describe('transitions', () => {
  test('a cut takes no time; others are capped by the shorter neighbour', () => {
    expect(effectiveTransitionMs(CUT, ms(2000), ms(2000))).toBe(0);
    expect(effectiveTransitionMs(crossfade(800), ms(2000), ms(3000))).toBe(800);
    expect(effectiveTransitionMs(crossfade(5000), ms(2000), ms(3000))).toBe(2000);
    expect(effectiveTransitionMs(crossfade(5000), ms(4000), ms(1000))).toBe(1000);
  });

  test('a transition is centred on the cut and the timeline keeps its length', () => {
    const shots = [
      { durationMs: ms(2000), transitionOut: crossfade(1000) },
      { durationMs: ms(3000), transitionOut: CUT },
      { durationMs: ms(1000), transitionOut: { kind: 'wipe', durationMs: ms(400) } as Transition },
      { durationMs: ms(2000), transitionOut: crossfade(1000) },
    ];
    expect(transitionWindows(shots)).toEqual([
      {
        outgoing: 0,
        kind: 'crossfade',
        direction: 'right',
        cutMs: 2000,
        startMs: 1500,
        endMs: 2500,
      },
      { outgoing: 2, kind: 'wipe', direction: 'right', cutMs: 6000, startMs: 5800, endMs: 6200 },
    ]);
  });

  test('the last shot has nothing to hand over to', () => {
    expect(transitionWindows([{ durationMs: ms(1000), transitionOut: crossfade(500) }])).toEqual(
      [],
    );
  });

  test('the two transitions of one shot never overlap, whatever is asked for', () => {
    const shots = [400, 300, 500, 100, 900].map((d) => ({
      durationMs: ms(d),
      transitionOut: crossfade(MAX_TRANSITION_DURATION_MS),
    }));
    const windows = transitionWindows(shots);
    for (let i = 1; i < windows.length; i++) {
      expect(windows[i]!.startMs).toBeGreaterThanOrEqual(windows[i - 1]!.endMs);
    }
  });

  test('normalising keeps only what the kind uses', () => {
    expect(normaliseTransition({ kind: 'cut', durationMs: ms(900) })).toEqual(CUT);
    expect(
      normaliseTransition({ kind: 'crossfade', durationMs: ms(12.6), direction: 'up' }),
    ).toEqual({ kind: 'crossfade', durationMs: 13 });
    expect(normaliseTransition({ kind: 'wipe', durationMs: ms(99_999) })).toEqual({
      kind: 'wipe',
      durationMs: MAX_TRANSITION_DURATION_MS,
      direction: 'right',
    });
  });
});
