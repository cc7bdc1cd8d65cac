import { paintSketch } from './paint';
import { planSketch } from './plan';
import type { SketchInput } from './sketchInput';

// The worker client (sketchClient.ts) is not re-exported here: the worker imports this module,
// and a worker must not pull in the code that spawns it.

export type { SketchOp, Paint, Stroke, FontSpec, TextSpan } from './ops';
export { paintSketch, type SketchContext } from './paint';
export { planSketch } from './plan';
export type { SketchWorkerApi } from './sketchWorkerApi';
export {
  canonicalSketchInput,
  SKETCH_STYLE_VERSION,
  sketchSignature,
  type SketchInput,
} from './sketchInput';

/** The largest side we draw; bigger asks are a bug upstream and would exhaust canvas memory. */
export const MAX_SKETCH_SIDE_PX = 8192;

/** Draws the sketch for `input` on an OffscreenCanvas and encodes it as PNG (main thread or worker). */
export async function renderSketchPng(
  input: SketchInput,
  width: number,
  height: number,
): Promise<Blob> {
  if (
    !Number.isInteger(width) ||
    !Number.isInteger(height) ||
    width < 1 ||
    height < 1 ||
    width > MAX_SKETCH_SIDE_PX ||
    height > MAX_SKETCH_SIDE_PX
  ) {
    throw new RangeError(
      `Sketch size must be whole pixels from 1 to ${MAX_SKETCH_SIDE_PX}, not ${width}×${height}`,
    );
  }
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw on an OffscreenCanvas');
  paintSketch(ctx, planSketch(input, width, height));
  return canvas.convertToBlob({ type: 'image/png' });
}
