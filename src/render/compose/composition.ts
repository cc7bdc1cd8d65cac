import type { FrameFit } from '../../model/project';
import { captionAt } from '../../model/captions';
import { framingRectAt, type FramingRect } from '../../model/framing';
import { formatTimecode } from '../../model/timeline';
import { ms } from '../../model/units';
import { shotIndexAt, type CompositionTimeline, type TimelineShot } from './timeline';
import type { ShotInfo } from './shotInfo';
import { transitionLook, type ClipRect, type LayerLook } from './transitionLook';

/** A clip's frame to show: which clip, in which shot, how far into it. */
export interface LayerVideo {
  readonly key: string;
  /** The shot the clip plays in (two shots may play one clip, each from its own start). */
  readonly shotIndex: number;
  /** Time since the shot became visible; past the clip's end its last frame holds. */
  readonly atMs: number;
}

/** One picture in a frame. */
export interface ComposedLayer {
  readonly shotIndex: number;
  readonly frameKey: string | null;
  /** For the placeholder card of a shot without a picture. */
  readonly label: string;
  /** The framing over the picture (normalised source coordinates). */
  readonly rect: FramingRect;
  readonly opacity: number;
  readonly clip: ClipRect | null;
  /** The clip playing instead of the picture; absent or null: the picture. */
  readonly video?: LayerVideo | null;
}

export interface OverlayText {
  readonly caption: string | null;
  readonly shotLabel: string | null;
  readonly timecode: string | null;
  /** The shot info band; absent or null when off. */
  readonly shotInfo?: ShotInfo | null;
}

/** A frame as data: what drawComposition paints. Pure, so tests compare them directly. */
export interface FrameComposition {
  /** Bottom first. */
  readonly layers: readonly ComposedLayer[];
  readonly fill: { readonly colour: string; readonly opacity: number } | null;
  readonly overlay: OverlayText;
  /** How a picture of another shape sits in the frame (the project's meta.frameFit); letterbox when absent. */
  readonly fit?: FrameFit;
}

function layerFor(shot: TimelineShot, tMs: number, look: LayerLook): ComposedLayer {
  const span = shot.visibleEndMs - shot.visibleStartMs;
  const elapsed = tMs - shot.visibleStartMs;
  // The move runs over everything the shot is visible for, transition halves included.
  const progress = span > 0 ? elapsed / span : 0;
  return {
    shotIndex: shot.index,
    frameKey: shot.frameKey,
    label: shot.label,
    rect: shot.moving
      ? framingRectAt(shot.framing, progress, elapsed, shot.seed)
      : shot.framing.start,
    opacity: look.opacity,
    clip: look.clip,
    video:
      shot.clipKey === null
        ? null
        : { key: shot.clipKey, shotIndex: shot.index, atMs: Math.max(0, elapsed) },
  };
}

const FULL_LOOK: LayerLook = { opacity: 1, clip: null };

/**
 * The frame at `tMs` on the timeline. The render samples it at each output frame's centre
 * (renderPlan.ts `frameTimeMs`); a preview player calls it with its clock. Times outside the
 * timeline show its first or last frame.
 */
export function compositionAt(timeline: CompositionTimeline, tMs: number): FrameComposition {
  const { shots, overlays } = timeline;
  const t = Math.min(Math.max(tMs, 0), timeline.totalMs);
  const index = shotIndexAt(timeline, t);
  const current = shots[index];
  if (current === undefined) {
    return {
      layers: [],
      fill: null,
      overlay: { caption: null, shotLabel: null, timecode: null },
      fit: timeline.fit,
    };
  }
  const layers: ComposedLayer[] = [];
  let fill: FrameComposition['fill'] = null;
  const window = timeline.transitions.find((w) => w.startMs <= t && t < w.endMs);
  const from = window && shots[window.outgoing];
  const to = window && shots[window.outgoing + 1];
  if (window && from && to) {
    const look = transitionLook(
      window.kind,
      window.direction,
      (t - window.startMs) / (window.endMs - window.startMs),
    );
    if (look.outgoing) layers.push(layerFor(from, t, look.outgoing));
    if (look.incoming) layers.push(layerFor(to, t, look.incoming));
    fill = look.fill;
  } else {
    layers.push(layerFor(current, t, FULL_LOOK));
  }
  const cue = overlays.captions ? captionAt(timeline.captions, t) : null;
  return {
    layers,
    fill,
    overlay: {
      caption: cue?.text ?? null,
      shotLabel: overlays.shotNumbers ? `Shot ${current.label}` : null,
      timecode: overlays.timecode ? formatTimecode(ms(t), timeline.frameRate) : null,
      shotInfo: current.info,
    },
    fit: timeline.fit,
  };
}
