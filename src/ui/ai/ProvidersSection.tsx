import { useState } from 'react';
import { NOT_CALLABLE_FROM_BROWSER, providerInfo } from '../../ai/providers/catalog';
import { adapterFor, providerName, type ProviderConfig } from '../../ai/settings/providerConfig';
import type { AiSettings } from '../../ai/settings/aiSettings';
import { maskedKey } from '../../store/keyVault';
import { showError } from '../app/toastStore';
import { CAPABILITY_LABELS } from './labels';
import { ProviderForm } from './ProviderForm';
import { useAi, useKeyHints } from './useAi';

/** The providers the user set up, each with its masked key and what it can do; add, edit, remove. */
export function ProvidersSection({ settings }: { readonly settings: AiSettings }) {
  const ai = useAi();
  const hints = useKeyHints();
  const [editing, setEditing] = useState<ProviderConfig | 'new' | null>(null);

  if (editing) {
    const config = editing === 'new' ? null : editing;
    return (
      <ProviderForm
        key={config?.id ?? 'new'}
        initial={config}
        keyHint={config ? (hints.get(config.id) ?? null) : null}
        onDone={() => setEditing(null)}
      />
    );
  }

  return (
    <>
      {settings.providers.length === 0 ? (
        <p className="muted">
          No providers yet. Frames are drawn by the offline sketch generator, which needs no key.
          Add a provider to generate frames with AI using your own account.
        </p>
      ) : (
        <ul className="ai-provider-list">
          {settings.providers.map((config) => {
            const name = providerName(config);
            const adapter = adapterFor(config);
            const hint = hints.get(config.id);
            const keyKind = providerInfo(config.kind)?.key;
            return (
              <li key={config.id} className="ai-provider">
                <div>
                  <strong>{name}</strong>
                  <span className="muted">
                    {' '}
                    · {providerInfo(config.kind)?.name.split(' (')[0]} · {adapter.modelFor('image')}
                  </span>
                  <div className="chips">
                    {[...adapter.capabilities].map((c) => (
                      <span key={c} className="ai-chip">
                        {CAPABILITY_LABELS[c]}
                      </span>
                    ))}
                    <span
                      className={`ai-chip ${hint === undefined && keyKind === 'required' ? 'warn' : ''}`}
                    >
                      {hint !== undefined
                        ? `key ${maskedKey(hint)}`
                        : keyKind === 'required'
                          ? 'no key'
                          : 'no key needed'}
                    </span>
                  </div>
                </div>
                <div className="ai-row-actions">
                  <button
                    type="button"
                    className="button quiet"
                    aria-label={`Edit ${name}`}
                    onClick={() => setEditing(config)}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    className="button quiet danger"
                    aria-label={`Remove ${name}`}
                    onClick={() =>
                      void ai
                        .removeProvider(config.id)
                        .catch((e: unknown) => showError('Could not remove the provider', e))
                    }
                  >
                    Remove
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <div>
        <button type="button" className="button" onClick={() => setEditing('new')}>
          Add provider
        </button>
      </div>
      <details className="ai-unsupported">
        <summary>Services a web page cannot call</summary>
        <ul>
          {NOT_CALLABLE_FROM_BROWSER.map((s) => (
            <li key={s.name}>
              <strong>{s.name}:</strong> {s.instead}
            </li>
          ))}
          <li>
            <strong>Servers on your own machine</strong> (Ollama, LM Studio, ComfyUI, AUTOMATIC1111)
            work once you allow this site in their CORS setting; the form says how for each.
          </li>
        </ul>
      </details>
    </>
  );
}
