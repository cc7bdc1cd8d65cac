import { compositionAt } from '../compose/composition';
import type { PictureLookup } from '../compose/context';
import { drawComposition } from '../compose/draw';
import { frameTimeMs, type RenderPlan } from '../renderPlan';
import type { ChunkReader } from './device';

/** A 2D canvas whose pixels are read back every frame. */
export function readbackCanvas(width: number, height: number): OffscreenCanvasRenderingContext2D {
  const ctx = new OffscreenCanvas(width, height).getContext('2d', {
    alpha: false,
    // Keeps the bitmap in CPU memory: getImageData every frame would otherwise copy it back.
    willReadFrequently: true,
  });
  if (ctx === null) throw new Error('Could not create a 2D canvas to draw the frames on.');
  return ctx;
}

/** Index of the run that holds `frame`. */
export function runIndexAt(plan: RenderPlan, frame: number): number {
  const index = plan.runs.findIndex((run) => frame < run.startFrame + run.frameCount);
  return index < 0 ? plan.runs.length - 1 : index;
}

/**
 * Composed frames `from`..`to` (exclusive) as raw RGBA, one frame per chunk, made synchronously
 * as ffmpeg asks for them (ffmpeg.wasm's exec blocks the worker, so nothing can be awaited in
 * between; every picture must be decoded beforehand). A hold is drawn and read back once and the
 * same bytes are handed out for each of its frames.
 */
export function composedFrames(
  plan: RenderPlan,
  from: number,
  to: number,
  ctx: OffscreenCanvasRenderingContext2D,
  pictures: PictureLookup,
  onFrame: (framesDoneInRange: number) => void,
): ChunkReader {
  const size = { width: plan.width, height: plan.height };
  let frame = from;
  let runIndex = runIndexAt(plan, from);
  let heldRun = -1;
  let held: Uint8Array | null = null;
  return () => {
    if (frame >= to) return null;
    while (
      (plan.runs[runIndex]?.startFrame ?? Infinity) + (plan.runs[runIndex]?.frameCount ?? 0) <=
      frame
    ) {
      runIndex += 1;
    }
    const hold = plan.runs[runIndex]?.kind === 'hold';
    let bytes: Uint8Array;
    if (hold && heldRun === runIndex && held !== null) {
      bytes = held;
    } else {
      drawComposition(
        ctx,
        size,
        compositionAt(plan.timeline, frameTimeMs(frame, plan.frameRate)),
        pictures,
      );
      const data = ctx.getImageData(0, 0, plan.width, plan.height).data;
      bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      held = hold ? bytes : null;
      heldRun = hold ? runIndex : -1;
    }
    frame += 1;
    onFrame(frame - from);
    return bytes;
  };
}

/** Interleaved little-endian float32 PCM from planar channels, in chunks of `chunkFrames`. */
export function interleavedPcm(
  channels: readonly Float32Array[],
  chunkFrames: number,
): ChunkReader {
  const length = channels[0]?.length ?? 0;
  let at = 0;
  return () => {
    if (at >= length) return null;
    const count = Math.min(chunkFrames, length - at);
    const out = new Float32Array(count * channels.length);
    for (let i = 0; i < count; i++) {
      for (let c = 0; c < channels.length; c++)
        out[i * channels.length + c] = channels[c]?.[at + i] ?? 0;
    }
    at += count;
    return new Uint8Array(out.buffer);
  };
}
