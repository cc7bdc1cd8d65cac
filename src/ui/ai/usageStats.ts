import type { CallRow } from '../../store/aiTables';

/** Numbers for the Usage dashboard, computed from the local call log. Pure, so it is unit-tested. */

export interface ProviderUsage {
  readonly providerId: string;
  readonly label: string;
  readonly calls: number;
  readonly failures: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly costUsd: number;
  readonly images: number;
  readonly tokens: number;
}

export interface DayUsage {
  /** `2026-11-21`, in local time. */
  readonly day: string;
  readonly calls: number;
  readonly failures: number;
  readonly costUsd: number;
}

export interface UsageSummary {
  readonly calls: number;
  readonly failures: number;
  readonly costUsd: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly providers: readonly ProviderUsage[];
  readonly days: readonly DayUsage[];
  readonly recentFailures: readonly CallRow[];
}

const RECENT_FAILURES = 8;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Nearest-rank percentile of latencies (ms); 0 for none. Only answered calls are timed. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? 0;
}

export function localDay(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const isFailure = (row: CallRow) => row.outcome !== 'ok' && row.outcome !== 'cancelled';

/** Every day of the period, `sinceMs` to `now`, has a bar, including days with no calls. */
export function summarise(rows: readonly CallRow[], sinceMs: number, now: number): UsageSummary {
  const inRange = rows.filter((r) => r.at >= sinceMs);
  const okLatencies = (list: readonly CallRow[]) =>
    list.filter((r) => r.outcome === 'ok').map((r) => r.latencyMs);

  const byProvider = new Map<string, CallRow[]>();
  for (const row of inRange)
    byProvider.set(row.providerId, [...(byProvider.get(row.providerId) ?? []), row]);
  const providers = [...byProvider.entries()]
    .map(([providerId, list]): ProviderUsage => ({
      providerId,
      label: list.at(-1)?.providerLabel ?? providerId,
      calls: list.length,
      failures: list.filter(isFailure).length,
      p50Ms: percentile(okLatencies(list), 50),
      p95Ms: percentile(okLatencies(list), 95),
      costUsd: list.reduce((sum, r) => sum + r.costUsd, 0),
      images: list.reduce((sum, r) => sum + r.images, 0),
      tokens: list.reduce((sum, r) => sum + r.inputTokens + r.outputTokens, 0),
    }))
    .sort((a, b) => b.calls - a.calls);

  const days: DayUsage[] = [];
  for (let t = startOfDay(sinceMs); t <= now; t += DAY_MS) {
    const day = localDay(t);
    const list = inRange.filter((r) => localDay(r.at) === day);
    if (days.some((d) => d.day === day)) continue; // a daylight-saving day is 23 or 25 hours
    days.push({
      day,
      calls: list.length,
      failures: list.filter(isFailure).length,
      costUsd: list.reduce((sum, r) => sum + r.costUsd, 0),
    });
  }

  return {
    calls: inRange.length,
    failures: inRange.filter(isFailure).length,
    costUsd: inRange.reduce((sum, r) => sum + r.costUsd, 0),
    p50Ms: percentile(okLatencies(inRange), 50),
    p95Ms: percentile(okLatencies(inRange), 95),
    providers,
    days,
    recentFailures: inRange.filter(isFailure).slice(-RECENT_FAILURES).reverse(),
  };
}

function startOfDay(at: number): number {
  const d = new Date(at);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}
