import {
  BufferTarget,
  canEncodeVideo,
  Mp4OutputFormat,
  Output,
  VideoSample,
  VideoSampleSource,
  WebMOutputFormat,
} from 'mediabunny';
import type { FramesPerSecond } from '../../model/units';
import { createClipFrames } from '../clipFrames';
import { compositionAt } from '../compose/composition';
import { drawComposition } from '../compose/draw';
import { DEFAULT_HOLD_STRATEGY, emissionsFor } from '../holds';
import { createPictureCache } from '../pictureCache';
import { createProgressReporter } from '../progress';
import { frameTimeMs, type RenderPlan, type RenderRun } from '../renderPlan';
import type { VideoCodecChoice } from '../renderOptions';
import type { ProgressListener, RenderJob, RenderResult } from '../renderTypes';
import type { AudioTrackPlan } from '../mux/audioTrack';

const MILLISECONDS_PER_SECOND = 1_000;
/** Inside camera moves and dissolves a key frame this often bounds what a seek decodes. */
const MOTION_KEYFRAME_INTERVAL_S = 2;

export async function canEncodeWithWebCodecs(
  codec: VideoCodecChoice,
  plan: Pick<RenderPlan, 'width' | 'height' | 'frameRate'>,
  bitrate: number,
): Promise<boolean> {
  if (typeof VideoEncoder === 'undefined') return false;
  return canEncodeVideo(codec, {
    width: plan.width,
    height: plan.height,
    frameRate: plan.frameRate,
    bitrate,
  });
}

function keyFrameAt(run: RenderRun, frame: number, rate: FramesPerSecond): boolean {
  const every = Math.max(1, Math.round(MOTION_KEYFRAME_INTERVAL_S * rate));
  return (frame - run.startFrame) % every === 0;
}

/**
 * Renders MP4 (H.264/AV1) or WebM (VP9/AV1) with WebCodecs through mediabunny. Holds are drawn
 * once and encoded as a few long samples (holds.ts); camera moves and transitions are drawn and
 * encoded frame by frame. At most one frame is drawn ahead of the encoder: `add` resolves only
 * when the encoder queue has room, and every VideoSample is closed as soon as it is queued.
 * Runs in the render worker; the caller cancels by terminating it.
 */
export async function renderWithWebCodecs(
  job: RenderJob,
  audio: AudioTrackPlan | null,
  onProgress: ProgressListener,
  warnings: readonly string[],
): Promise<RenderResult> {
  const { plan, output } = job;
  const codec = output.codec ?? 'avc';
  const { width, height, frameRate } = plan;
  const progress = createProgressReporter(plan.totalFrames, onProgress);
  progress.report(0, true);

  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { alpha: false });
  if (ctx === null) throw new Error('Could not create a 2D canvas to draw the frames on.');

  let codecString = '';
  const video = new VideoSampleSource({
    codec,
    bitrate: output.bitrate,
    // Key or delta is decided per sample (holds.ts, MOTION_KEYFRAME_INTERVAL_S) and passed with
    // every add(); mediabunny's own timer would put key frames inside holds for nothing.
    keyFrameInterval: 0,
    onEncoderConfig: (config) => {
      codecString = config.codec;
    },
  });
  const target = new BufferTarget();
  const mp4 = output.format === 'mp4';
  // 'in-memory' fast start puts the MP4 index first so a <video> can start before the end.
  const format = mp4 ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat();
  const out = new Output({ format, target });
  // Declaring the frame rate makes the track's timescale the frame rate itself, so every
  // timestamp and duration is a whole number of frames: nothing can drift or pad.
  out.addVideoTrack(video, { frameRate });
  if (audio) out.addAudioTrack(audio.source);

  const pictures = createPictureCache(plan.runs, job.frames, {
    maxSidePx: 2 * Math.max(width, height),
  });
  // Clips play in motion runs (a clip shot always moves): decoded forward as frames are drawn.
  const clips = createClipFrames(job.clips ?? {});
  const strategy = job.holds ?? DEFAULT_HOLD_STRATEGY;
  const size = { width, height };
  let framesDone = 0;
  let sampleCount = 0;

  async function encodeVideo(): Promise<void> {
    for (const [index, run] of plan.runs.entries()) {
      const lookup = await pictures.acquire(index);
      if (run.kind === 'hold') {
        const frame = compositionAt(plan.timeline, frameTimeMs(run.startFrame, frameRate));
        const clipFrames = await clips.resolve(frame);
        drawComposition(ctx as OffscreenCanvasRenderingContext2D, size, frame, lookup, clipFrames);
        // One VideoFrame per hold, re-stamped for each emission; the pixels are copied once.
        const sample = new VideoSample(canvas, { timestamp: run.startFrame / frameRate });
        try {
          for (const emission of emissionsFor(run, frameRate, strategy)) {
            sample.setTimestamp(emission.startFrame / frameRate);
            sample.setDuration(emission.frameCount / frameRate);
            await video.add(sample, { keyFrame: emission.keyFrame });
            sampleCount += 1;
            framesDone += emission.frameCount;
            progress.report(framesDone);
          }
        } finally {
          sample.close();
        }
      } else {
        for (let f = run.startFrame; f < run.startFrame + run.frameCount; f++) {
          const frame = compositionAt(plan.timeline, frameTimeMs(f, frameRate));
          const clipFrames = await clips.resolve(frame);
          drawComposition(
            ctx as OffscreenCanvasRenderingContext2D,
            size,
            frame,
            lookup,
            clipFrames,
          );
          const sample = new VideoSample(canvas, {
            timestamp: f / frameRate,
            duration: 1 / frameRate,
          });
          try {
            await video.add(sample, { keyFrame: keyFrameAt(run, f, frameRate) });
          } finally {
            sample.close();
          }
          sampleCount += 1;
          framesDone += 1;
          progress.report(framesDone);
        }
      }
      pictures.releaseThrough(index);
    }
    video.close();
  }

  try {
    await out.start();
    // Concurrently: the muxer interleaves the tracks and may wait for one to catch up.
    await Promise.all([encodeVideo(), audio?.feed()]);
    progress.stage('finishing', true);
    await out.finalize();
  } catch (error) {
    await out.cancel().catch(() => undefined);
    throw error;
  } finally {
    pictures.close();
    clips.close();
  }
  progress.report(framesDone, true);

  const bytes = target.buffer;
  if (bytes === null) throw new Error('The video writer finished without producing a file.');
  return {
    bytes,
    mimeType: mp4 ? 'video/mp4' : 'video/webm',
    durationMs: (plan.totalFrames / frameRate) * MILLISECONDS_PER_SECOND,
    codecString,
    audioCodec: audio?.codec ?? null,
    sampleCount,
    engine: 'webcodecs',
    warnings: [...warnings, ...clips.warnings],
  };
}
