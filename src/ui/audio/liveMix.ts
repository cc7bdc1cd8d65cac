import type { AssetHash } from '../../model/ids';
import type { AudioMixPlan } from '../../render/audioPlan';
import { scheduleMix } from '../../render/mixSchedule';
import { playSchedule } from '../../render/playMix';
import type { AssetStore } from '../../store/assets';
import { soundOf } from './soundBank';

/** Scheduling this far ahead of "now" keeps the first samples from being asked for in the past. */
const LEAD_S = 0.04;
/** Stopping fades the mix out over this long (a cut to silence clicks). */
const STOP_FADE_S = 0.01;

let shared: AudioContext | null | undefined;

/** The page's one output context, made on first use; null where Web Audio is missing. */
function outputContext(): AudioContext | null {
  if (shared === undefined) {
    try {
      shared = new AudioContext({ latencyHint: 'interactive' });
    } catch {
      shared = null;
    }
  }
  return shared;
}

/**
 * The project's sound, live: the render's mix plan scheduled on an AudioContext from a playhead
 * (the same `scheduleMix` the render's OfflineAudioContext plays). Each `play` stops what the last
 * one started, so a seek or a pause never leaves a voice running. Recordings are decoded once
 * per hash (soundBank.ts).
 */
export class LiveMix {
  private bus: GainNode | null = null;
  private nodes: AudioBufferSourceNode[] = [];
  private token = 0;

  constructor(private readonly assets: AssetStore) {}

  /**
   * Plays `plan` from `fromMs` (for `forMs` only, when given: a scrub's snippet). Resolves the
   * context time `fromMs` is heard at — the clock the picture follows — or null when there is
   * no Web Audio or a later call replaced this one before its sounds were decoded.
   */
  async play(plan: AudioMixPlan | null, fromMs: number, forMs?: number): Promise<number | null> {
    const token = ++this.token;
    this.silence();
    const context = outputContext();
    if (!context) return null;
    // Asked for within the gesture that started playback, which is what lets it start.
    if (context.state !== 'running') void context.resume().catch(() => undefined);
    const buffers = new Map<string, AudioBuffer>();
    for (const key of new Set(plan?.sources.map((s) => s.key) ?? [])) {
      const sound = await soundOf(key as AssetHash, this.assets);
      if (sound) buffers.set(key, sound.buffer);
    }
    if (token !== this.token) return null;
    const lengths = new Map([...buffers].map(([key, b]) => [key, b.duration * 1000]));
    const origin = context.currentTime + LEAD_S;
    const bus = context.createGain();
    bus.connect(context.destination);
    const whole = plan ? scheduleMix(plan, lengths, fromMs) : [];
    const forS = forMs === undefined ? Infinity : forMs / 1000;
    const schedule = whole
      .filter((item) => item.startAtS < forS)
      .map((item) => ({ ...item, stopAtS: Math.min(item.stopAtS, forS) }));
    if (forMs !== undefined) {
      bus.gain.setValueAtTime(1, origin + Math.max(0, forS - STOP_FADE_S));
      bus.gain.linearRampToValueAtTime(0, origin + forS);
    }
    this.bus = bus;
    this.nodes = playSchedule(context, bus, schedule, buffers, origin);
    return origin;
  }

  /** Stops whatever plays, with a short fade. */
  stop(): void {
    this.token++;
    this.silence();
  }

  /** Whether the context's clock is running (a blocked or suspended context does not advance). */
  running(): boolean {
    return outputContext()?.state === 'running';
  }

  /** The context time of the sample reaching the speakers now: what the picture shows. */
  heardTime(): number {
    const context = outputContext();
    if (!context) return 0;
    return context.currentTime - (context.baseLatency || 0) - (context.outputLatency || 0);
  }

  private silence(): void {
    const context = outputContext();
    const { bus, nodes } = this;
    this.bus = null;
    this.nodes = [];
    if (!context || !bus) return;
    const now = context.currentTime;
    bus.gain.cancelScheduledValues(now);
    bus.gain.setValueAtTime(bus.gain.value, now);
    bus.gain.linearRampToValueAtTime(0, now + STOP_FADE_S);
    for (const node of nodes) {
      try {
        node.stop(now + STOP_FADE_S);
      } catch {
        // Already stopped: nothing to do.
      }
    }
    setTimeout(() => bus.disconnect(), 100);
  }
}
