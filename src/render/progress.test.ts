import { describe, expect, test } from 'vitest';
import { createProgressReporter, PROGRESS_MIN_INTERVAL_MS } from './progress';
import type { RenderProgress } from './renderTypes';

describe('progress reporter', () => {
  test('reports at most every PROGRESS_MIN_INTERVAL_MS unless forced', () => {
    let clock = 1000;
    const seen: RenderProgress[] = [];
    const reporter = createProgressReporter(
      100,
      (p) => seen.push(p),
      () => clock,
    );
    reporter.report(0, true);
    clock += 10;
    reporter.report(5);
    clock += PROGRESS_MIN_INTERVAL_MS;
    reporter.report(10);
    clock += 1;
    reporter.report(100, true);
    expect(seen.map((p) => p.framesDone)).toEqual([0, 10, 100]);
  });

  test('the ETA extrapolates the time so far and is null before any frame is done', () => {
    let clock = 0;
    const seen: RenderProgress[] = [];
    const reporter = createProgressReporter(
      100,
      (p) => seen.push(p),
      () => clock,
    );
    reporter.report(0, true);
    clock = 2000;
    reporter.report(25);
    expect(seen[0]).toEqual({ framesDone: 0, framesTotal: 100, etaMs: null });
    expect(seen[1]).toEqual({ framesDone: 25, framesTotal: 100, etaMs: 6000 });
  });
});

describe('progress stages', () => {
  test('a stage change is reported at once and carried by later reports', () => {
    let clock = 0;
    const seen: RenderProgress[] = [];
    const reporter = createProgressReporter(
      10,
      (p) => seen.push(p),
      () => clock,
    );
    reporter.report(4, true);
    clock += 1;
    reporter.stage('finishing');
    clock += 1;
    reporter.stage('finishing');
    clock += PROGRESS_MIN_INTERVAL_MS;
    reporter.stage('finishing');
    expect(seen.map((p) => [p.framesDone, p.stage])).toEqual([
      [4, undefined],
      [4, 'finishing'],
      [4, 'finishing'],
    ]);
  });
});
