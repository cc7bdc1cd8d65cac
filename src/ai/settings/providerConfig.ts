import { z } from 'zod';
import { providerInfo, type AdapterDeps } from '../providers/catalog';
import type { AdapterOptions } from '../providers/options';
import { PROVIDER_KINDS, type ProviderAdapter, type ProviderKind } from '../providers/types';

/**
 * A provider the user set up: kind, address, models and limits. Saved locally (AI settings);
 * the key is not here but in the vault, under the same id.
 */
export const CONFIGURABLE_KINDS = PROVIDER_KINDS.filter(
  (kind): kind is Exclude<ProviderKind, 'sketch'> => kind !== 'sketch',
);

export const MAX_TIMEOUT_SECONDS = 3600;
export const MAX_CONCURRENCY = 8;

export const providerConfigSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(CONFIGURABLE_KINDS),
  label: z.string(),
  baseUrl: z.string(),
  model: z.string(),
  textModel: z.string().default(''),
  voice: z.string().default(''),
  workflow: z.string().default(''),
  timeoutSeconds: z.number().min(1).max(MAX_TIMEOUT_SECONDS).default(120),
  maxConcurrent: z.number().int().min(1).max(MAX_CONCURRENCY).default(2),
});
export type ProviderConfig = z.infer<typeof providerConfigSchema>;

export function newProviderConfig(kind: ProviderConfig['kind']): ProviderConfig {
  const info = providerInfo(kind);
  return {
    id: crypto.randomUUID(),
    kind,
    label: '',
    baseUrl: info?.defaultBaseUrl ?? '',
    model: '',
    textModel: '',
    voice: '',
    workflow: '',
    timeoutSeconds: info?.defaultTimeoutSeconds ?? 120,
    maxConcurrent: info?.defaultConcurrency ?? 2,
  };
}

export function providerName(config: Pick<ProviderConfig, 'kind' | 'label'>): string {
  return config.label.trim() || (providerInfo(config.kind)?.name.split(' (')[0] ?? config.kind);
}

export function adapterFor(config: ProviderConfig, deps: AdapterDeps = {}): ProviderAdapter {
  const info = providerInfo(config.kind);
  if (!info) throw new Error(`Unknown provider kind ${config.kind}`);
  const options: AdapterOptions = {
    baseUrl: config.baseUrl.trim() || info.defaultBaseUrl,
    model: config.model.trim(),
    textModel: config.textModel.trim(),
    voice: config.voice.trim(),
    workflow: config.workflow,
  };
  return info.create(options, deps);
}

/** What is wrong with a provider's settings, in words, or null when it can be saved. */
export function configProblem(config: ProviderConfig): string | null {
  const url = config.baseUrl.trim();
  if (url) {
    try {
      const parsed = new URL(url);
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
        return 'The Base URL must start with https:// or http://.';
      if (parsed.username || parsed.password)
        return 'Put the key in the API key field, not in the Base URL.';
    } catch {
      return 'The Base URL is not a web address.';
    }
  }
  if (config.kind === 'openaiCompatible' && !url)
    return 'An OpenAI-compatible provider needs a Base URL.';
  if (config.kind === 'openaiCompatible' && !config.model.trim())
    return 'Enter the Model exactly as the service names it.';
  return null;
}
