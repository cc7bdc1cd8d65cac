import { describe, expect, test } from 'vitest';
import { ms } from '../model/units';
import { emissionsFor } from './holds';
import { buildRenderPlan, type RenderShotInput } from './renderPlan';
import { NTSC_FILM, NTSC_VIDEO, VIDEO_FRAME_RATES } from './renderOptions';

const HD = { width: 1280, height: 720 } as const;

/** The animatic from the report: 19:38.37 in 40 uneven shots. */
function animatic(totalMs: number, count: number): RenderShotInput[] {
  const base = Math.floor(totalMs / count);
  return Array.from({ length: count }, (_, i) => ({
    id: `s${i}`,
    durationMs: ms(i === count - 1 ? totalMs - base * (count - 1) : base),
    frameKey: `f${i}`,
  }));
}

/** Every sample a constant-frame-rate render writes: each hold frame by frame, motion as is. */
function cfrSamples(plan: ReturnType<typeof buildRenderPlan>) {
  return plan.runs.flatMap((run) =>
    run.kind === 'hold'
      ? [...emissionsFor(run, plan.frameRate, 'cfr')]
      : Array.from({ length: run.frameCount }, (_, i) => ({
          startFrame: run.startFrame + i,
          frameCount: 1,
        })),
  );
}

describe('constant frame rate', () => {
  test.each(VIDEO_FRAME_RATES)('at %s fps every frame of 19:38.37 is one sample', (rate) => {
    const totalMs = 1_178_370;
    const plan = buildRenderPlan({ shots: animatic(totalMs, 40), frameRate: rate as never, ...HD });
    // nb_frames = duration × rate, to the nearest frame.
    expect(plan.totalFrames).toBe(Math.round((totalMs / 1000) * rate));
    const samples = cfrSamples(plan);
    expect(samples).toHaveLength(plan.totalFrames);
    samples.forEach((sample, index) => {
      expect(sample.startFrame).toBe(index);
      expect(sample.frameCount).toBe(1);
    });
    // The file lasts exactly its frames: avg_frame_rate = frames / duration = the rate.
    expect(plan.totalDurationUs).toBe(Math.round((plan.totalFrames / rate) * 1e6));
  });

  test('NTSC rates are the exact fractions, so 23.976 and 29.97 stay in step with a clock', () => {
    expect(NTSC_FILM).toBe(24000 / 1001);
    expect(NTSC_VIDEO).toBe(30000 / 1001);
    // One hour of 23.976 is 86,314 frames (not 86,400 as at 24).
    const plan = buildRenderPlan({ shots: animatic(3_600_000, 60), frameRate: NTSC_FILM, ...HD });
    expect(plan.totalFrames).toBe(86_314);
    const video = buildRenderPlan({ shots: animatic(60_000, 6), frameRate: NTSC_VIDEO, ...HD });
    expect(video.totalFrames).toBe(1798);
  });

  test('a long hold gets a key frame every ten seconds and delta frames in between', () => {
    const plan = buildRenderPlan({ shots: animatic(25_000, 1), frameRate: 24 as never, ...HD });
    const samples = [...emissionsFor(plan.segments[0]!, plan.frameRate, 'cfr')];
    expect(samples).toHaveLength(600);
    expect(samples.filter((s) => s.keyFrame).map((s) => s.startFrame)).toEqual([0, 240, 480]);
  });
});
