import { useCallback } from 'react';
import type { Drawing, ImageItem } from '../../model/drawing';
import { drawingFrameSize, UNITS_PER_HEIGHT } from '../../model/drawingUnits';
import { useServices } from '../app/servicesContext';
import { canvasToPng, flattenToCanvas } from './canvas/flatten';
import { floodFillMask, paintMask } from './canvas/floodFill';
import type { ImageLookup } from './canvas/itemNodes';

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * The fill bucket: the enclosed area around a point of what is visible (every layer), filled
 * with the colour, becomes a picture item on the current layer (its bytes an asset).
 */
export function useFill(
  drawing: Drawing,
  aspectRatio: number,
  images: ImageLookup,
  color: string,
): (at: { x: number; y: number }) => Promise<ImageItem | null> {
  const { assets } = useServices();
  return useCallback(
    async (at) => {
      const size = drawingFrameSize(aspectRatio);
      const canvas = flattenToCanvas(drawing, aspectRatio, images);
      const ctx = canvas.getContext('2d');
      if (!ctx) return null;
      const scale = size.height / UNITS_PER_HEIGHT;
      const px = at.x * scale + size.width / 2;
      const py = at.y * scale + size.height / 2;
      const { data } = ctx.getImageData(0, 0, size.width, size.height);
      const mask = floodFillMask(data, size.width, size.height, px, py);
      if (!mask) return null;
      const painted = paintMask(mask, size.width, rgb(color));
      const out = document.createElement('canvas');
      out.width = painted.w;
      out.height = painted.h;
      out.getContext('2d')?.putImageData(new ImageData(painted.data, painted.w, painted.h), 0, 0);
      const hash = await assets.put(await canvasToPng(out), 'image/png');
      const toUnits = (v: number) => Math.round(v / scale);
      return {
        id: crypto.randomUUID(),
        type: 'image',
        hash,
        points: [
          toUnits(painted.x - size.width / 2),
          toUnits(painted.y - size.height / 2),
          toUnits(painted.w),
          toUnits(painted.h),
        ],
        x: 0,
        y: 0,
        rotation: 0,
        scale: 1,
      };
    },
    [assets, aspectRatio, color, drawing, images],
  );
}
