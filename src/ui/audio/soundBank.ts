import type { AssetHash } from '../../model/ids';
import { MIX_SAMPLE_RATE } from '../../render/audioPlan';
import { computePeaks } from '../../render/peaks';
import type { AssetStore } from '../../store/assets';

/**
 * Decoded recordings and their waveform peaks, once per asset hash for the whole page: the
 * timeline, Play mode and the waveforms share them. A hash names immutable bytes, so nothing here
 * ever goes stale. A recording not (yet) in this browser is not remembered as missing: it may
 * arrive from a peer and is tried again next time.
 */
export interface DecodedSound {
  readonly buffer: AudioBuffer;
  readonly peaks: Float32Array;
}

const decoded = new Map<string, Promise<DecodedSound | null>>();
const ready = new Map<string, DecodedSound>();
let decoder: OfflineAudioContext | null = null;

function decodingContext(): OfflineAudioContext {
  // Decoding needs no output: an offline context decodes without asking to play anything.
  decoder ??= new OfflineAudioContext(1, 1, MIX_SAMPLE_RATE);
  return decoder;
}

/** The decoded sound of `hash`, or null when the browser cannot decode it or does not have it. */
export function soundOf(hash: AssetHash, assets: AssetStore): Promise<DecodedSound | null> {
  const known = decoded.get(hash);
  if (known) return known;
  const loading = (async (): Promise<DecodedSound | null> => {
    const blob = await assets.get(hash);
    if (!blob) {
      decoded.delete(hash);
      return null;
    }
    try {
      const buffer = await decodingContext().decodeAudioData(await blob.arrayBuffer());
      const channels = Array.from({ length: buffer.numberOfChannels }, (_, c) =>
        buffer.getChannelData(c),
      );
      const sound = { buffer, peaks: computePeaks(channels, buffer.sampleRate) };
      ready.set(hash, sound);
      return sound;
    } catch {
      return null;
    }
  })();
  decoded.set(hash, loading);
  return loading;
}

/** The sound of `hash` if it is decoded already, without waiting: for drawing while the rest loads. */
export function decodedSound(hash: string): DecodedSound | undefined {
  return ready.get(hash);
}
