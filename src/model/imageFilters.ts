import { z } from 'zod';
import type { Stored } from './stored';

/**
 * Filters on an image layer, stored on the layer as data (never as new pixels) so they can be
 * changed or taken off at any time. Values are what the sliders show: percentages around 0 for
 * the tone controls, a blur radius in pixels of a 1,080-high frame (the editor caches a
 * filtered layer at the frame's own size, so the view and the saved frame blur alike), and
 * posterize as levels per channel (0 = off).
 */
export const layerFiltersSchema = z.object({
  brightness: z.number().int().min(-100).max(100).default(0),
  contrast: z.number().int().min(-100).max(100).default(0),
  saturation: z.number().int().min(-100).max(100).default(0),
  greyscale: z.boolean().default(false),
  blur: z.number().int().min(0).max(40).default(0),
  posterize: z
    .number()
    .int()
    .min(0)
    .max(16)
    .refine((levels) => levels !== 1, 'posterize needs at least 2 levels (0 is off)')
    .default(0),
});

export type LayerFilters = Stored<typeof layerFiltersSchema>;

export const NO_FILTERS: LayerFilters = layerFiltersSchema.parse({});

/** True when the filters change nothing (the layer is drawn as it is, uncached). */
export function filtersAreNeutral(filters: LayerFilters | null): boolean {
  return (
    filters === null ||
    (filters.brightness === 0 &&
      filters.contrast === 0 &&
      filters.saturation === 0 &&
      !filters.greyscale &&
      filters.blur === 0 &&
      filters.posterize === 0)
  );
}

/** Blur radius in pixels of a canvas `heightPx` high (the stored radius is for 1,080). */
export function blurRadiusAt(filters: LayerFilters, heightPx: number): number {
  return Math.round((filters.blur * heightPx) / 1_080);
}

/**
 * Applies every filter but blur to RGBA pixels in place (blur is Konva's stack blur, run after
 * this). Order: brightness, contrast, saturation or greyscale, posterize — as an artist expects
 * a posterized picture to keep the tones set before it. Alpha is never touched.
 */
export function filterPixels(data: Uint8ClampedArray, filters: LayerFilters): void {
  const add = (filters.brightness / 100) * 255;
  const c = (filters.contrast / 100) * 255;
  // The usual contrast curve: factor 1 at 0, 0 at -100 (flat grey), steep towards 100.
  const factor = (259 * (c + 255)) / (255 * (259 - c));
  const saturation = filters.greyscale ? 0 : 1 + filters.saturation / 100;
  const levels = filters.posterize;
  const step = levels >= 2 ? 255 / (levels - 1) : 0;
  for (let i = 0; i + 3 < data.length; i += 4) {
    let r = (data[i] as number) + add;
    let g = (data[i + 1] as number) + add;
    let b = (data[i + 2] as number) + add;
    r = factor * (r - 128) + 128;
    g = factor * (g - 128) + 128;
    b = factor * (b - 128) + 128;
    if (saturation !== 1) {
      const luma = 0.299 * r + 0.587 * g + 0.114 * b;
      r = luma + (r - luma) * saturation;
      g = luma + (g - luma) * saturation;
      b = luma + (b - luma) * saturation;
    }
    if (step > 0) {
      r = Math.round(clamp(r) / step) * step;
      g = Math.round(clamp(g) / step) * step;
      b = Math.round(clamp(b) / step) * step;
    }
    data[i] = r;
    data[i + 1] = g;
    data[i + 2] = b;
  }
}

function clamp(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : v;
}
