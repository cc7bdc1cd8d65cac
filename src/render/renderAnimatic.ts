import {
  BufferTarget,
  canEncodeVideo,
  Mp4OutputFormat,
  Output,
  Quality,
  VideoSample,
  VideoSampleSource,
} from 'mediabunny';
import { drawContained, drawPlaceholder } from './drawFrame';
import { createFrameImages, type FrameImage } from './frameImages';
import { DEFAULT_HOLD_STRATEGY, emissionsFor } from './holds';
import { createProgressReporter } from './progress';
import type { RenderSegment } from './renderPlan';
import type { ProgressListener, RenderJob, RenderResult } from './renderTypes';

const MILLISECONDS_PER_SECOND = 1_000;
const MP4_MIME_TYPE = 'video/mp4';

/**
 * Renders an animatic to an H.264 MP4 with WebCodecs (through mediabunny). Runs in a worker (or a
 * page); the caller owns cancellation by terminating the worker, so nothing here needs to poll.
 */
export async function renderAnimatic(
  job: RenderJob,
  onProgress: ProgressListener,
): Promise<RenderResult> {
  const { plan } = job;
  const { width, height, frameRate } = plan;
  const progress = createProgressReporter(plan.totalFrames, onProgress);
  progress.report(0, true);

  // No bitrate: mediabunny's "high" tries constant-quantizer first; Chromium 156's H.264 encoder
  // refuses that and it falls back to VBR (measured: 2.8 Mbit/s at 720p, 6.1 Mbit/s at 1080p).
  const quality =
    job.bitrate === undefined ? new Quality('high') : new Quality({ bitrate: job.bitrate });
  await assertCanEncode(width, height, frameRate, quality);

  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { alpha: false });
  if (ctx === null) throw new Error('Could not create a 2D canvas to draw the frames on.');

  let codecString = '';
  const source = new VideoSampleSource({
    codec: job.codec,
    quality,
    // Key or delta is decided per sample in holds.ts and passed with every add(), which
    // overrides this; mediabunny's own timer would put key frames inside holds for nothing.
    keyFrameInterval: 0,
    onEncoderConfig: (config) => {
      codecString = config.codec;
    },
  });
  const target = new BufferTarget();
  // 'in-memory' fast start puts the index (moov) first, so a <video> can play before it has
  // read the whole file.
  const output = new Output({ format: new Mp4OutputFormat({ fastStart: 'in-memory' }), target });
  // Declaring the frame rate makes the track's timescale the frame rate itself, so every
  // timestamp and duration is a whole number of frames: nothing can drift or pad.
  output.addVideoTrack(source, { frameRate });

  const images = createFrameImages(plan.segments, job.frames);
  const strategy = job.holds ?? DEFAULT_HOLD_STRATEGY;
  let framesDone = 0;
  let sampleCount = 0;
  let endFrame = 0;
  try {
    await output.start();
    for (const segment of plan.segments) {
      paint(ctx, segment, await images.imageFor(segment));
      images.doneWith(segment);
      // One VideoFrame per shot, re-stamped for each emission; the pixels are never copied back.
      const sample = new VideoSample(canvas, { timestamp: segment.startFrame / frameRate });
      try {
        for (const emission of emissionsFor(segment, frameRate, strategy)) {
          sample.setTimestamp(emission.startFrame / frameRate);
          sample.setDuration(emission.frameCount / frameRate);
          await source.add(sample, { keyFrame: emission.keyFrame });
          sampleCount += 1;
          framesDone += emission.frameCount;
          endFrame = emission.startFrame + emission.frameCount;
          progress.report(framesDone);
        }
      } finally {
        sample.close();
      }
    }
    source.close();
    await output.finalize();
  } catch (error) {
    await output.cancel().catch(() => undefined);
    throw error;
  } finally {
    images.close();
  }
  progress.report(framesDone, true);

  const bytes = target.buffer;
  if (bytes === null) throw new Error('The MP4 writer finished without producing a file.');
  return {
    bytes,
    mimeType: MP4_MIME_TYPE,
    durationMs: (endFrame / frameRate) * MILLISECONDS_PER_SECOND,
    codecString,
    sampleCount,
  };
}

async function assertCanEncode(
  width: number,
  height: number,
  frameRate: number,
  quality: Quality,
): Promise<void> {
  const supported =
    typeof VideoEncoder !== 'undefined' &&
    (await canEncodeVideo('avc', { width, height, frameRate, quality }));
  if (!supported) throw new Error(`This browser cannot encode H.264 video at ${width}×${height}`);
}

function paint(ctx: OffscreenCanvasRenderingContext2D, segment: RenderSegment, image: FrameImage) {
  const label = `Shot ${segment.label}`;
  switch (image.kind) {
    case 'image':
      return drawContained(ctx, image.bitmap);
    case 'none':
      return drawPlaceholder(ctx, 'No frame yet', label);
    case 'missing':
      return drawPlaceholder(ctx, 'Frame missing', label);
    case 'unreadable':
      return drawPlaceholder(ctx, 'Frame could not be read', label);
  }
}
