import { describe, expect, test } from 'vitest';
import { fps, ms, MAX_SHOT_DURATION_MS, MIN_SHOT_DURATION_MS } from '../model/units';
import { buildRenderPlan, type RenderPlan, type RenderShotInput } from './renderPlan';

const HD = { width: 1280, height: 720 } as const;

function shots(...durations: number[]): RenderShotInput[] {
  return durations.map((d, i) => ({ id: `s${i}`, durationMs: ms(d), frameKey: `f${i}` }));
}

/** mulberry32: small, seedable, good enough to pick test durations. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function expectTiled(plan: RenderPlan): void {
  let frame = 0;
  let us = 0;
  for (const segment of plan.segments) {
    expect(segment.startFrame).toBe(frame);
    expect(segment.startUs).toBe(us);
    expect(segment.frameCount).toBeGreaterThanOrEqual(1);
    frame += segment.frameCount;
    us += segment.durationUs;
  }
  expect(plan.totalFrames).toBe(frame);
  expect(plan.totalDurationUs).toBe(us);
}

describe('render plan', () => {
  test('three 1001 ms shots at 24 fps add up to the frames of 3003 ms, not 3 × 24', () => {
    const plan = buildRenderPlan({ shots: shots(1001, 1001, 1001), frameRate: fps(24), ...HD });
    const counts = plan.segments.map((s) => s.frameCount);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(Math.round((3003 * 24) / 1000));
    expect(plan.totalFrames).toBe(72);
    expectTiled(plan);
  });

  test('a shot starts at the rounded sum of the durations before it', () => {
    const plan = buildRenderPlan({
      shots: shots(1020, 1020, 1020, 1020),
      frameRate: fps(24),
      ...HD,
    });
    // 1020 ms = 24.48 frames: starts at round(24.48 k) = 0, 24, 49, 73; total round(97.92) = 98.
    expect(plan.segments.map((s) => s.startFrame)).toEqual([0, 24, 49, 73]);
    expect(plan.segments.map((s) => s.frameCount)).toEqual([24, 25, 24, 25]);
    expect(plan.totalFrames).toBe(98);
  });

  test('microsecond times sit on the frame grid and the total is frames / fps', () => {
    const plan = buildRenderPlan({ shots: shots(2500, 1700), frameRate: fps(30), ...HD });
    expect(plan.segments[1]?.startUs).toBe(2_500_000);
    expect(plan.totalFrames).toBe(126);
    expect(plan.totalDurationUs).toBe(4_200_000);
  });

  test('every shot keeps its frame, id and a label for the placeholder card', () => {
    const plan = buildRenderPlan({
      shots: [
        { id: 'a', durationMs: ms(1000), frameKey: null, number: '3A' },
        { id: 'b', durationMs: ms(1000), frameKey: 'k' },
      ],
      frameRate: fps(25),
      ...HD,
    });
    expect(plan.segments.map((s) => [s.shotId, s.frameKey, s.label])).toEqual([
      ['a', null, '3A'],
      ['b', 'k', '2'],
    ]);
  });

  test('across random boards the total stays within one frame of the sum of durations', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const random = seededRandom(seed);
      const rate = fps([24, 25, 30][seed % 3] ?? 24);
      const count = 1 + Math.floor(random() * 120);
      const durations = Array.from({ length: count }, () => {
        // Mostly board-like 0.1–8 s, sometimes anything up to the cap.
        const span = random() < 0.9 ? 8000 : MAX_SHOT_DURATION_MS;
        return Math.max(MIN_SHOT_DURATION_MS, Math.round(random() * span));
      });
      const plan = buildRenderPlan({ shots: shots(...durations), frameRate: rate, ...HD });
      const sumMs = durations.reduce((a, b) => a + b, 0);
      const frameMs = 1000 / rate;
      expectTiled(plan);
      expect(plan.segments).toHaveLength(count);
      expect(Math.abs(plan.totalDurationUs / 1000 - sumMs), `seed ${seed}`).toBeLessThanOrEqual(
        frameMs,
      );
      // And each shot stays within one frame of where its own duration puts it.
      let elapsedMs = 0;
      plan.segments.forEach((segment, i) => {
        expect(Math.abs(segment.startUs / 1000 - elapsedMs)).toBeLessThanOrEqual(frameMs);
        elapsedMs += durations[i] ?? 0;
      });
    }
  });

  test('refuses what cannot be rendered, saying why', () => {
    expect(() => buildRenderPlan({ shots: [], frameRate: fps(24), ...HD })).toThrow(/no shots/);
    expect(() => buildRenderPlan({ shots: shots(10), frameRate: fps(24), ...HD })).toThrow(
      /shorter than one frame/,
    );
    expect(() =>
      buildRenderPlan({ shots: shots(1000), frameRate: fps(24), width: 1279, height: 720 }),
    ).toThrow(/even/);
    expect(() => buildRenderPlan({ shots: shots(-5), frameRate: fps(24), ...HD })).toThrow(
      /invalid duration/,
    );
  });
});
