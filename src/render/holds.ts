import type { FrameCount, FramesPerSecond } from '../model/units';
import type { RenderSegment } from './renderPlan';

/**
 * How a still shot ("hold") becomes encoded video samples.
 *
 * - `once`: one key frame per shot carrying the shot's whole duration.
 * - `repeat-1s`: a key frame at the shot start, the same picture again once a second as a delta
 *   frame (35–350 bytes each at 1080p), and a one-frame "tail" sample at the end of the hold.
 * - `cfr`: every frame of the timeline is a sample (constant frame rate), the default for files
 *   meant for editing (renderOptions.ts FrameRateMode). The hold's picture becomes one VideoFrame
 *   that is encoded again for each frame; the encoder turns an unchanged picture into a
 *   near-empty delta frame (~130 bytes at 720p), which is several times cheaper than encoding a
 *   new picture (see render.bench.mjs for the figures).
 *
 * Measured with tests/bench/render.bench.mjs (Chromium 156 headless, software H.264 through
 * mediabunny, 2 cores shared with other jobs so timings wobble; 40 shots, 120 s; range of the
 * medians of two runs of 3):
 *
 *   seconds of render per minute of animatic   once        repeat-1s   cfr
 *   720p, 24 fps                               0.76–0.90   0.84–1.08   3.45–4.57
 *   720p, 30 fps                               0.83–0.93   0.79–1.09   3.61–3.65
 *   1080p, 24 fps                              0.64–1.04   1.11–1.19   7.68–9.14
 *   1080p, 30 fps                              0.63–0.86   0.95–1.44   10.53–10.94
 *   file size, 720p24 / 1080p30 (MB)           3.9 / 6.9   4.0 / 7.1   8.8 / 16.1
 *
 * Most of a hold render is start-up (~0.15–0.25 s) and decoding the 40 PNGs; the encoder sees
 * 40 (once) or 180 (repeat-1s) samples instead of 2,880–3,600.
 *
 * All three give an MP4 whose duration (ffprobe format *and* stream) equals the plan to the
 * microsecond, and Chromium's <video> reports that duration, shows the right shot when seeking
 * into the middle and to 1.5 frames before the end of each of the 40 shots, shows the last shot
 * half a frame before the end, and (a 20 s render played at 4×) reaches `ended` at exactly
 * the duration.
 *
 * The difference is in tools that seek by "first frame whose timestamp is ≥ t", which is what
 * `ffmpeg -ss` (and much built on libavformat: thumbnailers, trimmers, importers) does. With
 * `once`, seeking anywhere inside a hold skips the sample that started before t and shows the
 * *next* shot (ffmpeg at the middle of shot 3 gave shot 4's picture). `repeat-1s` limits that to
 * the last second of a hold, and its tail frame limits it to one frame: ffmpeg then shows the
 * right shot at the middle of shot 3 and 1.5 frames before its end.
 *
 * Choice for variable frame rate: `repeat-1s`. It costs up to ~0.5 s more per minute than `once` and ~3% more bytes,
 * stays 3–5× (720p) and 6–11× (1080p) faster than CFR at less than half its size, and no sample
 * lasts over a second.
 */
export type HoldStrategy = 'once' | 'repeat-1s' | 'cfr';

/** What "Variable frame rate" uses; "Constant frame rate" uses `cfr`. */
export const DEFAULT_HOLD_STRATEGY: HoldStrategy = 'repeat-1s';

/** `repeat-1s` re-emits the picture this often. */
const HOLD_REPEAT_INTERVAL_S = 1;
/**
 * Inside a long hold, a fresh key frame this often bounds what a seek has to decode; the delta
 * frames in between are a few hundred bytes each, the key frames are the cost.
 */
const HOLD_KEYFRAME_INTERVAL_S = 10;

/** One encoded sample: a span of the frame grid showing the segment's picture. */
export interface Emission {
  readonly startFrame: FrameCount;
  readonly frameCount: FrameCount;
  /** Forced key frame (shot start, or a periodic one inside a long hold); else forced delta. */
  readonly keyFrame: boolean;
}

/**
 * The samples that show `segment`, in order. They tile the segment exactly (no gap, no overlap),
 * so the last one ends where the shot ends and the file gets no trailing padding.
 */
export function* emissionsFor(
  segment: Pick<RenderSegment, 'startFrame' | 'frameCount'>,
  frameRate: FramesPerSecond,
  strategy: HoldStrategy,
): Generator<Emission> {
  const keyEvery = Math.max(1, Math.round(HOLD_KEYFRAME_INTERVAL_S * frameRate));
  let lastKeyFrame = -Infinity;
  const cuts = cutsFor(segment.frameCount, frameRate, strategy);
  for (let i = 0; i < cuts.length - 1; i++) {
    const offset = cuts[i] ?? 0;
    const keyFrame = offset === 0 || offset - lastKeyFrame >= keyEvery;
    if (keyFrame) lastKeyFrame = offset;
    yield {
      startFrame: (segment.startFrame + offset) as FrameCount,
      frameCount: ((cuts[i + 1] ?? segment.frameCount) - offset) as FrameCount,
      keyFrame,
    };
  }
}

/** Sample boundaries inside a segment, as frame offsets from its start, ending at frameCount. */
function cutsFor(frameCount: number, frameRate: FramesPerSecond, strategy: HoldStrategy): number[] {
  if (strategy === 'once') return [0, frameCount];
  const step = strategy === 'cfr' ? 1 : Math.max(1, Math.round(HOLD_REPEAT_INTERVAL_S * frameRate));
  const cuts: number[] = [];
  for (let offset = 0; offset < frameCount; offset += step) cuts.push(offset);
  // The tail frame: tools that seek by "first frame at or after t" (ffmpeg -ss, and whatever is
  // built on it) skip a sample that started before t and show the *next shot* for the rest of a
  // hold. A one-frame sample at the end of every hold bounds that error to one frame.
  const tail = frameCount - 1;
  if (strategy === 'repeat-1s' && tail > 0 && cuts.at(-1) !== tail) cuts.push(tail);
  cuts.push(frameCount);
  return cuts;
}
