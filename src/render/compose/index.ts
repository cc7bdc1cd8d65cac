/**
 * Per-time compositing, shared by the render worker and any Canvas2D preview player:
 * `buildCompositionTimeline` once per snapshot, then for each instant
 * `drawComposition(ctx, size, compositionAt(timeline, tMs), pictures)`.
 */
export type { ComposeContext, ComposeImage, Picture, PictureLookup, Size } from './context';
export {
  compositionAt,
  type ComposedLayer,
  type FrameComposition,
  type LayerVideo,
} from './composition';
export { drawComposition, type ClipFrameLookup } from './draw';
export { composeShotsFor, compositionTimelineFor } from './fromSnapshot';
export { placementFor, type Placement } from './placement';
export {
  buildCompositionTimeline,
  NO_OVERLAYS,
  shotIndexAt,
  type CompositionTimeline,
  type OverlayOptions,
  type TimelineShot,
  type TimelineShotInput,
} from './timeline';
export { transitionLook, wipeClip, type ClipRect, type TransitionLook } from './transitionLook';
