import Konva from 'konva';
import { drawingFrameSize, UNITS_PER_HEIGHT } from '../../../model/drawingUnits';
import {
  blurRadiusAt,
  filterPixels,
  filtersAreNeutral,
  type LayerFilters,
} from '../../../model/imageFilters';

/**
 * A layer's filters (model/imageFilters.ts) on its Konva group: the group is cached at the
 * project's frame size — the size "Save frame" writes — and Konva runs the filters over that
 * cache. The view and the saved frame therefore show the same pixels, blur included.
 */
export function applyLayerFilters(
  group: Konva.Group,
  filters: LayerFilters | null,
  frame: { readonly halfWidth: number; readonly halfHeight: number },
): void {
  if (filtersAreNeutral(filters) || filters === null) return;
  const heightPx = drawingFrameSize(frame.halfWidth / frame.halfHeight).height;
  const pixelRatio = heightPx / UNITS_PER_HEIGHT;
  const tones: Konva.Filter = (imageData) => filterPixels(imageData.data, filters);
  const radius = blurRadiusAt(filters, heightPx);
  group.cache({
    x: -frame.halfWidth,
    y: -frame.halfHeight,
    width: frame.halfWidth * 2,
    height: frame.halfHeight * 2,
    pixelRatio,
  });
  group.filters(radius > 0 ? [tones, Konva.Filters.Blur] : [tones]);
  if (radius > 0) group.blurRadius(radius);
}

/** Field by field: a layer read again has new filter objects with the same values. */
export function sameFilters(a: LayerFilters | null, b: LayerFilters | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  return (Object.keys(a) as (keyof LayerFilters)[]).every((key) => a[key] === b[key]);
}
