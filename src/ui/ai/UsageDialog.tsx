import { useEffect, useMemo, useState } from 'react';
import type { CallRow } from '../../store/aiTables';
import { Dialog } from '../common/Dialog';
import { showError } from '../app/toastStore';
import { DayChart } from './DayChart';
import { formatUsd } from './labels';
import { useAi } from './useAi';
import { summarise } from './usageStats';
import { WebhookDeliveries } from './WebhookDeliveries';

const DAY_MS = 24 * 60 * 60 * 1000;
const PERIODS = [
  [7, 'Last 7 days'],
  [30, 'Last 30 days'],
  [90, 'Last 90 days'],
] as const;

function seconds(ms: number): string {
  if (ms === 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

/** Calls, failures, latency and estimated cost per provider and per day, from the local log. */
export function UsageDialog({ onClose }: { readonly onClose: () => void }) {
  const ai = useAi();
  const [days, setDays] = useState<number>(7);
  const [rows, setRows] = useState<CallRow[] | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [now] = useState(() => Date.now());
  const since = now - days * DAY_MS;
  useEffect(() => ai.log.watch(since, setRows), [ai, since]);
  const summary = useMemo(() => (rows ? summarise(rows, since, now) : null), [rows, since, now]);
  const maxCalls = Math.max(1, ...(summary?.providers.map((p) => p.calls) ?? []));
  const maxCost = Math.max(0, ...(summary?.providers.map((p) => p.costUsd) ?? []));

  return (
    <Dialog title="Usage" onClose={onClose}>
      <div className="ai-usage">
        <div className="ai-usage-head">
          <label className="field">
            <span>Period</span>
            <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
              {PERIODS.map(([n, label]) => (
                <option key={n} value={n}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <p className="muted">
            Every call to a provider, as this browser logged it. Costs are estimates from the price
            table in Settings.
          </p>
        </div>
        {!summary ? (
          <p className="muted">Loading…</p>
        ) : summary.calls === 0 ? (
          <p className="muted">No calls in this period.</p>
        ) : (
          <>
            <dl className="ai-tiles">
              <div>
                <dt>Calls</dt>
                <dd>{summary.calls}</dd>
              </div>
              <div>
                <dt>Failed</dt>
                <dd className={summary.failures > 0 ? 'bad' : ''}>{summary.failures}</dd>
              </div>
              <div>
                <dt>Latency p50</dt>
                <dd>{seconds(summary.p50Ms)}</dd>
              </div>
              <div>
                <dt>Latency p95</dt>
                <dd>{seconds(summary.p95Ms)}</dd>
              </div>
              <div>
                <dt>Estimated cost</dt>
                <dd>{formatUsd(summary.costUsd)}</dd>
              </div>
            </dl>
            <h3>By provider</h3>
            <table className="ai-table ai-usage-table">
              <thead>
                <tr>
                  <th scope="col">Provider</th>
                  <th scope="col">Calls</th>
                  <th scope="col">Failed</th>
                  <th scope="col">p50</th>
                  <th scope="col">p95</th>
                  <th scope="col">Est. cost</th>
                </tr>
              </thead>
              <tbody>
                {summary.providers.map((p) => (
                  <tr key={p.providerId}>
                    <th scope="row">{p.label}</th>
                    <td>
                      <span className="ai-bar" aria-hidden="true">
                        <span
                          className="ok"
                          style={{ width: `${((p.calls - p.failures) / maxCalls) * 100}%` }}
                        />
                        <span
                          className="failed"
                          style={{ width: `${(p.failures / maxCalls) * 100}%` }}
                        />
                      </span>
                      {p.calls}
                    </td>
                    <td className={p.failures > 0 ? 'bad' : ''}>{p.failures}</td>
                    <td>{seconds(p.p50Ms)}</td>
                    <td>{seconds(p.p95Ms)}</td>
                    <td>
                      <span className="ai-bar" aria-hidden="true">
                        <span
                          className="cost"
                          style={{ width: `${maxCost === 0 ? 0 : (p.costUsd / maxCost) * 100}%` }}
                        />
                      </span>
                      {formatUsd(p.costUsd)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h3>By day</h3>
            <DayChart
              days={summary.days}
              value={(d) => d.calls}
              failed={(d) => d.failures}
              format={(v) => `${v} calls`}
              label="Calls (failed in red)"
            />
            {summary.costUsd > 0 ? (
              <DayChart
                days={summary.days}
                value={(d) => d.costUsd}
                format={formatUsd}
                label="Estimated cost"
              />
            ) : (
              <p className="muted">No estimated cost in this period. Prices are set in Settings.</p>
            )}
            {summary.recentFailures.length > 0 ? (
              <>
                <h3>Recent failures</h3>
                <ul className="ai-failures">
                  {summary.recentFailures.map((r) => (
                    <li key={r.id ?? `${r.at}-${r.providerId}`}>
                      <span className="muted">{new Date(r.at).toLocaleString()}</span>{' '}
                      <strong>{r.providerLabel}</strong> · {r.outcome}
                      {r.message ? ` — ${r.message}` : ''}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        )}
        <WebhookDeliveries />
      </div>
      <div className="dialog-actions">
        {confirming ? (
          <>
            <span className="muted">Delete the whole log? This cannot be undone.</span>
            <button type="button" className="button quiet" onClick={() => setConfirming(false)}>
              Keep it
            </button>
            <button
              type="button"
              className="button danger"
              onClick={() => {
                setConfirming(false);
                void ai.log.clear().catch((e: unknown) => showError('Could not clear the log', e));
              }}
            >
              Delete log
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button quiet danger"
            disabled={!rows?.length}
            onClick={() => setConfirming(true)}
          >
            Clear log
          </button>
        )}
        <button type="button" className="button" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
