import { describe, expect, test } from 'vitest';
import type { CallRow } from '../../store/aiTables';
import { localDay, percentile, summarise } from './usageStats';

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date(2026, 10, 21, 15, 0).getTime();

function call(
  at: number,
  providerId: string,
  outcome: string,
  latencyMs: number,
  costUsd = 0,
): CallRow {
  return {
    at,
    providerId,
    providerKind: 'openai',
    providerLabel: providerId.toUpperCase(),
    model: 'm',
    capability: 'image',
    latencyMs,
    outcome,
    message: outcome === 'ok' ? '' : 'failed',
    inputTokens: 0,
    outputTokens: 0,
    images: outcome === 'ok' ? 1 : 0,
    characters: 0,
    costUsd,
    batchId: null,
  };
}

describe('usage numbers', () => {
  test('percentiles by nearest rank', () => {
    expect(percentile([], 50)).toBe(0);
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(
      percentile(
        Array.from({ length: 100 }, (_, i) => i + 1),
        95,
      ),
    ).toBe(95);
  });

  test('calls, failures, latency and cost per provider and per day', () => {
    const rows = [
      call(NOW - 2 * DAY, 'a', 'server', 40),
      call(NOW - 2 * DAY, 'b', 'ok', 1000, 0.04),
      call(NOW - 1000, 'a', 'timeout', 2000),
      call(NOW - 900, 'b', 'ok', 3000, 0.04),
      call(NOW - 800, 'b', 'cancelled', 10),
    ];
    const summary = summarise(rows, NOW - 7 * DAY, NOW);
    expect(summary).toMatchObject({ calls: 5, failures: 2, p50Ms: 1000, p95Ms: 3000 });
    expect(summary.costUsd).toBeCloseTo(0.08);
    expect(summary.providers.map((p) => [p.label, p.calls, p.failures])).toEqual([
      ['B', 3, 0],
      ['A', 2, 2],
    ]);
    expect(summary.days).toHaveLength(8);
    expect(summary.days[0]?.day).toBe(localDay(NOW - 7 * DAY));
    expect(summary.days.at(-1)?.day).toBe(localDay(NOW));
    expect(summary.days.map((d) => d.calls)).toEqual([0, 0, 0, 0, 0, 2, 0, 3]);
    expect(summary.recentFailures.map((r) => r.outcome)).toEqual(['timeout', 'server']);
  });
});
