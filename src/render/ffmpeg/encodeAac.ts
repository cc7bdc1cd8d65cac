import type { MixedAudio } from '../renderTypes';
import { runFfmpeg, type CoreLoader } from './core';
import { mountReader } from './device';
import { interleavedPcm } from './frames';

/** ffmpeg reads the PCM device a second of stereo at a time. */
const PCM_CHUNK_FRAMES = 48_000;
const PCM_DEVICE_MINOR = 1;

/** Arguments that read `/pcm` (interleaved float32 stereo) as an input. */
export function pcmInputArgs(mixed: MixedAudio): string[] {
  return [
    '-f',
    'f32le',
    '-ar',
    String(mixed.sampleRate),
    '-ac',
    String(mixed.channels.length),
    '-i',
    '/pcm',
  ];
}

export function mountPcm(core: Parameters<typeof mountReader>[0], mixed: MixedAudio): void {
  mountReader(core, '/pcm', PCM_DEVICE_MINOR, interleavedPcm(mixed.channels, PCM_CHUNK_FRAMES));
}

/**
 * AAC in an MP4 (.m4a) from mixed PCM, with ffmpeg's native AAC encoder. Chromium on Linux has no
 * AAC encoder in WebCodecs; this lets the fast path still write the audio codec every player
 * and editor takes in an MP4.
 */
export async function encodeAac(
  loader: CoreLoader,
  mixed: MixedAudio,
  bitrate: number,
  onHeartbeat: () => void,
): Promise<Uint8Array> {
  const core = await runFfmpeg(
    loader,
    [
      ...pcmInputArgs(mixed),
      '-c:a',
      'aac',
      '-b:a',
      String(bitrate),
      '-movflags',
      '+faststart',
      'audio.m4a',
    ],
    (c) => mountPcm(c, mixed),
    onHeartbeat,
  );
  return core.FS.readFile('audio.m4a').slice();
}
