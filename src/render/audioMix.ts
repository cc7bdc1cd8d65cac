import { MIX_CHANNELS, MIX_SAMPLE_RATE } from './audioPlan';
import { scheduleMix } from './mixSchedule';
import { playSchedule } from './playMix';
import type { AudioMixInput, MixedAudio } from './renderTypes';

const MILLISECONDS_PER_SECOND = 1000;

/** The part of OfflineAudioContext the mixer uses; tests and other environments can pass theirs. */
export type OfflineContextFactory = (
  channels: number,
  length: number,
  sampleRate: number,
) => OfflineAudioContext;

export function offlineAudioAvailable(): boolean {
  return typeof OfflineAudioContext !== 'undefined';
}

const defaultFactory: OfflineContextFactory = (channels, length, sampleRate) =>
  new OfflineAudioContext(channels, length, sampleRate);

/**
 * Mixes the plan into stereo PCM at MIX_SAMPLE_RATE, exactly `plan.durationMs` long. Runs where
 * OfflineAudioContext exists: on the page in Chromium (its workers have none), in a worker
 * elsewhere. A recording that is missing or will not decode is left out with a warning: one bad
 * file should cost its sound, not the whole render.
 */
export async function mixAudio(
  input: AudioMixInput,
  createContext: OfflineContextFactory = defaultFactory,
): Promise<{ mixed: MixedAudio; warnings: string[] }> {
  const { plan } = input;
  const length = Math.max(
    1,
    Math.round((plan.durationMs / MILLISECONDS_PER_SECOND) * MIX_SAMPLE_RATE),
  );
  const context = createContext(MIX_CHANNELS, length, MIX_SAMPLE_RATE);
  const warnings: string[] = [];
  const buffers = new Map<string, AudioBuffer>();
  for (const key of new Set(plan.sources.map((s) => s.key))) {
    const blob = input.sources[key];
    if (blob === undefined) {
      warnings.push(
        `A sound file (${key.slice(0, 8)}…) is missing from this browser; it was left out.`,
      );
      continue;
    }
    try {
      buffers.set(key, await context.decodeAudioData(await blob.arrayBuffer()));
    } catch {
      warnings.push(`A sound file (${key.slice(0, 8)}…) could not be decoded; it was left out.`);
    }
  }

  const lengths = new Map(
    [...buffers].map(([key, b]) => [key, b.duration * MILLISECONDS_PER_SECOND]),
  );
  playSchedule(context, context.destination, scheduleMix(plan, lengths, 0), buffers, 0);

  const rendered = await context.startRendering();
  const channels: Float32Array[] = [];
  for (let c = 0; c < MIX_CHANNELS; c++) {
    // Copies (not getChannelData views) so the buffers can be transferred to the worker.
    const data = new Float32Array(rendered.length);
    rendered.copyFromChannel(data, Math.min(c, rendered.numberOfChannels - 1));
    channels.push(data);
  }
  return { mixed: { sampleRate: MIX_SAMPLE_RATE, channels }, warnings };
}
