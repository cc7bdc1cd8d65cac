import { createPictureCache } from '../pictureCache';
import { createProgressReporter } from '../progress';
import { AUDIO_BITRATE } from '../renderOptions';
import type { MixedAudio, ProgressListener, RenderJob, RenderResult } from '../renderTypes';
import type { CoreLoader } from './core';
import { runFfmpeg } from './core';
import { mountReader } from './device';
import { mountPcm, pcmInputArgs } from './encodeAac';
import { composedFrames, readbackCanvas, runIndexAt } from './frames';
import { FFMPEG_VIDEO_CODECS } from './videoArgs';

/**
 * The timeline is encoded in pieces of this many seconds, each by a fresh core instance, then
 * joined without re-encoding. Only the pictures a piece shows are decoded for it, which bounds
 * memory on long boards (the synchronous frame device needs its pictures decoded up front).
 */
const CHUNK_SECONDS = 20;
const FRAME_DEVICE_MINOR = 0;
const MILLISECONDS_PER_SECOND = 1000;

/**
 * MP4 (H.264) or WebM (VP9) through ffmpeg.wasm: for browsers whose WebCodecs lacks the codec,
 * and as the universal path. Frames come from the same compose functions as the fast path.
 */
export async function renderVideoWithFfmpeg(
  job: RenderJob,
  mixed: MixedAudio | null,
  loader: CoreLoader,
  onProgress: ProgressListener,
  warnings: readonly string[],
): Promise<RenderResult> {
  const { plan, output } = job;
  const codec = output.codec === null ? undefined : FFMPEG_VIDEO_CODECS[output.codec];
  if (codec === undefined) {
    throw new Error(`This browser cannot encode ${output.codec ?? 'that codec'} video.`);
  }
  const progress = createProgressReporter(plan.totalFrames, onProgress);
  progress.report(0, true);
  const ctx = readbackCanvas(plan.width, plan.height);
  const pictures = createPictureCache(plan.runs, job.frames, {
    maxSidePx: 2 * Math.max(plan.width, plan.height),
  });
  const chunkFrames = Math.max(1, Math.round(CHUNK_SECONDS * plan.frameRate));
  const chunks: Uint8Array[] = [];
  try {
    for (let from = 0; from < plan.totalFrames; from += chunkFrames) {
      const to = Math.min(plan.totalFrames, from + chunkFrames);
      const firstRun = runIndexAt(plan, from);
      const lastRun = runIndexAt(plan, to - 1);
      const lookup = await pictures.acquire(firstRun, lastRun);
      const name = `chunk.${codec.extension}`;
      const core = await runFfmpeg(
        loader,
        [
          ...['-f', 'rawvideo', '-pix_fmt', 'rgba', '-s', `${plan.width}x${plan.height}`],
          ...['-framerate', String(plan.frameRate), '-i', '/frames'],
          ...codec.args(output.bitrate, plan.frameRate),
          '-an',
          name,
        ],
        (c) =>
          mountReader(
            c,
            '/frames',
            FRAME_DEVICE_MINOR,
            composedFrames(plan, from, to, ctx, lookup, (done) => progress.report(from + done)),
          ),
      );
      chunks.push(core.FS.readFile(name).slice());
      // The last run of this piece may go on into the next one: keep its pictures.
      pictures.releaseThrough(lastRun - 1);
    }
  } finally {
    pictures.close();
  }

  progress.stage('finishing', true);
  const outName = `out.${codec.extension}`;
  const audioArgs =
    mixed === null
      ? ['-an']
      : [
          '-map',
          '1:a',
          ...(codec.extension === 'mp4' ? ['-c:a', 'aac'] : ['-c:a', 'libopus']),
          '-b:a',
          String(AUDIO_BITRATE),
        ];
  const core = await runFfmpeg(
    loader,
    [
      ...['-f', 'concat', '-safe', '0', '-i', 'list.txt'],
      ...(mixed === null ? [] : pcmInputArgs(mixed)),
      ...['-map', '0:v', '-c:v', 'copy'],
      ...audioArgs,
      ...(codec.extension === 'mp4' ? ['-movflags', '+faststart'] : []),
      outName,
    ],
    (c) => {
      const names = chunks.map((bytes, i) => {
        const name = `chunk${i}.${codec.extension}`;
        c.FS.writeFile(name, bytes);
        return name;
      });
      c.FS.writeFile('list.txt', names.map((n) => `file '${n}'`).join('\n'));
      chunks.length = 0;
      if (mixed !== null) mountPcm(c, mixed);
    },
    () => progress.stage('finishing'),
  );
  const bytes = core.FS.readFile(outName).slice();
  progress.report(plan.totalFrames, true);
  return {
    bytes: bytes.buffer,
    mimeType: codec.extension === 'mp4' ? 'video/mp4' : 'video/webm',
    durationMs: (plan.totalFrames / plan.frameRate) * MILLISECONDS_PER_SECOND,
    codecString: codec.name,
    audioCodec: mixed === null ? null : codec.extension === 'mp4' ? 'aac' : 'opus',
    sampleCount: plan.totalFrames,
    engine: 'ffmpeg',
    warnings,
  };
}
