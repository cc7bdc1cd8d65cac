import { createProgressReporter } from '../progress';
import type { ProgressListener, RenderJob, RenderResult } from '../renderTypes';
import type { CompiledCore } from './core';
import { execInFreshWorker } from './execClient';
import type { StreamSource } from './execTask';

const MILLISECONDS_PER_SECOND = 1000;
/**
 * Ordered dithering: stable from frame to frame (error diffusion crawls on holds and bloats the
 * file), and a small pattern keeps pencil lines readable.
 */
const PALETTE_USE = 'paletteuse=dither=bayer:bayer_scale=4:diff_mode=rectangle';

/**
 * An animated GIF through ffmpeg.wasm in two passes over the composed frames: the first builds
 * one 256-colour palette for the whole animatic, the second maps every frame to it. A single
 * `split,palettegen,paletteuse` graph would hold every frame until the palette exists; drawing
 * the small frames twice is cheaper than that memory. GIF frames are small (480 px wide by
 * default), so they go to ffmpeg raw, composed in the exec worker as ffmpeg reads them.
 */
export async function renderGifWithFfmpeg(
  job: RenderJob,
  core: CompiledCore,
  onProgress: ProgressListener,
  warnings: readonly string[],
): Promise<RenderResult> {
  const { plan } = job;
  const total = plan.totalFrames;
  // Both passes draw every frame: progress counts 2 × frames.
  const progress = createProgressReporter(2 * total, onProgress);
  progress.report(0, true);
  const frames: StreamSource = {
    kind: 'composed',
    plan,
    from: 0,
    to: total,
    pictures: job.frames,
    maxSidePx: 2 * Math.max(plan.width, plan.height),
  };
  const input = [
    ...['-f', 'rawvideo', '-pix_fmt', 'rgba', '-s', `${plan.width}x${plan.height}`],
    ...['-framerate', String(plan.frameRate), '-i', '/frames'],
  ];
  const first = await execInFreshWorker(
    {
      core,
      args: [...input, '-vf', 'palettegen=stats_mode=full', 'palette.png'],
      streams: { '/frames': frames },
      outputs: ['palette.png'],
    },
    { onFrames: (n) => progress.report(n) },
  );
  const palette = first['palette.png'];
  if (palette === undefined) throw new Error('ffmpeg.wasm made no palette');
  const second = await execInFreshWorker(
    {
      core,
      args: [
        ...input,
        '-i',
        'palette.png',
        '-lavfi',
        `[0:v][1:v]${PALETTE_USE}`,
        '-loop',
        '0',
        'out.gif',
      ],
      files: { 'palette.png': palette },
      streams: { '/frames': frames },
      outputs: ['out.gif'],
    },
    { onFrames: (n) => progress.report(total + n) },
  );
  const bytes = second['out.gif'];
  if (bytes === undefined) throw new Error('ffmpeg.wasm wrote no GIF');
  progress.report(2 * total, true);
  return {
    bytes: bytes.buffer as ArrayBuffer,
    mimeType: 'image/gif',
    durationMs: (total / plan.frameRate) * MILLISECONDS_PER_SECOND,
    codecString: 'gif',
    audioCodec: null,
    sampleCount: total,
    engine: 'ffmpeg',
    warnings: job.audio === null ? warnings : [...warnings, 'GIFs have no sound; it was left out.'],
  };
}
