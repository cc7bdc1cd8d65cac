import type { Brand } from '../model/brand';
import type { FrameCount, FramesPerSecond, Milliseconds } from '../model/units';

/** Media timestamps (WebCodecs, MP4) are microseconds; keep them apart from model milliseconds. */
export type Microseconds = Brand<number, 'Microseconds'>;

const MICROSECONDS_PER_SECOND = 1_000_000;
const MILLISECONDS_PER_SECOND = 1_000;

export interface RenderShotInput {
  readonly id: string;
  readonly durationMs: Milliseconds;
  /** Key into the job's `frames` map; null when the shot has no frame yet (a card is drawn). */
  readonly frameKey: string | null;
  /** Printed shot number (`3A`) for the placeholder card; defaults to the 1-based position. */
  readonly number?: string;
}

export interface RenderPlanInput {
  readonly shots: readonly RenderShotInput[];
  readonly frameRate: FramesPerSecond;
  /** Output size in pixels; both must be even (H.264 4:2:0 needs even sizes). */
  readonly width: number;
  readonly height: number;
}

/**
 * One shot on the output frame grid. Segments tile the timeline with no gaps or overlaps:
 * `segments[k + 1].startFrame === segments[k].startFrame + segments[k].frameCount`, and the same
 * holds for `startUs` / `durationUs`.
 */
export interface RenderSegment {
  readonly shotId: string;
  /** Position in the plan, 0-based. */
  readonly index: number;
  /** What the placeholder card prints after "Shot". */
  readonly label: string;
  readonly frameKey: string | null;
  readonly startFrame: FrameCount;
  /** Always ≥ 1: a shot is never dropped from the render. */
  readonly frameCount: FrameCount;
  readonly startUs: Microseconds;
  readonly durationUs: Microseconds;
}

/** Plain data (structured-clone safe): it crosses to the render worker as is. */
export interface RenderPlan {
  readonly width: number;
  readonly height: number;
  readonly frameRate: FramesPerSecond;
  readonly segments: readonly RenderSegment[];
  readonly totalFrames: FrameCount;
  /** `totalFrames / frameRate`: what the MP4's duration must be, ± one frame. */
  readonly totalDurationUs: Microseconds;
}

/** Microseconds at which frame `frame` starts on the grid of `rate`. */
export function frameToMicroseconds(frame: number, rate: FramesPerSecond): Microseconds {
  return Math.round((frame * MICROSECONDS_PER_SECOND) / rate) as Microseconds;
}

/**
 * Snap every shot to the frame grid by rounding the *cumulative* time, not each duration: shot k
 * starts at round(sum of the durations before it × fps / 1000). Rounding each shot on its own
 * lets the error pile up (40 shots of 1001 ms at 24 fps drift by almost a frame per shot's
 * rounding); rounding the running sum keeps the total within half a frame of the true sum.
 */
export function buildRenderPlan(input: RenderPlanInput): RenderPlan {
  const { shots, frameRate, width, height } = input;
  assertRenderable(input);

  const segments: RenderSegment[] = [];
  let elapsedMs = 0;
  let startFrame = 0;
  shots.forEach((shot, index) => {
    elapsedMs += shot.durationMs;
    const endFrame = Math.round((elapsedMs * frameRate) / MILLISECONDS_PER_SECOND);
    const frameCount = endFrame - startFrame;
    if (frameCount < 1) {
      throw new RangeError(
        `Shot ${index + 1} (${shot.durationMs} ms) is shorter than one frame at ${frameRate} fps.`,
      );
    }
    const startUs = frameToMicroseconds(startFrame, frameRate);
    segments.push({
      shotId: shot.id,
      index,
      label: shot.number ?? String(index + 1),
      frameKey: shot.frameKey,
      startFrame: startFrame as FrameCount,
      frameCount: frameCount as FrameCount,
      startUs,
      durationUs: (frameToMicroseconds(endFrame, frameRate) - startUs) as Microseconds,
    });
    startFrame = endFrame;
  });

  return {
    width,
    height,
    frameRate,
    segments,
    totalFrames: startFrame as FrameCount,
    totalDurationUs: frameToMicroseconds(startFrame, frameRate),
  };
}

function assertRenderable({ shots, frameRate, width, height }: RenderPlanInput): void {
  if (shots.length === 0) throw new RangeError('Nothing to render: the project has no shots.');
  if (!Number.isFinite(frameRate) || frameRate <= 0) {
    throw new RangeError(`Frame rate must be a positive number, got ${frameRate}.`);
  }
  for (const [name, value] of [
    ['width', width],
    ['height', height],
  ] as const) {
    if (!Number.isInteger(value) || value < 2 || value % 2 !== 0) {
      throw new RangeError(`Output ${name} must be a positive even integer, got ${value}.`);
    }
  }
  shots.forEach((shot, index) => {
    if (!Number.isFinite(shot.durationMs) || shot.durationMs <= 0) {
      throw new RangeError(`Shot ${index + 1} has an invalid duration: ${shot.durationMs} ms.`);
    }
  });
}
