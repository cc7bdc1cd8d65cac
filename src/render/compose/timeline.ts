import type { CaptionCue } from '../../model/captions';
import { FULL_FRAME, isStaticFraming, shakeSeed, type ShotFraming } from '../../model/framing';
import { transitionWindows, type Transition, type TransitionWindow } from '../../model/transition';
import type { FramesPerSecond, Milliseconds } from '../../model/units';
import type { FrameFit } from '../../model/project';
import type { ShotInfo } from './shotInfo';

/** What the render burns into the picture, beyond the boards themselves. */
export interface OverlayOptions {
  readonly captions: boolean;
  readonly shotNumbers: boolean;
  readonly timecode: boolean;
  /**
   * The shot info band (number, type, slugline, action) drawn over the bottom of the picture,
   * never baked into it: the offline sketch no longer paints it (meta.sketchCaptionBand).
   */
  readonly shotInfo?: boolean;
}

export const NO_OVERLAYS: OverlayOptions = {
  captions: false,
  shotNumbers: false,
  timecode: false,
  shotInfo: false,
};

export interface TimelineShotInput {
  readonly id: string;
  readonly durationMs: Milliseconds;
  /** Key of the shot's picture (the asset hash in the app); null when it has none yet. */
  readonly frameKey: string | null;
  /** Printed shot number, e.g. `3A`. */
  readonly label: string;
  /** Already resolved (`framingFor(shot)`): the explicit move or the camera move's preset. */
  readonly framing: ShotFraming;
  readonly transitionOut: Transition;
  /** What the shot info overlay prints (fromSnapshot.ts); absent: no band for this shot. */
  readonly info?: ShotInfo;
  /**
   * Key of a clip that plays instead of the picture (the shot's `clipHash`); absent or null: the
   * picture. The picture stays the fallback when the clip cannot be decoded.
   */
  readonly clipKey?: string | null;
}

/** A clip is shown whole and still-framed: its own motion is the shot's camera. */
const CLIP_FRAMING: ShotFraming = {
  start: FULL_FRAME,
  end: FULL_FRAME,
  easing: 'linear',
  shake: 0,
};

/** A shot placed on the timeline: nominal span (cut to cut) and the span it is visible in. */
export interface TimelineShot {
  readonly index: number;
  readonly shotId: string;
  readonly label: string;
  readonly frameKey: string | null;
  readonly startMs: number;
  readonly endMs: number;
  /** `startMs` minus half the incoming transition; `endMs` plus half the outgoing one. */
  readonly visibleStartMs: number;
  readonly visibleEndMs: number;
  readonly framing: ShotFraming;
  readonly seed: number;
  /** False when the picture is the same all through the shot (a hold); a clip always moves. */
  readonly moving: boolean;
  /** The clip playing from `visibleStartMs`, trimmed at `visibleEndMs`; null: the picture. */
  readonly clipKey: string | null;
  /** Shot info overlay text; null unless `overlays.shotInfo`. */
  readonly info: ShotInfo | null;
}

/**
 * Everything needed to draw any instant of the animatic: plain data (structured-clone safe), so
 * the render worker receives it as is and a preview player can build it from the same snapshot.
 */
export interface CompositionTimeline {
  readonly shots: readonly TimelineShot[];
  readonly transitions: readonly TransitionWindow[];
  readonly totalMs: number;
  readonly frameRate: FramesPerSecond;
  readonly overlays: OverlayOptions;
  /** The cues drawn on the picture: empty unless `overlays.captions`. */
  readonly captions: readonly CaptionCue[];
  /** How pictures of another shape than the output sit in it (meta.frameFit). */
  readonly fit: FrameFit;
}

export function buildCompositionTimeline(
  shots: readonly TimelineShotInput[],
  options: {
    readonly frameRate: FramesPerSecond;
    readonly overlays?: OverlayOptions;
    readonly captions?: readonly CaptionCue[];
    readonly fit?: FrameFit;
  },
): CompositionTimeline {
  const transitions = transitionWindows(shots);
  const incoming = new Map(transitions.map((w) => [w.outgoing + 1, w]));
  const outgoing = new Map(transitions.map((w) => [w.outgoing, w]));
  let startMs = 0;
  const withInfo = options.overlays?.shotInfo === true;
  const placed = shots.map((shot, index): TimelineShot => {
    const endMs = startMs + shot.durationMs;
    const clipKey = shot.clipKey ?? null;
    const placedShot: TimelineShot = {
      index,
      shotId: shot.id,
      label: shot.label,
      frameKey: shot.frameKey,
      startMs,
      endMs,
      visibleStartMs: incoming.get(index)?.startMs ?? startMs,
      visibleEndMs: outgoing.get(index)?.endMs ?? endMs,
      // Camera moves are not applied over a clip (it has its own motion): see CLIP_FRAMING.
      framing: clipKey ? CLIP_FRAMING : shot.framing,
      seed: shakeSeed(shot.id),
      moving: clipKey !== null || !isStaticFraming(shot.framing),
      clipKey,
      info: withInfo ? (shot.info ?? null) : null,
    };
    startMs = endMs;
    return placedShot;
  });
  const overlays = options.overlays ?? NO_OVERLAYS;
  return {
    shots: placed,
    transitions,
    totalMs: startMs,
    frameRate: options.frameRate,
    overlays,
    captions: overlays.captions ? [...(options.captions ?? [])] : [],
    fit: options.fit ?? 'letterbox',
  };
}

/** Index of the shot whose nominal span holds `tMs` (clamped to the first and last shot). */
export function shotIndexAt(timeline: CompositionTimeline, tMs: number): number {
  const { shots } = timeline;
  let lo = 0;
  let hi = shots.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((shots[mid]?.startMs ?? Infinity) <= tMs) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
