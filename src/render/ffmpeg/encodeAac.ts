import type { MixedAudio } from '../renderTypes';
import type { CompiledCore } from './core';
import { execInFreshWorker } from './execClient';

/** Arguments that read the `/pcm` stream (interleaved float32) as an input. */
export function pcmInputArgs(mixed: MixedAudio): string[] {
  const channels = String(mixed.channels.length);
  return ['-f', 'f32le', '-ar', String(mixed.sampleRate), '-ac', channels, '-i', '/pcm'];
}

/**
 * AAC in an MP4 (.m4a) from mixed PCM, with ffmpeg's native AAC encoder. Chromium on Linux has no
 * AAC encoder in WebCodecs; this lets the fast path still write the audio codec every player
 * and editor takes in an MP4.
 */
export async function encodeAac(
  core: CompiledCore,
  mixed: MixedAudio,
  bitrate: number,
  onHeartbeat: () => void,
): Promise<Uint8Array> {
  const outputs = await execInFreshWorker(
    {
      core,
      args: [...pcmInputArgs(mixed), '-c:a', 'aac', '-b:a', String(bitrate), 'audio.m4a'],
      streams: { '/pcm': { kind: 'pcm', channels: mixed.channels } },
      outputs: ['audio.m4a'],
    },
    { onLog: onHeartbeat },
  );
  const bytes = outputs['audio.m4a'];
  if (bytes === undefined) throw new Error('the AAC encoder wrote nothing');
  return bytes;
}
