import { createPictureCache } from '../pictureCache';
import { createProgressReporter } from '../progress';
import type { ProgressListener, RenderJob, RenderResult } from '../renderTypes';
import { runFfmpeg, type CoreLoader } from './core';
import { mountReader } from './device';
import { composedFrames, readbackCanvas } from './frames';

const FRAME_DEVICE_MINOR = 0;
const MILLISECONDS_PER_SECOND = 1000;
/**
 * Ordered dithering: stable from frame to frame (error diffusion crawls on holds and bloats the
 * file), and a small pattern keeps pencil lines readable.
 */
const PALETTE_USE = 'paletteuse=dither=bayer:bayer_scale=4:diff_mode=rectangle';

/**
 * An animated GIF through ffmpeg.wasm in two passes over the composed frames: the first builds
 * one 256-colour palette for the whole animatic, the second maps every frame to it. A single
 * `split,palettegen,paletteuse` graph would have to hold every frame until the palette exists;
 * drawing the small frames twice is cheaper than that memory.
 */
export async function renderGifWithFfmpeg(
  job: RenderJob,
  loader: CoreLoader,
  onProgress: ProgressListener,
  warnings: readonly string[],
): Promise<RenderResult> {
  const { plan } = job;
  const total = plan.totalFrames;
  // Both passes draw every frame: progress counts 2 × frames.
  const progress = createProgressReporter(2 * total, onProgress);
  progress.report(0, true);
  const ctx = readbackCanvas(plan.width, plan.height);
  const pictures = createPictureCache(plan.runs, job.frames, {
    maxSidePx: 2 * Math.max(plan.width, plan.height),
  });
  const input = [
    ...['-f', 'rawvideo', '-pix_fmt', 'rgba', '-s', `${plan.width}x${plan.height}`],
    ...['-framerate', String(plan.frameRate), '-i', '/frames'],
  ];
  try {
    const lookup = await pictures.acquire(0, plan.runs.length - 1);
    const framesFor = (offset: number) =>
      composedFrames(plan, 0, total, ctx, lookup, (done) => progress.report(offset + done));
    const first = await runFfmpeg(
      loader,
      [...input, '-vf', 'palettegen=stats_mode=full', 'palette.png'],
      (c) => mountReader(c, '/frames', FRAME_DEVICE_MINOR, framesFor(0)),
    );
    const palette = first.FS.readFile('palette.png').slice();
    const second = await runFfmpeg(
      loader,
      [
        ...input,
        '-i',
        'palette.png',
        '-lavfi',
        `[0:v][1:v]${PALETTE_USE}`,
        '-loop',
        '0',
        'out.gif',
      ],
      (c) => {
        c.FS.writeFile('palette.png', palette);
        mountReader(c, '/frames', FRAME_DEVICE_MINOR, framesFor(total));
      },
    );
    const bytes = second.FS.readFile('out.gif').slice();
    progress.report(2 * total, true);
    return {
      bytes: bytes.buffer,
      mimeType: 'image/gif',
      durationMs: (total / plan.frameRate) * MILLISECONDS_PER_SECOND,
      codecString: 'gif',
      audioCodec: null,
      sampleCount: total,
      engine: 'ffmpeg',
      warnings:
        job.audio === null
          ? warnings
          : [...warnings, 'GIFs have no sound; the audio was left out.'],
    };
  } finally {
    pictures.close();
  }
}
