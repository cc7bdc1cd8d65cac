import { createPictureCache } from '../pictureCache';
import { createProgressReporter } from '../progress';
import { AUDIO_BITRATE } from '../renderOptions';
import type { MixedAudio, ProgressListener, RenderJob, RenderResult } from '../renderTypes';
import type { CompiledCore } from './core';
import { pcmInputArgs } from './encodeAac';
import { execInFreshWorker } from './execClient';
import type { EncodedImage } from './execTask';
import { runIndexAt } from './frames';
import { encodeFrames } from './images';
import { FFMPEG_VIDEO_CODECS } from './videoArgs';

/**
 * The timeline is encoded in pieces of this many seconds, each by a fresh core in a fresh worker,
 * and the pieces are joined without re-encoding. While ffmpeg encodes one piece, this worker
 * composes and JPEG-encodes the next: the two cores work at once, and at most two pieces of
 * compressed frames exist (~2 × 300 × 0.2 MB at 1080p30).
 */
const PIECE_SECONDS = 10;
const MILLISECONDS_PER_SECOND = 1000;

/**
 * MP4 (H.264) or WebM (VP8) through ffmpeg.wasm: for browsers whose WebCodecs lacks the codec,
 * and as the universal path. Frames come from the same compose functions as the fast path.
 */
export async function renderVideoWithFfmpeg(
  job: RenderJob,
  mixed: MixedAudio | null,
  core: CompiledCore,
  onProgress: ProgressListener,
  warnings: readonly string[],
): Promise<RenderResult> {
  const { plan, output } = job;
  const codec = output.codec === null ? undefined : FFMPEG_VIDEO_CODECS[output.codec];
  if (codec === undefined) {
    throw new Error(`This browser cannot encode ${output.codec ?? 'that codec'} video.`);
  }
  const notes = codec.substitute
    ? [
        ...warnings,
        `This browser cannot encode ${output.codec?.toUpperCase()}; the video is ${codec.substitute}.`,
      ]
    : [...warnings];
  const progress = createProgressReporter(plan.totalFrames, onProgress);
  progress.report(0, true);

  const canvas = new OffscreenCanvas(plan.width, plan.height);
  const ctx = canvas.getContext('2d', { alpha: false });
  if (ctx === null) throw new Error('Could not create a 2D canvas to draw the frames on.');
  const pictures = createPictureCache(plan.runs, job.frames, {
    maxSidePx: 2 * Math.max(plan.width, plan.height),
  });
  const pieceFrames = Math.max(1, Math.round(PIECE_SECONDS * plan.frameRate));
  const ranges: [number, number][] = [];
  for (let from = 0; from < plan.totalFrames; from += pieceFrames) {
    ranges.push([from, Math.min(plan.totalFrames, from + pieceFrames)]);
  }
  let framesEncoded = 0;
  // Re-sends the frames ffmpeg has done: keeps the watchdog quiet while pieces are prepared.
  const heartbeat = () => progress.report(framesEncoded);
  const prepare = async ([from, to]: [number, number]): Promise<EncodedImage[]> => {
    const lastRun = runIndexAt(plan, to - 1);
    const lookup = await pictures.acquire(runIndexAt(plan, from), lastRun);
    const images = await encodeFrames(plan, from, to, canvas, ctx, lookup, heartbeat);
    // The last run of this piece may go on into the next one: keep its pictures.
    pictures.releaseThrough(lastRun - 1);
    return images;
  };

  const pieces: Uint8Array[] = [];
  const name = `piece.${codec.extension}`;
  try {
    let next: Promise<EncodedImage[]> | null = prepare(ranges[0] ?? [0, 0]);
    for (const [index, [from]] of ranges.entries()) {
      const images: EncodedImage[] = await (next ?? Promise.resolve([]));
      const following = ranges[index + 1];
      next = following ? prepare(following) : null;
      // If this piece fails, the next one's preparation is abandoned: never an unhandled rejection.
      next?.catch(() => undefined);
      const outputs = await execInFreshWorker(
        {
          core,
          args: [
            ...['-f', 'image2pipe', '-framerate', String(plan.frameRate), '-c:v', 'mjpeg'],
            ...['-i', '/frames'],
            ...codec.args(output.bitrate, plan.frameRate),
            ...['-an', name],
          ],
          streams: { '/frames': { kind: 'images', images } },
          outputs: [name],
        },
        {
          onFrames: (n) => {
            framesEncoded = from + n;
            progress.report(framesEncoded);
          },
        },
      );
      const piece = outputs[name];
      if (piece === undefined) throw new Error('ffmpeg.wasm wrote no video');
      pieces.push(piece);
    }
  } finally {
    pictures.close();
  }

  progress.stage('finishing', true);
  const outName = `out.${codec.extension}`;
  const files: Record<string, Uint8Array> = {};
  pieces.forEach((bytes, i) => {
    files[`piece${i}.${codec.extension}`] = bytes;
  });
  files['list.txt'] = new TextEncoder().encode(
    Object.keys(files)
      .map((file) => `file '${file}'`)
      .join('\n'),
  );
  const audioArgs =
    mixed === null
      ? ['-an']
      : [
          ...['-map', '1:a'],
          ...(codec.extension === 'mp4' ? ['-c:a', 'aac'] : ['-c:a', 'libopus']),
          ...['-b:a', String(AUDIO_BITRATE)],
        ];
  const outputs = await execInFreshWorker(
    {
      core,
      args: [
        ...['-f', 'concat', '-safe', '0', '-i', 'list.txt'],
        ...(mixed === null ? [] : pcmInputArgs(mixed)),
        ...['-map', '0:v', '-c:v', 'copy'],
        ...audioArgs,
        ...(codec.extension === 'mp4' ? ['-movflags', '+faststart'] : []),
        outName,
      ],
      files,
      streams: mixed === null ? {} : { '/pcm': { kind: 'pcm', channels: mixed.channels } },
      outputs: [outName],
    },
    { onLog: () => progress.stage('finishing') },
  );
  const bytes = outputs[outName];
  if (bytes === undefined) throw new Error('ffmpeg.wasm wrote no file');
  progress.report(plan.totalFrames, true);
  return {
    bytes: bytes.buffer as ArrayBuffer,
    mimeType: codec.extension === 'mp4' ? 'video/mp4' : 'video/webm',
    durationMs: (plan.totalFrames / plan.frameRate) * MILLISECONDS_PER_SECOND,
    codecString: codec.name,
    audioCodec: mixed === null ? null : codec.extension === 'mp4' ? 'aac' : 'opus',
    sampleCount: plan.totalFrames,
    engine: 'ffmpeg',
    warnings: notes,
  };
}
