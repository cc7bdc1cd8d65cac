import type { RenderPlan } from '../renderPlan';
import { createPictureCache } from '../pictureCache';
import { execOrThrow, instantiateCore, type CompiledCore } from './core';
import { mountReader, type ChunkReader } from './device';
import { composedFrames, interleavedPcm, readbackCanvas, runIndexAt } from './frames';

/**
 * One ffmpeg command, run by a fresh exec worker (workers/ffmpeg.worker.ts): everything it
 * needs crosses to the worker in this object, and the worker is terminated after it, so all of
 * ffmpeg's memory is returned at once (a dropped core instance otherwise waits for a full GC).
 */
export interface ExecTask {
  readonly core: CompiledCore;
  readonly args: readonly string[];
  /** Small inputs written into ffmpeg's file system first (a palette, the pieces to join). */
  readonly files?: Readonly<Record<string, Uint8Array>>;
  /** Inputs streamed through devices as ffmpeg reads them, by path. */
  readonly streams?: Readonly<Record<string, StreamSource>>;
  /** Files read back after the run. */
  readonly outputs: readonly string[];
}

export type StreamSource =
  /** Encoded pictures (JPEG) back to back, each repeated `repeat` times (a hold). */
  | { readonly kind: 'images'; readonly images: readonly EncodedImage[] }
  /** Interleaved float32 PCM made from planar channels. */
  | { readonly kind: 'pcm'; readonly channels: readonly Float32Array[] }
  /** Raw RGBA frames `from`..`to` of a plan, composed here as ffmpeg asks (small outputs: GIF). */
  | {
      readonly kind: 'composed';
      readonly plan: RenderPlan;
      readonly from: number;
      readonly to: number;
      readonly pictures: Readonly<Record<string, Blob>>;
      readonly maxSidePx: number;
    };

export interface EncodedImage {
  readonly bytes: Uint8Array;
  readonly repeat: number;
}

export interface ExecCallbacks {
  /** Frames (images or composed frames) ffmpeg has read so far in this task. */
  onFrames?(framesRead: number): void;
  /** Every log line: a sign of life during steps without frames. */
  onLog?(line: string): void;
}

/** ffmpeg reads the PCM device a second of stereo at a time. */
const PCM_CHUNK_FRAMES = 48_000;

function imageReader(images: readonly EncodedImage[], onFrame: (n: number) => void): ChunkReader {
  let index = 0;
  let repeated = 0;
  let frames = 0;
  return () => {
    const image = images[index];
    if (image === undefined) return null;
    repeated += 1;
    if (repeated >= image.repeat) {
      index += 1;
      repeated = 0;
    }
    frames += 1;
    onFrame(frames);
    return image.bytes;
  };
}

async function readerFor(
  source: StreamSource,
  onFrames: (n: number) => void,
  cleanups: (() => void)[],
): Promise<ChunkReader> {
  switch (source.kind) {
    case 'images':
      return imageReader(source.images, onFrames);
    case 'pcm':
      return interleavedPcm(source.channels, PCM_CHUNK_FRAMES);
    case 'composed': {
      const { plan, from, to } = source;
      const cache = createPictureCache(plan.runs, source.pictures, { maxSidePx: source.maxSidePx });
      cleanups.push(() => cache.close());
      // The device is read synchronously inside exec: every picture must be decoded before.
      const lookup = await cache.acquire(runIndexAt(plan, from), runIndexAt(plan, to - 1));
      return composedFrames(
        plan,
        from,
        to,
        readbackCanvas(plan.width, plan.height),
        lookup,
        onFrames,
      );
    }
  }
}

/** Runs a task on a fresh core instance and returns its output files. */
export async function runExecTask(
  task: ExecTask,
  callbacks: ExecCallbacks = {},
): Promise<Record<string, Uint8Array>> {
  const core = await instantiateCore(task.core);
  const cleanups: (() => void)[] = [];
  try {
    for (const [path, bytes] of Object.entries(task.files ?? {})) core.FS.writeFile(path, bytes);
    let minor = 0;
    for (const [path, source] of Object.entries(task.streams ?? {})) {
      const reader = await readerFor(source, (n) => callbacks.onFrames?.(n), cleanups);
      mountReader(core, path, minor++, reader);
    }
    execOrThrow(core, task.args, callbacks.onLog);
    const outputs: Record<string, Uint8Array> = {};
    for (const path of task.outputs) outputs[path] = core.FS.readFile(path).slice();
    return outputs;
  } finally {
    for (const cleanup of cleanups) cleanup();
  }
}
