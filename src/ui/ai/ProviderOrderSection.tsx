import { orderedFor, type AiSettings } from '../../ai/settings/aiSettings';
import { ROUTE_CAPABILITIES, type RouteCapability } from '../../ai/providers/types';
import { adapterFor, providerName } from '../../ai/settings/providerConfig';
import { SKETCH_LABEL } from '../../ai/aiService';
import { showError } from '../app/toastStore';
import { ROUTE_LABELS } from './labels';
import { useAi } from './useAi';

/**
 * Per capability, the order providers are tried in. A call moves down the list when a provider
 * fails; frames always end with the offline sketch, so a shot never ends up without one.
 */
export function ProviderOrderSection({ settings }: { readonly settings: AiSettings }) {
  const ai = useAi();
  return (
    <div className="ai-order">
      {ROUTE_CAPABILITIES.map((capability) => {
        const able = orderedFor(settings.providers, settings.order[capability], (p) =>
          adapterFor(p).capabilities.has(capability),
        );
        if (able.length === 0 && capability !== 'image') return null;
        const move = (index: number, by: -1 | 1) => {
          const ids = able.map((p) => p.id);
          const [moved] = ids.splice(index, 1);
          if (moved === undefined) return;
          ids.splice(index + by, 0, moved);
          void ai
            .setOrder(capability, ids)
            .catch((e: unknown) => showError('Could not change the order', e));
        };
        return (
          <div key={capability}>
            <h4>{ROUTE_LABELS[capability as RouteCapability]}</h4>
            <ol className="ai-order-list">
              {able.map((p, i) => (
                <li key={p.id}>
                  <span>{providerName(p)}</span>
                  <button
                    type="button"
                    className="button quiet"
                    aria-label={`Move ${providerName(p)} up`}
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button quiet"
                    aria-label={`Move ${providerName(p)} down`}
                    disabled={i === able.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    ↓
                  </button>
                </li>
              ))}
              {capability === 'image' ? (
                <li className="muted">
                  <span>{SKETCH_LABEL} — always last, needs no key</span>
                </li>
              ) : null}
            </ol>
          </div>
        );
      })}
    </div>
  );
}
