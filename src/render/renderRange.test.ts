import { describe, expect, test } from 'vitest';
import { createShot, type Shot } from '../model/shot';
import { CUT } from '../model/transition';
import { ms } from '../model/units';
import { buildRenderPlan } from './renderPlan';
import { composeShotsFor } from './compose/fromSnapshot';
import { rangeFileSuffix, rangeParts, snapshotForRange, WHOLE_TIMELINE } from './renderRange';

const CROSSFADE = { kind: 'crossfade', durationMs: ms(500) } as const;

function project(): { shots: Shot[] } {
  const shot = (n: number, scene: string, extra: Partial<Shot> = {}) =>
    createShot({
      id: `s${n}` as Shot['id'],
      sceneId: scene as Shot['sceneId'],
      number: String(n),
      durationMs: ms(1000 * n),
      transitionOut: CROSSFADE,
      ...extra,
    });
  return {
    shots: [
      shot(1, 'a'),
      shot(2, 'a'),
      shot(3, 'b', { omitted: true }),
      shot(4, 'b'),
      shot(5, 'b'),
      shot(6, 'c'),
    ],
  };
}

const ids = (snapshot: { shots: Shot[] }) => snapshot.shots.map((s) => s.id);

describe('render ranges', () => {
  test('the whole animatic is the project as it is', () => {
    const p = project();
    expect(snapshotForRange(p, { kind: 'all' })).toBe(p);
    expect(rangeFileSuffix(p, { kind: 'all' })).toBe('');
  });

  test('a scene is its shots on the timeline, and its last transition becomes a cut', () => {
    const part = snapshotForRange(project(), { kind: 'scene', sceneId: 'b' });
    expect(ids(part)).toEqual(['s4', 's5']);
    expect(part.shots[0]?.transitionOut).toEqual(CROSSFADE);
    expect(part.shots[1]?.transitionOut).toEqual(CUT);
    expect(rangeFileSuffix(project(), { kind: 'scene', sceneId: 'b' })).toBe('shots-4-5');
  });

  test('a selection keeps timeline order and cuts across its gaps', () => {
    const part = snapshotForRange(project(), { kind: 'shots', shotIds: ['s6', 's1', 's2'] });
    expect(ids(part)).toEqual(['s1', 's2', 's6']);
    expect(part.shots.map((s) => s.transitionOut)).toEqual([CROSSFADE, CUT, CUT]);
  });

  test('a span runs either way round and skips omitted shots', () => {
    const forward = snapshotForRange(project(), { kind: 'span', fromShotId: 's2', toShotId: 's5' });
    const backward = snapshotForRange(project(), {
      kind: 'span',
      fromShotId: 's5',
      toShotId: 's2',
    });
    expect(ids(forward)).toEqual(['s2', 's4', 's5']);
    expect(ids(backward)).toEqual(ids(forward));
    expect(rangeFileSuffix(project(), { kind: 'span', fromShotId: 's6', toShotId: 's6' })).toBe(
      'shot-6',
    );
  });

  test("a range's plan lasts its shots' durations, from frame 0, at every rate", () => {
    const part = snapshotForRange(project(), { kind: 'scene', sceneId: 'b' });
    for (const rate of [24000 / 1001, 24, 25, 30000 / 1001, 30]) {
      const plan = buildRenderPlan({
        shots: composeShotsFor(part),
        frameRate: rate as never,
        width: 1280,
        height: 720,
      });
      // Shots 4 and 5: 9 s (the crossfade between them overlaps, it adds nothing).
      expect(plan.totalFrames).toBe(Math.round(9 * rate));
      expect(plan.segments[0]?.startFrame).toBe(0);
    }
  });

  test('an unknown span end leaves nothing to render', () => {
    const part = snapshotForRange(project(), { kind: 'span', fromShotId: 's1', toShotId: 'gone' });
    expect(part.shots).toEqual([]);
    expect(rangeFileSuffix(project(), { kind: 'span', fromShotId: 's1', toShotId: 'gone' })).toBe(
      '',
    );
  });
});

describe('where a range sits on the whole timeline', () => {
  // Shots 1, 2, (3 omitted), 4, 5, 6 last 1, 2, 4, 5, 6 s: they start at 0, 1, 3, 7, 12 s.
  test('a scene in the middle is one part, 3 s into the timeline, not reaching its end', () => {
    expect(rangeParts(project(), { kind: 'scene', sceneId: 'b' })).toEqual([
      { atMs: 0, timelineMs: 3000, toTimelineEnd: false },
    ]);
  });

  test('a selection with a gap has a part per run; the last one reaches the end', () => {
    const shotIds = ['s6', 's1', 's4'];
    expect(rangeParts(project(), { kind: 'shots', shotIds })).toEqual([
      { atMs: 0, timelineMs: 0, toTimelineEnd: false },
      { atMs: 1000, timelineMs: 3000, toTimelineEnd: false },
      { atMs: 5000, timelineMs: 12_000, toTimelineEnd: true },
    ]);
  });

  test('a span across an omitted shot is one part; the whole animatic is the timeline', () => {
    const span = { kind: 'span', fromShotId: 's5', toShotId: 's2' } as const;
    expect(rangeParts(project(), span)).toEqual([
      { atMs: 0, timelineMs: 1000, toTimelineEnd: false },
    ]);
    expect(rangeParts(project(), { kind: 'all' })).toBe(WHOLE_TIMELINE);
  });
});
