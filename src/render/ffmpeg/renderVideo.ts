import { BufferTarget, Mp4OutputFormat, Output, WebMOutputFormat } from 'mediabunny';
import { copiedFromFile, type AudioTrackPlan } from '../mux/audioTrack';
import { VideoPieceWriter } from '../mux/videoPieces';
import { createPictureCache } from '../pictureCache';
import { createProgressReporter } from '../progress';
import { AUDIO_BITRATE } from '../renderOptions';
import type { MixedAudio, ProgressListener, RenderJob, RenderResult } from '../renderTypes';
import type { CompiledCore } from './core';
import { encodeAudioWithFfmpeg } from './encodeAudio';
import { execInFreshWorker } from './execClient';
import type { EncodedImage } from './execTask';
import { runIndexAt } from './frames';
import { encodeFrames } from './images';
import { FFMPEG_VIDEO_CODECS } from './videoArgs';

/**
 * The timeline is encoded in pieces of this many seconds, each by a fresh core in a fresh worker.
 * While ffmpeg encodes one piece, this worker composes and JPEG-encodes the next (two cores at
 * work), so at most two pieces of compressed frames exist (~2 × 300 × 0.2 MB at 1080p30). Each
 * finished piece is copied into the output file at once and dropped.
 */
const PIECE_SECONDS = 10;
const MILLISECONDS_PER_SECOND = 1000;

/**
 * MP4 (H.264) or WebM (VP8) through ffmpeg.wasm: for browsers whose WebCodecs lacks the codec,
 * and as the universal path. Frames come from the same compose functions as the fast path; the
 * file is written by the same muxer (mediabunny).
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
  const notes = [...warnings];
  if (codec.substitute) {
    notes.push(
      `This browser cannot encode ${output.codec?.toUpperCase()}; the video is ${codec.substitute}.`,
    );
  }
  const progress = createProgressReporter(plan.totalFrames, onProgress);
  progress.report(0, true);
  let framesEncoded = 0;
  // Re-sends the frames ffmpeg has done: keeps the watchdog quiet during steps without frames.
  const heartbeat = () => progress.report(framesEncoded);

  const mp4 = codec.extension === 'mp4';
  const audioCodec = mp4 ? 'aac' : 'opus';
  let audio: AudioTrackPlan | null = null;
  if (mixed !== null) {
    progress.stage('audio', true);
    const encoded = await encodeAudioWithFfmpeg(core, mixed, audioCodec, AUDIO_BITRATE, () =>
      progress.stage('audio'),
    );
    audio = await copiedFromFile(encoded, audioCodec);
    progress.stage('video', true);
  }

  const target = new BufferTarget();
  const format = mp4 ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat();
  const out = new Output({ format, target });
  const video = new VideoPieceWriter(codec.packetCodec, plan.frameRate);
  out.addVideoTrack(video.source, { frameRate: plan.frameRate });
  if (audio) out.addAudioTrack(audio.source);

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
  const prepare = async ([from, to]: [number, number]): Promise<EncodedImage[]> => {
    const lastRun = runIndexAt(plan, to - 1);
    const lookup = await pictures.acquire(runIndexAt(plan, from), lastRun);
    const images = await encodeFrames(plan, from, to, canvas, ctx, lookup, heartbeat);
    // The last run of this piece may go on into the next one: keep its pictures.
    pictures.releaseThrough(lastRun - 1);
    return images;
  };
  const pieceName = `piece.${codec.extension}`;
  const encoderArgs = codec.args(output.bitrate, plan.frameRate);

  async function encodeVideo(): Promise<void> {
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
            ...encoderArgs,
            ...['-an', pieceName],
          ],
          streams: { '/frames': { kind: 'images', images } },
          outputs: [pieceName],
        },
        {
          onFrames: (n) => {
            framesEncoded = from + n;
            progress.report(framesEncoded);
          },
        },
      );
      const piece = outputs[pieceName];
      if (piece === undefined) throw new Error('ffmpeg.wasm wrote no video');
      await video.append(piece, from);
    }
    video.source.close();
  }

  try {
    await out.start();
    await Promise.all([encodeVideo(), audio?.feed()]);
    progress.stage('finishing', true);
    await out.finalize();
  } catch (error) {
    await out.cancel().catch(() => undefined);
    throw error;
  } finally {
    pictures.close();
  }
  const bytes = target.buffer;
  if (bytes === null) throw new Error('The video writer finished without producing a file.');
  progress.report(plan.totalFrames, true);
  return {
    bytes,
    mimeType: mp4 ? 'video/mp4' : 'video/webm',
    durationMs: (plan.totalFrames / plan.frameRate) * MILLISECONDS_PER_SECOND,
    codecString: codec.name,
    audioCodec: audio?.codec ?? null,
    sampleCount: video.packetCount,
    engine: 'ffmpeg',
    warnings: notes,
  };
}
