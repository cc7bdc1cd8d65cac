/** Peaks per second of sound a waveform is drawn from: enough for the timeline's deepest zoom. */
export const PEAKS_PER_SECOND = 100;

/**
 * A recording's waveform as the loudest absolute sample of each slice of 1/PEAKS_PER_SECOND s,
 * over all channels (0…1). Computed once per recording and kept, so drawing a lane at any zoom
 * reads a short array instead of the samples.
 */
export function computePeaks(
  channels: readonly Float32Array[],
  sampleRate: number,
  perSecond: number = PEAKS_PER_SECOND,
): Float32Array {
  const length = channels[0]?.length ?? 0;
  const slice = Math.max(1, Math.round(sampleRate / perSecond));
  const peaks = new Float32Array(Math.ceil(length / slice));
  for (const channel of channels) {
    for (let p = 0; p < peaks.length; p++) {
      let max = peaks[p] ?? 0;
      const end = Math.min(length, (p + 1) * slice);
      for (let i = p * slice; i < end; i++) {
        const v = Math.abs(channel[i] ?? 0);
        if (v > max) max = v;
      }
      peaks[p] = Math.min(1, max);
    }
  }
  return peaks;
}

/**
 * The peaks to draw `columns` columns of a span of the recording (`fromS` to `toS` seconds into
 * it, wrapping for a loop): the loudest peak under each column, 0 past its end.
 */
export function peaksForColumns(
  peaks: Float32Array,
  fromS: number,
  toS: number,
  columns: number,
  options: { readonly loop?: boolean; readonly perSecond?: number } = {},
): Float32Array {
  const perSecond = options.perSecond ?? PEAKS_PER_SECOND;
  const out = new Float32Array(Math.max(0, Math.floor(columns)));
  if (peaks.length === 0 || out.length === 0) return out;
  const step = ((toS - fromS) * perSecond) / out.length;
  for (let c = 0; c < out.length; c++) {
    const a = Math.floor(fromS * perSecond + c * step);
    const b = Math.max(a + 1, Math.floor(fromS * perSecond + (c + 1) * step));
    let max = 0;
    for (let i = a; i < b; i++) {
      const at = options.loop === true ? i % peaks.length : i;
      const v = at < peaks.length ? (peaks[at] ?? 0) : 0;
      if (v > max) max = v;
    }
    out[c] = max;
  }
  return out;
}
