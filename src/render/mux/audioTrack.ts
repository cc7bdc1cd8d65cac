import {
  ALL_FORMATS,
  AudioSample,
  AudioSampleSource,
  BufferSource,
  canEncodeAudio,
  EncodedAudioPacketSource,
  EncodedPacketSink,
  Input,
  type AudioSource,
} from 'mediabunny';
import { AUDIO_BITRATE } from '../renderOptions';
import type { MixedAudio } from '../renderTypes';

/** Samples handed to the audio encoder at a time: one second. */
const AUDIO_CHUNK_SECONDS = 1;

/**
 * An audio track ready to add to a mediabunny Output, and the job that fills it once the output
 * has started (run it alongside the video: the muxer interleaves the two).
 */
export interface AudioTrackPlan {
  readonly source: AudioSource;
  readonly codec: 'aac' | 'opus';
  feed(): Promise<void>;
}

/** Mixed PCM through a WebCodecs AudioEncoder (Opus everywhere, AAC where the browser has it). */
export function encodedByWebCodecs(codec: 'aac' | 'opus', mixed: MixedAudio): AudioTrackPlan {
  const source = new AudioSampleSource({ codec, bitrate: AUDIO_BITRATE });
  return {
    source,
    codec,
    async feed() {
      const { sampleRate, channels } = mixed;
      const length = channels[0]?.length ?? 0;
      const step = Math.round(sampleRate * AUDIO_CHUNK_SECONDS);
      for (let at = 0; at < length; at += step) {
        const count = Math.min(step, length - at);
        const planar = new Float32Array(count * channels.length);
        channels.forEach((channel, c) => planar.set(channel.subarray(at, at + count), c * count));
        const sample = new AudioSample({
          data: planar,
          format: 'f32-planar',
          numberOfChannels: channels.length,
          sampleRate,
          timestamp: at / sampleRate,
        });
        try {
          await source.add(sample);
        } finally {
          sample.close();
        }
      }
      source.close();
    },
  };
}

/**
 * Audio packets encoded elsewhere (ffmpeg.wasm: AAC in an .m4a, Opus in a .webm) copied into the
 * output as they are: no second encode.
 */
export async function copiedFromFile(
  bytes: Uint8Array,
  codec: 'aac' | 'opus',
): Promise<AudioTrackPlan> {
  const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
  const track = await input.getPrimaryAudioTrack();
  if (track === null) throw new Error(`the ${codec} encoder produced no audio track`);
  const decoderConfig = await track.getDecoderConfig();
  if (decoderConfig === null) throw new Error(`the ${codec} track has no decoder configuration`);
  const source = new EncodedAudioPacketSource(codec);
  return {
    source,
    codec,
    async feed() {
      let first = true;
      for await (const packet of new EncodedPacketSink(track).packets()) {
        // Encoder priming can start the first packet before zero; the muxer writes it as an
        // edit, so the sound still starts with the picture.
        await source.add(packet, first ? { decoderConfig } : undefined);
        first = false;
      }
      source.close();
      input.dispose();
    },
  };
}

export async function canEncodeAacWithWebCodecs(mixed: MixedAudio): Promise<boolean> {
  return canEncodeAudio('aac', {
    numberOfChannels: mixed.channels.length,
    sampleRate: mixed.sampleRate,
    bitrate: AUDIO_BITRATE,
  });
}
