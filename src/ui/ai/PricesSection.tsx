import { useState } from 'react';
import type { AiSettings } from '../../ai/settings/aiSettings';
import { DEFAULT_PRICES, type PriceRow } from '../../ai/settings/pricing';
import { providerInfo } from '../../ai/providers/catalog';
import { showError } from '../app/toastStore';
import { useAi } from './useAi';

const COLUMNS = [
  ['perImageUsd', '$ per image'],
  ['inputPerMTokUsd', '$ per 1M input tokens'],
  ['outputPerMTokUsd', '$ per 1M output tokens'],
  ['perKCharsUsd', '$ per 1K characters spoken'],
  ['perVideoSecondUsd', '$ per second of video'],
] as const;

/**
 * The price table behind the cost estimates. Rows for the kinds of provider the user set up are
 * shown; a new model gets a row when its name is added.
 */
export function PricesSection({ settings }: { readonly settings: AiSettings }) {
  const ai = useAi();
  const [newModel, setNewModel] = useState('');
  const kinds = new Set<string>(settings.providers.map((p) => p.kind));
  const rows = settings.prices.filter((r) => kinds.has(r.kind));
  const save = (next: readonly PriceRow[]) =>
    void ai.setPrices(next).catch((e: unknown) => showError('Could not save prices', e));
  const update = (target: PriceRow, patch: Partial<PriceRow>) =>
    save(settings.prices.map((r) => (r === target ? { ...r, ...patch } : r)));
  const firstKind = settings.providers[0]?.kind;

  if (kinds.size === 0)
    return <p className="muted">Prices appear here for the providers you add.</p>;
  return (
    <div className="ai-prices">
      <p className="muted">Estimates from list prices; change them to match your plan.</p>
      <div className="ai-table-scroll">
        <table className="ai-table">
          <thead>
            <tr>
              <th scope="col">Provider</th>
              <th scope="col">Model</th>
              {COLUMNS.map(([key, label]) => (
                <th key={key} scope="col">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.kind}:${row.model}`}>
                <td>{providerInfo(row.kind)?.name.split(' (')[0] ?? row.kind}</td>
                <td>{row.model === '*' ? 'any other' : row.model}</td>
                {COLUMNS.map(([key, label]) => (
                  <td key={key}>
                    <input
                      type="number"
                      min={0}
                      step="any"
                      aria-label={`${label}, ${row.model === '*' ? providerInfo(row.kind)?.name : row.model}`}
                      value={row[key]}
                      onChange={(e) => {
                        const value = Number(e.target.value);
                        if (Number.isFinite(value) && value >= 0) update(row, { [key]: value });
                      }}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form
        className="ai-inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const model = newModel.trim();
          if (!model || !firstKind) return;
          save([
            ...settings.prices,
            {
              kind: firstKind,
              model,
              inputPerMTokUsd: 0,
              outputPerMTokUsd: 0,
              perImageUsd: 0,
              perKCharsUsd: 0,
              perVideoSecondUsd: 0,
            },
          ]);
          setNewModel('');
        }}
      >
        <label className="field">
          <span>
            Price another model of {firstKind ? providerInfo(firstKind)?.name.split(' (')[0] : ''}
          </span>
          <input
            value={newModel}
            placeholder="model name"
            onChange={(e) => setNewModel(e.target.value)}
          />
        </label>
        <button type="submit" className="button" disabled={!newModel.trim()}>
          Add price
        </button>
        <button type="button" className="button quiet" onClick={() => save(DEFAULT_PRICES)}>
          Reset to list prices
        </button>
      </form>
    </div>
  );
}
