import { describe, expect, test } from 'vitest';
import type { CaptionCue } from '../model/captions';
import { CAMERA_MOVES } from '../model/camera';
import { TRANSITION_KINDS } from '../model/transition';
import { fps } from '../model/units';
import { renderShot, seededRandom, transition } from '../../tests/helpers/renderTimeline';
import { compositionAt } from './compose/composition';
import { NO_OVERLAYS } from './compose/timeline';
import {
  buildRenderPlan,
  firstFrameAtOrAfter,
  frameTimeMs,
  type RenderPlan,
  type RenderPlanInput,
} from './renderPlan';

const HD = { width: 1280, height: 720 } as const;

function plan(input: Omit<RenderPlanInput, 'width' | 'height'>): RenderPlan {
  return buildRenderPlan({ ...HD, ...input });
}

const summary = (p: RenderPlan) =>
  p.runs.map((r) => [r.kind, r.startFrame, r.frameCount, r.frameKeys.join('+')]);

function expectRunsTile(p: RenderPlan): void {
  let frame = 0;
  for (const run of p.runs) {
    expect(run.startFrame).toBe(frame);
    expect(run.frameCount).toBeGreaterThan(0);
    frame += run.frameCount;
  }
  expect(frame).toBe(p.totalFrames);
}

describe('frame grid', () => {
  test('frames are sampled at their middle and cuts land on the nearest frame boundary', () => {
    expect(frameTimeMs(0, fps(25))).toBe(20);
    expect(frameTimeMs(44, fps(30))).toBeCloseTo(1483.333, 3);
    expect(firstFrameAtOrAfter(1500, fps(30))).toBe(45);
    expect(firstFrameAtOrAfter(1001, fps(24))).toBe(24);
    // Exactly on a frame middle: that frame already shows the new time.
    expect(firstFrameAtOrAfter(20, fps(25))).toBe(0);
    expect(firstFrameAtOrAfter(60, fps(25))).toBe(1);
    expect(frameTimeMs(firstFrameAtOrAfter(1250, fps(30)), fps(30))).toBeGreaterThanOrEqual(1250);
  });
});

describe('holds and motion', () => {
  test('static shots with cuts are one hold each', () => {
    const p = plan({ shots: [renderShot(0, 2000), renderShot(1, 1000)], frameRate: fps(30) });
    expect(summary(p)).toEqual([
      ['hold', 0, 60, 'frame-0'],
      ['hold', 60, 30, 'frame-1'],
    ]);
  });

  test('a crossfade is composed frame by frame, centred on the cut; the rest stay holds', () => {
    const p = plan({
      shots: [renderShot(0, 2000, { out: transition('crossfade', 1000) }), renderShot(1, 2000)],
      frameRate: fps(30),
    });
    expect(summary(p)).toEqual([
      ['hold', 0, 45, 'frame-0'],
      ['motion', 45, 30, 'frame-0+frame-1'],
      ['hold', 75, 45, 'frame-1'],
    ]);
    // The timeline keeps its length: transitions overlap shots, they do not add time.
    expect(p.totalFrames).toBe(120);
    expect(p.segments.map((s) => [s.startFrame, s.frameCount])).toEqual([
      [0, 60],
      [60, 60],
    ]);
  });

  test('a camera move makes its shot motion for as long as it is visible', () => {
    const p = plan({
      shots: [
        renderShot(0, 1000, { out: transition('crossfade', 400) }),
        renderShot(1, 2000, { move: 'pan' }),
        renderShot(2, 1000),
      ],
      frameRate: fps(25),
    });
    expect(summary(p)).toEqual([
      ['hold', 0, 20, 'frame-0'],
      ['motion', 20, 55, 'frame-0+frame-1'],
      ['hold', 75, 25, 'frame-2'],
    ]);
  });

  test('burnt-in captions split a hold where a caption appears or goes', () => {
    const captions: CaptionCue[] = [
      { startMs: 500, endMs: 1500, speaker: 'A', text: 'A: Hi.', shotId: 'shot-0' },
    ];
    const p = plan({
      shots: [renderShot(0, 2000)],
      frameRate: fps(24),
      overlays: { ...NO_OVERLAYS, captions: true },
      captions,
    });
    expect(summary(p)).toEqual([
      ['hold', 0, 12, 'frame-0'],
      ['hold', 12, 24, 'frame-0'],
      ['hold', 36, 12, 'frame-0'],
    ]);
    // Without burn-in the cues change nothing.
    expect(plan({ shots: [renderShot(0, 2000)], frameRate: fps(24), captions }).runs).toHaveLength(
      1,
    );
  });

  test('a burnt-in timecode changes every frame, so nothing is a hold', () => {
    const p = plan({
      shots: [renderShot(0, 1000), renderShot(1, 1000)],
      frameRate: fps(24),
      overlays: { ...NO_OVERLAYS, timecode: true },
    });
    expect(summary(p)).toEqual([['motion', 0, 48, 'frame-0+frame-1']]);
  });

  test('shots without a picture need no decoding', () => {
    const p = plan({ shots: [renderShot(0, 1000, { frameKey: null })], frameRate: fps(24) });
    expect(p.runs[0]?.frameKeys).toEqual([]);
  });
});

describe('random timelines: the plan and the compose functions agree', () => {
  test('every frame of a hold composes identically, every run tiles, every picture is decoded', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const random = seededRandom(seed);
      const rate = fps([24, 25, 30][seed % 3] ?? 24);
      const count = 1 + Math.floor(random() * 8);
      const shots = Array.from({ length: count }, (_, i) => {
        const moving = random() < 0.3;
        const kind = TRANSITION_KINDS[Math.floor(random() * TRANSITION_KINDS.length)] ?? 'cut';
        return renderShot(i, 200 + Math.round(random() * 3000), {
          move: moving
            ? (CAMERA_MOVES[1 + Math.floor(random() * (CAMERA_MOVES.length - 1))] ?? 'pan')
            : 'static',
          out: transition(kind, Math.round(random() * 1500)),
          frameKey: random() < 0.1 ? null : `frame-${i}`,
        });
      });
      const captions: CaptionCue[] =
        random() < 0.5
          ? [
              {
                startMs: 150,
                endMs: 150 + Math.round(random() * 2000),
                speaker: '',
                text: 'x',
                shotId: '',
              },
            ]
          : [];
      const p = plan({
        shots,
        frameRate: rate,
        overlays: { captions: true, shotNumbers: random() < 0.5, timecode: false },
        captions,
      });
      expectRunsTile(p);
      for (const run of p.runs) {
        const first = compositionAt(p.timeline, frameTimeMs(run.startFrame, rate));
        for (let f = run.startFrame; f < run.startFrame + run.frameCount; f++) {
          const frame = compositionAt(p.timeline, frameTimeMs(f, rate));
          if (run.kind === 'hold') expect(frame, `seed ${seed} frame ${f}`).toEqual(first);
          for (const layer of frame.layers) {
            if (layer.frameKey !== null) expect(run.frameKeys).toContain(layer.frameKey);
          }
        }
      }
    }
  });
});
