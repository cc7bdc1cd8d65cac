import { gainAt, gainEnvelope, type AudioMixPlan } from './audioPlan';

const MS_PER_S = 1000;

/**
 * One recording as a Web Audio graph plays it: when its node starts and stops, where in the
 * recording it starts, and its gain automation. Times are seconds from the moment the mix is
 * heard from (`fromMs` on the timeline), so the same schedule drives an OfflineAudioContext
 * (rendering from 0) and a live AudioContext (playing from the playhead).
 */
export interface ScheduledSource {
  readonly key: string;
  readonly startAtS: number;
  /** Seconds into the recording the node starts from (within one loop for a looped source). */
  readonly offsetS: number;
  readonly stopAtS: number;
  readonly loop: boolean;
  /** Gain automation: the first point is set at once, then linear ramps to each later one. */
  readonly gain: readonly { readonly atS: number; readonly gain: number }[];
}

/**
 * What to start, and how, to hear the plan from `fromMs` on. `lengthsMs` gives each recording's
 * real length (known once decoded); a source whose recording is unknown is left out, as is one
 * that is over by `fromMs`. Pure: the offline mix and the live preview both call it, which is
 * what keeps the preview's sound on the rendered file's.
 */
export function scheduleMix(
  plan: AudioMixPlan,
  lengthsMs: ReadonlyMap<string, number>,
  fromMs: number,
): ScheduledSource[] {
  const scheduled: ScheduledSource[] = [];
  for (const source of plan.sources) {
    const lengthMs = lengthsMs.get(source.key);
    if (lengthMs === undefined || lengthMs <= 0) continue;
    const envelope = gainEnvelope(source, lengthMs);
    const first = envelope[0];
    const last = envelope.at(-1);
    if (first === undefined || last === undefined || last.atMs <= fromMs) continue;
    const startMs = Math.max(fromMs, first.atMs);
    const intoMs = startMs - source.startMs;
    const later = envelope.filter((point) => point.atMs > startMs);
    const at = (ms: number) => (ms - fromMs) / MS_PER_S;
    scheduled.push({
      key: source.key,
      startAtS: at(startMs),
      offsetS: (source.loop === true ? intoMs % lengthMs : intoMs) / MS_PER_S,
      stopAtS: at(last.atMs),
      loop: source.loop === true,
      gain: [
        { atS: at(startMs), gain: gainAt(envelope, startMs) },
        ...later.map((point) => ({ atS: at(point.atMs), gain: point.gain })),
      ],
    });
  }
  return scheduled;
}
