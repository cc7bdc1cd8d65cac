import { useId, useRef, useState } from 'react';
import type { KeyChange, TestResult } from '../../ai/aiService';
import { PROVIDER_CATALOG, providerInfo } from '../../ai/providers/catalog';
import { DEFAULT_COMFY_WORKFLOW, workflowProblem } from '../../ai/providers/comfyWorkflow';
import {
  configProblem,
  MAX_CONCURRENCY,
  MAX_TIMEOUT_SECONDS,
  newProviderConfig,
  type ProviderConfig,
} from '../../ai/settings/providerConfig';
import { maskedKey } from '../../store/keyVault';
import { useAi } from './useAi';
import { ConnectWarning } from '../common/ConnectWarning';

interface Props {
  /** The provider being edited, or null to add one. */
  readonly initial: ProviderConfig | null;
  /** The saved key's hint ('' for none saved), to show it masked. */
  readonly keyHint: string | null;
  readonly onDone: () => void;
}

const TEXT_ENGINE_KINDS = new Set(['openai', 'gemini', 'openaiCompatible']);
const VOICE_KINDS = new Set(['openai', 'gemini', 'elevenlabs']);

/**
 * Adds or edits one provider. The key is typed into a password field, tested and saved to the
 * vault; it is never shown again, only its last four characters.
 */
export function ProviderForm({ initial, keyHint, onDone }: Props) {
  const ai = useAi();
  const ids = useId();
  const [config, setConfig] = useState<ProviderConfig>(initial ?? newProviderConfig('openai'));
  // The typed key stays in its field (uncontrolled) and is read only to test or save: it never
  // sits in React state, where it would outlive the form in memory and in dev tools.
  const keyInput = useRef<HTMLInputElement | null>(null);
  const typedKey = () => keyInput.current?.value ?? '';
  const [forgetKey, setForgetKey] = useState(false);
  const [test, setTest] = useState<TestResult | 'running' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const info = providerInfo(config.kind);
  const set = (patch: Partial<ProviderConfig>) => {
    setConfig((c) => ({ ...c, ...patch }));
    setTest(null);
  };

  const changeKind = (kind: ProviderConfig['kind']) => {
    const fresh = newProviderConfig(kind);
    set({
      kind,
      baseUrl: fresh.baseUrl,
      model: '',
      textModel: '',
      voice: '',
      workflow: '',
      timeoutSeconds: fresh.timeoutSeconds,
      maxConcurrent: fresh.maxConcurrent,
    });
  };

  const runTest = async () => {
    setTest('running');
    setTest(await ai.testConnection(config, typedKey() || null));
  };

  const save = async () => {
    const problem =
      configProblem(config) ??
      (config.kind === 'comfyui' && config.workflow.trim()
        ? workflowProblem(config.workflow)
        : null);
    if (problem) {
      setError(problem);
      return;
    }
    const typed = typedKey();
    const key: KeyChange = typed.trim() ? { set: typed } : forgetKey ? 'delete' : 'keep';
    setSaving(true);
    try {
      await ai.saveProvider(config, key);
      if (keyInput.current) keyInput.current.value = '';
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  const field = (name: string) => `${ids}-${name}`;
  const saved = keyHint !== null;

  return (
    <form
      className="ai-form"
      aria-label={initial ? 'Edit provider' : 'New provider'}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="field-row">
        <label className="field">
          <span>Provider type</span>
          <select
            value={config.kind}
            disabled={initial !== null}
            onChange={(e) => changeKind(e.target.value as ProviderConfig['kind'])}
          >
            {PROVIDER_CATALOG.map((p) => (
              <option key={p.kind} value={p.kind}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Display name</span>
          <input
            value={config.label}
            placeholder={info?.name.split(' (')[0]}
            onChange={(e) => set({ label: e.target.value })}
          />
        </label>
      </div>
      <label className="field">
        <span>Base URL</span>
        <input
          type="url"
          value={config.baseUrl}
          placeholder={info?.defaultBaseUrl}
          spellCheck={false}
          onChange={(e) => set({ baseUrl: e.target.value })}
        />
      </label>
      <ConnectWarning urls={[config.baseUrl]} />
      {info?.key !== 'none' ? (
        <div className="ai-field-group">
          <label className="field">
            <span>API key{info?.key === 'optional' ? ' (if the service needs one)' : ''}</span>
            <input
              type="password"
              autoComplete="off"
              spellCheck={false}
              ref={keyInput}
              defaultValue=""
              placeholder={
                saved && !forgetKey
                  ? `Saved ${maskedKey(keyHint)} — type to replace`
                  : 'Paste your key'
              }
              aria-describedby={field('key-help')}
              onChange={() => setTest(null)}
            />
          </label>
          <small id={field('key-help')} className="muted field-help">
            Stored encrypted in this browser only, and sent to{' '}
            {safeHost(config.baseUrl || info?.defaultBaseUrl)} and nowhere else.
          </small>
          {saved ? (
            <label className="check">
              <input
                type="checkbox"
                checked={forgetKey}
                onChange={(e) => setForgetKey(e.target.checked)}
              />{' '}
              Forget the saved key
            </label>
          ) : null}
        </div>
      ) : null}
      <div className="ai-field-group">
        <label className="field">
          <span>Model</span>
          <input
            value={config.model}
            placeholder={info?.defaultModel || 'model name'}
            spellCheck={false}
            aria-describedby={field('model-help')}
            onChange={(e) => set({ model: e.target.value })}
          />
        </label>
        <small id={field('model-help')} className="muted field-help">
          {info?.modelHelp}
        </small>
      </div>
      {TEXT_ENGINE_KINDS.has(config.kind) || VOICE_KINDS.has(config.kind) ? (
        <div className="field-row">
          {TEXT_ENGINE_KINDS.has(config.kind) ? (
            <label className="field">
              <span>Text engine (optional)</span>
              <input
                value={config.textModel}
                spellCheck={false}
                placeholder="same as above / default"
                onChange={(e) => set({ textModel: e.target.value })}
              />
            </label>
          ) : null}
          {VOICE_KINDS.has(config.kind) ? (
            <label className="field">
              <span>Voice (optional)</span>
              <input
                value={config.voice}
                spellCheck={false}
                placeholder="default voice"
                onChange={(e) => set({ voice: e.target.value })}
              />
            </label>
          ) : null}
        </div>
      ) : null}
      {config.kind === 'comfyui' ? (
        <div className="ai-field-group">
          <label className="field">
            <span>Workflow (API format JSON, optional)</span>
            <textarea
              rows={5}
              spellCheck={false}
              className="mono"
              value={config.workflow}
              placeholder={DEFAULT_COMFY_WORKFLOW.slice(0, 120) + '…'}
              aria-describedby={field('workflow-help')}
              onChange={(e) => set({ workflow: e.target.value })}
            />
          </label>
          <small id={field('workflow-help')} className="muted field-help">
            Export with “Save (API)”. Placeholders:{' '}
            {
              '{{prompt}} {{negative_prompt}} {{seed}} {{width}} {{height}} {{model}} {{reference_image}}'
            }
            . Empty uses a plain SDXL workflow. A video workflow (Animate shot) takes the still as{' '}
            {'{{start_image}}'} and may use {'{{seconds}} {{frames}}'} (16 fps); it saves its clip
            with SaveVideo, SaveWEBM or VHS Video Combine, and draws no frames.
          </small>
        </div>
      ) : null}
      <details className="ai-limits">
        <summary>Limits</summary>
        <div className="field-row">
          <label className="field">
            <span>Timeout (seconds)</span>
            <input
              type="number"
              min={1}
              max={MAX_TIMEOUT_SECONDS}
              value={config.timeoutSeconds}
              onChange={(e) =>
                set({ timeoutSeconds: clamp(Number(e.target.value), 1, MAX_TIMEOUT_SECONDS) })
              }
            />
          </label>
          <label className="field">
            <span>Calls at once</span>
            <input
              type="number"
              min={1}
              max={MAX_CONCURRENCY}
              value={config.maxConcurrent}
              onChange={(e) =>
                set({
                  maxConcurrent: Math.round(clamp(Number(e.target.value), 1, MAX_CONCURRENCY)),
                })
              }
            />
          </label>
        </div>
      </details>
      {info?.corsNote ? <p className="ai-note">{info.corsNote}</p> : null}
      <p className="ai-test" role="status" aria-live="polite">
        {test === 'running' ? (
          'Testing…'
        ) : test ? (
          <span className={test.ok ? 'ok' : 'bad'}>{test.message}</span>
        ) : null}
      </p>
      {error ? (
        <p className="ai-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button quiet" onClick={onDone}>
          Cancel
        </button>
        <button
          type="button"
          className="button"
          disabled={test === 'running'}
          onClick={() => void runTest()}
        >
          Test connection
        </button>
        <button type="submit" className="button primary" disabled={saving}>
          Save provider
        </button>
      </div>
    </form>
  );
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;
}

function safeHost(url: string | undefined): string {
  try {
    return new URL(url ?? '').host || 'the provider';
  } catch {
    return 'the provider';
  }
}
