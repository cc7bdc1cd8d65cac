import { captionsFor } from '../../model/captions';
import { framingFor } from '../../model/framing';
import { timelineShots, type ProjectSnapshot } from '../../model/project';
import { shotInfoFor } from './shotInfo';
import {
  buildCompositionTimeline,
  NO_OVERLAYS,
  type CompositionTimeline,
  type OverlayOptions,
  type TimelineShotInput,
} from './timeline';

/**
 * The timeline's shots as the compose functions take them: OMITTED shots left out, each shot's
 * camera resolved (explicit framing, else its move's preset), the picture keyed by its hash.
 * The render (src/export/animatic.ts) and a preview player both start here, so they cannot
 * disagree about what is on screen.
 */
export function composeShotsFor(
  snapshot: Pick<ProjectSnapshot, 'shots'> & Partial<Pick<ProjectSnapshot, 'scenes'>>,
): TimelineShotInput[] {
  const scenes = new Map((snapshot.scenes ?? []).map((scene) => [scene.id, scene]));
  return timelineShots(snapshot).map((shot) => ({
    id: shot.id,
    durationMs: shot.durationMs,
    // A hash the store lacks stays a key, so the card says "missing" rather than "no frame".
    frameKey: shot.frameHash,
    label: shot.number,
    framing: framingFor(shot),
    transitionOut: shot.transitionOut,
    info: shotInfoFor(shot, scenes.get(shot.sceneId)),
    clipKey: shot.clipHash,
  }));
}

/**
 * What a Canvas2D preview player draws from: call once per snapshot, then
 * `drawComposition(ctx, size, compositionAt(timeline, playheadMs), pictures)` per frame, with
 * `pictures` looking shots' images up by asset hash.
 */
export function compositionTimelineFor(
  snapshot: Pick<ProjectSnapshot, 'shots' | 'meta'> & Partial<Pick<ProjectSnapshot, 'scenes'>>,
  overlays: OverlayOptions = NO_OVERLAYS,
): CompositionTimeline {
  return buildCompositionTimeline(composeShotsFor(snapshot), {
    frameRate: snapshot.meta.frameRate,
    overlays,
    captions: overlays.captions ? captionsFor(snapshot) : [],
    fit: snapshot.meta.frameFit,
  });
}
