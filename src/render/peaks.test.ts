import { describe, expect, test } from 'vitest';
import { computePeaks, peaksForColumns } from './peaks';

describe('waveform peaks', () => {
  test('each slice keeps its loudest sample over every channel', () => {
    // 400 samples at 400 Hz is one second: 100 slices of 4 samples.
    const left = new Float32Array(400);
    const right = new Float32Array(400);
    left[1] = -0.5;
    right[2] = 0.75;
    left[399] = 1.5; // clipped input never draws past full scale
    const peaks = computePeaks([left, right], 400);
    expect(peaks.length).toBe(100);
    expect(peaks[0]).toBe(0.75);
    expect(peaks[1]).toBe(0);
    expect(peaks[99]).toBe(1);
  });

  test('columns take the loudest peak under them; past the end is silence unless looped', () => {
    const peaks = new Float32Array([0.1, 0.9, 0.2, 0.3]); // 40 ms at 100 peaks/s
    expect([...peaksForColumns(peaks, 0, 0.04, 2)].map((v) => +v.toFixed(2))).toEqual([0.9, 0.3]);
    expect([...peaksForColumns(peaks, 0.02, 0.06, 2)].map((v) => +v.toFixed(2))).toEqual([0.3, 0]);
    expect(
      [...peaksForColumns(peaks, 0.02, 0.06, 2, { loop: true })].map((v) => +v.toFixed(2)),
    ).toEqual([0.3, 0.9]);
  });
});
