import type { Brand } from '../model/brand';
import type { CaptionCue } from '../model/captions';
import { FULL_FRAME, type ShotFraming } from '../model/framing';
import { CUT, type Transition } from '../model/transition';
import type { FrameFit } from '../model/project';
import type { FrameCount, FramesPerSecond, Milliseconds } from '../model/units';
import type { ShotInfo } from './compose/shotInfo';
import {
  buildCompositionTimeline,
  type CompositionTimeline,
  type OverlayOptions,
} from './compose/timeline';

/** Media timestamps (WebCodecs, MP4) are microseconds; keep them apart from model milliseconds. */
export type Microseconds = Brand<number, 'Microseconds'>;

const MICROSECONDS_PER_SECOND = 1_000_000;
const HALF_FRAME_NUMERATOR_MS = 500;
const MILLISECONDS_PER_SECOND = 1_000;

const LOCKED_OFF: ShotFraming = { start: FULL_FRAME, end: FULL_FRAME, easing: 'linear', shake: 0 };

export interface RenderShotInput {
  readonly id: string;
  readonly durationMs: Milliseconds;
  /** Key into the job's `frames` map; null when the shot has no frame yet (a card is drawn). */
  readonly frameKey: string | null;
  /** Printed shot number (`3A`) for the placeholder card; defaults to the 1-based position. */
  readonly number?: string;
  /** Resolved camera move (`framingFor(shot)`); locked-off full frame when absent. */
  readonly framing?: ShotFraming;
  /** Hand-over to the next shot; a cut when absent. */
  readonly transitionOut?: Transition;
  /** What the shot info overlay prints, when `overlays.shotInfo`. */
  readonly info?: ShotInfo;
  /** Key into the job's `clips` map: a clip that plays instead of the picture. */
  readonly clipKey?: string | null;
}

export interface RenderPlanInput {
  readonly shots: readonly RenderShotInput[];
  readonly frameRate: FramesPerSecond;
  /** Output size in pixels; both must be even (H.264 4:2:0 needs even sizes). */
  readonly width: number;
  readonly height: number;
  readonly overlays?: OverlayOptions;
  /** Cues to burn in when `overlays.captions` (model/captions.ts `captionsFor`). */
  readonly captions?: readonly CaptionCue[];
  /** How pictures of another shape than the output sit in it; letterbox when absent. */
  readonly fit?: FrameFit;
}

/**
 * One shot on the output frame grid, cut to cut. Segments tile the timeline with no gaps or
 * overlaps: `segments[k + 1].startFrame === segments[k].startFrame + segments[k].frameCount`,
 * and the same holds for `startUs` / `durationUs`.
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

/**
 * A stretch of output frames drawn the same way. `hold`: every frame is the same picture, so it
 * is drawn once and encoded as a few long samples (holds.ts). `motion`: a camera move, a
 * transition or a ticking timecode changes every frame, so each is drawn and encoded.
 * Runs tile the frame grid in order.
 */
export interface RenderRun {
  readonly kind: 'hold' | 'motion';
  readonly startFrame: FrameCount;
  readonly frameCount: FrameCount;
  /** Pictures drawn anywhere in the run (decode before, free after the last run needing them). */
  readonly frameKeys: readonly string[];
}

/** Plain data (structured-clone safe): it crosses to the render worker as is. */
export interface RenderPlan {
  readonly width: number;
  readonly height: number;
  readonly frameRate: FramesPerSecond;
  readonly segments: readonly RenderSegment[];
  readonly runs: readonly RenderRun[];
  /** What compositionAt draws from. */
  readonly timeline: CompositionTimeline;
  readonly totalFrames: FrameCount;
  /** `totalFrames / frameRate`: what the file's duration must be. */
  readonly totalDurationUs: Microseconds;
}

/** Microseconds at which frame `frame` starts on the grid of `rate`. */
export function frameToMicroseconds(frame: number, rate: FramesPerSecond): Microseconds {
  return Math.round((frame * MICROSECONDS_PER_SECOND) / rate) as Microseconds;
}

/**
 * The instant frame `frame` shows: the middle of its interval, (frame + ½) / rate. Sampling the
 * middle puts each cut on the nearest frame boundary (a cut at 1001 ms at 24 fps starts shot two
 * on frame 24, like rounding the running total), and it keeps a transition's first and last
 * frames off the pure outgoing/incoming pictures. Computed as one division of integers so that
 * an instant that is a whole or half millisecond comes out exact and compares exactly with the
 * model's times (see firstFrameAtOrAfter).
 */
export function frameTimeMs(frame: number, rate: FramesPerSecond): number {
  return ((2 * frame + 1) * HALF_FRAME_NUMERATOR_MS) / rate;
}

/**
 * The first frame whose instant (frameTimeMs) is at or after `tMs`. For `tMs` in whole or half
 * milliseconds (every time the model produces) this agrees exactly with comparing frameTimeMs:
 * the quotient is either an exact integer or at least 1/2000 away from one.
 */
export function firstFrameAtOrAfter(tMs: number, rate: FramesPerSecond): number {
  return Math.max(0, Math.ceil((tMs * rate - HALF_FRAME_NUMERATOR_MS) / MILLISECONDS_PER_SECOND));
}

/**
 * Places every shot and every hold/motion run on the frame grid. The animatic lasts exactly the
 * sum of the shot durations, rounded to the nearest frame (transitions overlap shots, see
 * model/transition.ts): no padding, no drift.
 */
export function buildRenderPlan(input: RenderPlanInput): RenderPlan {
  const { shots, frameRate, width, height } = input;
  assertRenderable(input);
  const timeline = buildCompositionTimeline(
    shots.map((shot, index) => ({
      id: shot.id,
      durationMs: shot.durationMs,
      frameKey: shot.frameKey,
      label: shot.number ?? String(index + 1),
      framing: shot.framing ?? LOCKED_OFF,
      transitionOut: shot.transitionOut ?? CUT,
      ...(shot.info ? { info: shot.info } : {}),
      clipKey: shot.clipKey ?? null,
    })),
    {
      frameRate,
      ...(input.overlays ? { overlays: input.overlays } : {}),
      ...(input.captions ? { captions: input.captions } : {}),
      ...(input.fit ? { fit: input.fit } : {}),
    },
  );
  const frameAt = (tMs: number) => firstFrameAtOrAfter(tMs, frameRate);
  const totalFrames = frameAt(timeline.totalMs);

  const segments = timeline.shots.map((shot): RenderSegment => {
    const startFrame = frameAt(shot.startMs);
    const frameCount = frameAt(shot.endMs) - startFrame;
    if (frameCount < 1) {
      throw new RangeError(
        `Shot ${shot.index + 1} (${shot.endMs - shot.startMs} ms) is shorter than one frame at ${frameRate} fps.`,
      );
    }
    const startUs = frameToMicroseconds(startFrame, frameRate);
    return {
      shotId: shot.shotId,
      index: shot.index,
      label: shot.label,
      frameKey: shot.frameKey,
      startFrame: startFrame as FrameCount,
      frameCount: frameCount as FrameCount,
      startUs,
      durationUs: (frameToMicroseconds(startFrame + frameCount, frameRate) -
        startUs) as Microseconds,
    };
  });

  return {
    width,
    height,
    frameRate,
    segments,
    runs: planRuns(timeline, frameAt, totalFrames),
    timeline,
    totalFrames: totalFrames as FrameCount,
    totalDurationUs: frameToMicroseconds(totalFrames, frameRate),
  };
}

type FrameRange = readonly [start: number, end: number];

/** Frames that change from one to the next: transitions, moving shots, a ticking timecode. */
function motionRanges(
  timeline: CompositionTimeline,
  frameAt: (tMs: number) => number,
  totalFrames: number,
): FrameRange[] {
  if (timeline.overlays.timecode) return [[0, totalFrames]];
  const ranges: [number, number][] = [
    ...timeline.transitions.map((w): [number, number] => [frameAt(w.startMs), frameAt(w.endMs)]),
    ...timeline.shots
      .filter((shot) => shot.moving)
      .map((shot): [number, number] => [frameAt(shot.visibleStartMs), frameAt(shot.visibleEndMs)]),
  ].filter(([start, end]) => end > start);
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

function planRuns(
  timeline: CompositionTimeline,
  frameAt: (tMs: number) => number,
  totalFrames: number,
): RenderRun[] {
  const motion = motionRanges(timeline, frameAt, totalFrames);
  // Where a held picture changes without motion: cuts, and captions appearing or going.
  const changes = new Set<number>(timeline.shots.map((shot) => frameAt(shot.startMs)));
  for (const cue of timeline.captions) {
    changes.add(frameAt(cue.startMs));
    changes.add(frameAt(cue.endMs));
  }
  const boundaries = new Set<number>([0, totalFrames, ...changes]);
  for (const [start, end] of motion) {
    boundaries.add(start);
    boundaries.add(end);
  }
  const sorted = [...boundaries].filter((f) => f >= 0 && f <= totalFrames).sort((a, b) => a - b);
  const runs: RenderRun[] = [];
  for (let i = 0; i < sorted.length - 1; i++) {
    const start = sorted[i] ?? 0;
    const end = sorted[i + 1] ?? start;
    if (end <= start) continue;
    const inMotion = motion.some(([a, b]) => a <= start && end <= b);
    const last = runs.at(-1);
    if (inMotion && last?.kind === 'motion' && last.startFrame + last.frameCount === start) {
      // Consecutive motion pieces (split only by a cut or a caption) are one run.
      runs[runs.length - 1] = {
        ...last,
        frameCount: (last.frameCount + end - start) as FrameCount,
      };
      continue;
    }
    runs.push({
      kind: inMotion ? 'motion' : 'hold',
      startFrame: start as FrameCount,
      frameCount: (end - start) as FrameCount,
      frameKeys: [],
    });
  }
  return runs.map((run) => ({ ...run, frameKeys: keysVisibleIn(timeline, frameAt, run) }));
}

/** Pictures of the shots visible anywhere in a run's frames. */
function keysVisibleIn(
  timeline: CompositionTimeline,
  frameAt: (tMs: number) => number,
  run: Pick<RenderRun, 'startFrame' | 'frameCount'>,
): string[] {
  const end = run.startFrame + run.frameCount;
  const keys = new Set<string>();
  for (const shot of timeline.shots) {
    if (shot.frameKey === null) continue;
    const from = frameAt(shot.visibleStartMs);
    const to = frameAt(shot.visibleEndMs);
    if (from < end && run.startFrame < to) keys.add(shot.frameKey);
  }
  return [...keys];
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
