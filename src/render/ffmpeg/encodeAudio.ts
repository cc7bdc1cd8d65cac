import type { MixedAudio } from '../renderTypes';
import type { CompiledCore } from './core';
import { execInFreshWorker } from './execClient';

/** Arguments that read the `/pcm` stream (interleaved float32) as an input. */
export function pcmInputArgs(mixed: MixedAudio): string[] {
  const channels = String(mixed.channels.length);
  return ['-f', 'f32le', '-ar', String(mixed.sampleRate), '-ac', channels, '-i', '/pcm'];
}

/**
 * ffmpeg's own encoders. The core's libopus dies with "memory access out of bounds" on the first
 * packet (measured, with every -application), so Opus comes from ffmpeg's native encoder, which
 * is still marked experimental (hence -strict -2) but writes valid 48 kHz Opus.
 */
const ENCODERS = {
  aac: { args: ['-c:a', 'aac'], file: 'audio.m4a' },
  opus: { args: ['-c:a', 'opus', '-strict', '-2'], file: 'audio.webm' },
} as const;

/**
 * Mixed PCM encoded by ffmpeg.wasm: AAC (in an .m4a) or Opus (in a .webm), both with ffmpeg's
 * native encoders. Chromium on Linux has no AAC encoder in WebCodecs, so this is how an MP4
 * from either path gets the audio codec every player and editor takes; the universal path uses
 * it for both. The caller copies the packets into its file (mux/audioTrack.ts).
 */
export async function encodeAudioWithFfmpeg(
  core: CompiledCore,
  mixed: MixedAudio,
  codec: 'aac' | 'opus',
  bitrate: number,
  onHeartbeat: () => void,
): Promise<Uint8Array> {
  const { args, file } = ENCODERS[codec];
  const outputs = await execInFreshWorker(
    {
      core,
      args: [...pcmInputArgs(mixed), ...args, '-b:a', String(bitrate), file],
      streams: { '/pcm': { kind: 'pcm', channels: mixed.channels } },
      outputs: [file],
    },
    { onLog: onHeartbeat },
  );
  const bytes = outputs[file];
  if (bytes === undefined) throw new Error(`the ${codec} encoder wrote nothing`);
  return bytes;
}
