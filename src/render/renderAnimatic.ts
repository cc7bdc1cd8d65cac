import { mixAudio } from './audioMix';
import { chooseEngine } from './engine';
import { compileCore, type CompiledCore } from './ffmpeg/core';
import { encodeAudioWithFfmpeg } from './ffmpeg/encodeAudio';
import { renderGifWithFfmpeg } from './ffmpeg/renderGif';
import { renderVideoWithFfmpeg } from './ffmpeg/renderVideo';
import { createProgressReporter } from './progress';
import { AUDIO_BITRATE } from './renderOptions';
import type { MixedAudio, ProgressListener, RenderJob, RenderResult } from './renderTypes';
import {
  canEncodeAacWithWebCodecs,
  copiedFromFile,
  encodedByWebCodecs,
  type AudioTrackPlan,
} from './mux/audioTrack';
import { canEncodeWithWebCodecs, renderWithWebCodecs } from './webcodecs/renderWebCodecs';

/**
 * The render worker's one job: mix (if the page could not), pick the engine, encode. Runs in a
 * fresh worker per job (renderClient.ts), so the ffmpeg core loaded here dies with the job.
 */
export async function renderAnimatic(
  job: RenderJob,
  onProgress: ProgressListener,
): Promise<RenderResult> {
  const warnings = [...job.warnings];
  const hasClips = job.plan.timeline.shots.some((shot) => shot.clipKey !== null);
  const heartbeat = createProgressReporter(job.plan.totalFrames, onProgress);
  let compiled: Promise<CompiledCore> | null = null;
  const ffmpeg = () => (compiled ??= compileCore());

  let mixed: MixedAudio | null = null;
  if (job.audio?.kind === 'pcm') mixed = job.audio.mixed;
  if (job.audio?.kind === 'mix') {
    heartbeat.stage('mixing', true);
    const result = await mixAudio(job.audio.input);
    mixed = result.mixed;
    warnings.push(...result.warnings);
  }

  // ffmpeg.wasm's frames are drawn synchronously while it runs, where nothing can be decoded.
  const stillsInstead =
    'Clips are drawn only by the WebCodecs engine: this file shows their shots’ stills.';
  if (job.output.format === 'gif') {
    if (hasClips) warnings.push(stillsInstead);
    return renderGifWithFfmpeg(job, await ffmpeg(), onProgress, warnings);
  }
  const webCodecs =
    job.output.codec !== null &&
    job.output.engine !== 'ffmpeg' &&
    (await canEncodeWithWebCodecs(job.output.codec, job.plan, job.output.bitrate));
  const decision = chooseEngine(job.output, webCodecs);
  if ('error' in decision) throw new Error(decision.error);
  if (decision.engine === 'ffmpeg') {
    if (hasClips) warnings.push(stillsInstead);
    return renderVideoWithFfmpeg(job, mixed, await ffmpeg(), onProgress, warnings);
  }
  const audio =
    mixed === null
      ? null
      : await audioTrackFor(job.output.format === 'mp4', mixed, ffmpeg, warnings, () =>
          heartbeat.stage('audio'),
        );
  return renderWithWebCodecs(job, audio, onProgress, warnings);
}

/**
 * The audio track of a WebCodecs render: Opus for WebM; AAC for MP4, from WebCodecs where the
 * browser has an AAC encoder (not Chromium on Linux) and else from ffmpeg.wasm's. If neither
 * works the MP4 gets Opus, which browsers play, with a warning that some players do not.
 */
async function audioTrackFor(
  mp4: boolean,
  mixed: MixedAudio,
  ffmpeg: () => Promise<CompiledCore>,
  warnings: string[],
  onHeartbeat: () => void,
): Promise<AudioTrackPlan> {
  if (!mp4) return encodedByWebCodecs('opus', mixed);
  if (await canEncodeAacWithWebCodecs(mixed)) return encodedByWebCodecs('aac', mixed);
  try {
    onHeartbeat();
    const aac = await encodeAudioWithFfmpeg(
      await ffmpeg(),
      mixed,
      'aac',
      AUDIO_BITRATE,
      onHeartbeat,
    );
    return await copiedFromFile(aac, 'aac');
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    warnings.push(
      `The sound could not be encoded as AAC (${detail}); it is Opus instead, which browsers play but some players (QuickTime) do not.`,
    );
    return encodedByWebCodecs('opus', mixed);
  }
}
