import { aiTables, type AiDb } from '../store/aiTables';
import { AiSettingsStore } from '../store/aiSettings';
import type { AssetStore } from '../store/assets';
import { CallLog } from '../store/callLog';
import type { FramelineDb } from '../store/db';
import { GenerationQueueStore } from '../store/generationQueue';
import { controlsOf, KeyVault, type KeyVaultControls } from '../store/keyVault';
import { observe } from '../store/live';
import { providerInfo, type AdapterDeps } from './providers/catalog';
import { asProviderError, ERROR_ADVICE, ProviderError, scrub } from './providers/errors';
import {
  createSketchAdapter,
  SKETCH_PROVIDER_ID,
  type DrawSketch,
} from './providers/sketchProvider';
import {
  NO_USAGE,
  type ProviderAdapter,
  type RouteCapability,
  type Usage,
} from './providers/types';
import type { BackoffPolicy } from './router/backoff';
import { AiRouter, type RouterProvider } from './router/router';
import { loadAiSettings, orderedFor, SETTING_KEYS, type AiSettings } from './settings/aiSettings';
import { DEFAULT_PRICES, estimateCostUsd, priceFor, type PriceRow } from './settings/pricing';
import {
  adapterFor,
  configProblem,
  providerConfigSchema,
  providerName,
  type ProviderConfig,
} from './settings/providerConfig';

/** What to do with a provider's key when its settings are saved. */
export type KeyChange = { readonly set: string } | 'keep' | 'delete';

export interface TestResult {
  readonly ok: boolean;
  readonly message: string;
}

/** Who would answer a call first, and what it is estimated to cost there (before it is made). */
export interface CallEstimate {
  readonly providerLabel: string;
  readonly model: string;
  readonly costUsd: number;
}

export interface AiServiceDeps {
  readonly db: FramelineDb;
  readonly assets: AssetStore;
  readonly drawSketch: DrawSketch;
  readonly adapterDeps?: AdapterDeps;
  readonly backoff?: BackoffPolicy;
}

/** "Test connection" gives up after this long: it is meant to be a quick check. */
export const TEST_TIMEOUT_MS = 15_000;
/** The offline sketch takes tens of milliseconds; this only catches a stuck worker. */
const SKETCH_TIMEOUT_MS = 30_000;
export const SKETCH_LABEL = 'Offline sketch';

/**
 * Everything AI, put together once per app: key vault, settings, call log, frame queue and the
 * router over the user's providers. The UI talks to this; nothing here knows React.
 */
export class AiService {
  readonly db: AiDb;
  /** Lock, unlock, hints: what the settings need. Reading a key is not among them. */
  readonly vault: KeyVaultControls;
  /**
   * The vault itself, private to this class (a JS private field, not only a TypeScript one):
   * keys are decrypted here, per call, for the adapter that sends them, and kept nowhere.
   */
  readonly #keys: KeyVault;
  readonly log: CallLog;
  readonly settingsStore: AiSettingsStore;
  readonly queue: GenerationQueueStore;
  readonly router: AiRouter;
  readonly assets: AssetStore;
  private prices: readonly PriceRow[] = DEFAULT_PRICES;

  constructor(private readonly deps: AiServiceDeps) {
    this.db = aiTables(deps.db);
    this.#keys = new KeyVault(this.db);
    this.vault = controlsOf(this.#keys);
    this.log = new CallLog(this.db);
    this.settingsStore = new AiSettingsStore(this.db);
    this.queue = new GenerationQueueStore(this.db);
    this.assets = deps.assets;
    this.router = new AiRouter({
      chain: (capability) => this.chain(capability),
      keyFor: (id) => this.#keys.get(id),
      log: (row) => this.log.append(row),
      costOf: (kind, model, usage) => estimateCostUsd(priceFor(this.prices, kind, model), usage),
      ...(deps.backoff ? { backoff: deps.backoff } : {}),
    });
  }

  async settings(): Promise<AiSettings> {
    const settings = await loadAiSettings(this.settingsStore);
    this.prices = settings.prices;
    return settings;
  }

  watchSettings(onSettings: (settings: AiSettings) => void): () => void {
    return observe(() => this.settings(), onSettings);
  }

  /** Whether any provider can do `capability` (images always can: the offline sketch). */
  async canDo(capability: RouteCapability): Promise<boolean> {
    return (await this.chain(capability)).some((p) => p.adapter.kind !== 'sketch');
  }

  /** Whether any provider can finish a frame from a drawing (the sketch cannot). */
  async canDrawFrom(): Promise<boolean> {
    return (await this.chain('image')).some((p) => p.adapter.capabilities.has('imageFromDrawing'));
  }

  /** Whether any image provider can cut a picture's background out (Stability AI can). */
  async canRemoveBackground(): Promise<boolean> {
    return (await this.chain('image')).some((p) => p.adapter.capabilities.has('removeBackground'));
  }

  /** Whether a text provider's model can read pictures (checking a frame needs one). */
  async canSee(): Promise<boolean> {
    return (await this.chain('text')).some((p) => p.adapter.capabilities.has('vision'));
  }

  /**
   * The first text provider that would take a call of this size (one that reads pictures when
   * `vision`), and the price table's estimate for it; null when none is set up.
   */
  async estimateText(usage: Usage, vision = false): Promise<CallEstimate | null> {
    const provider = (await this.chain('text')).find(
      (p) => !vision || p.adapter.capabilities.has('vision'),
    );
    if (!provider) return null;
    const model = provider.adapter.modelFor('text');
    const price = priceFor(this.prices, provider.adapter.kind, model);
    return { providerLabel: provider.label, model, costUsd: estimateCostUsd(price, usage) };
  }

  /** The first image provider a frame would go to (not the offline sketch) and one frame's price. */
  async estimateImage(): Promise<CallEstimate | null> {
    const provider = (await this.chain('image')).find((p) => p.adapter.kind !== 'sketch');
    if (!provider) return null;
    const model = provider.adapter.modelFor('image');
    const price = priceFor(this.prices, provider.adapter.kind, model);
    return {
      providerLabel: provider.label,
      model,
      costUsd: estimateCostUsd(price, { ...NO_USAGE, images: 1 }),
    };
  }

  /** The providers that can animate a still, in the order they were added (the person picks). */
  async videoProviders(): Promise<RouterProvider[]> {
    const settings = await this.settings();
    return settings.providers
      .map((config) => ({ config, adapter: adapterFor(config, this.deps.adapterDeps) }))
      .filter(({ adapter }) => adapter.capabilities.has('imageToVideo') && adapter.video)
      .map(({ config, adapter }) => routerProviderOf(config, adapter));
  }

  /** What a clip of `seconds` is estimated to cost at this provider (the length it will make). */
  estimateVideoCostUsd(provider: RouterProvider, seconds: number): number {
    const jobs = provider.adapter.video;
    if (!jobs) return 0;
    const price = priceFor(
      this.prices,
      provider.adapter.kind,
      provider.adapter.modelFor('imageToVideo'),
    );
    return estimateCostUsd(price, { ...NO_USAGE, videoSeconds: jobs.secondsFor(seconds) });
  }

  async saveProvider(config: ProviderConfig, key: KeyChange): Promise<void> {
    const valid = providerConfigSchema.parse(config);
    const problem = configProblem(valid);
    if (problem) throw new Error(problem);
    // The key first: a provider never sits saved with a half-changed key.
    if (key === 'delete') await this.#keys.delete(valid.id);
    else if (key !== 'keep') await this.#keys.put(valid.id, key.set);
    const { providers } = await this.settings();
    const next = providers.some((p) => p.id === valid.id)
      ? providers.map((p) => (p.id === valid.id ? valid : p))
      : [...providers, valid];
    await this.settingsStore.set(SETTING_KEYS.providers, next);
    this.router.resetProvider(valid.id);
  }

  /** Removes the provider and its key. */
  async removeProvider(id: string): Promise<void> {
    const { providers, order } = await this.settings();
    await this.#keys.delete(id);
    await this.settingsStore.set(
      SETTING_KEYS.providers,
      providers.filter((p) => p.id !== id),
    );
    await this.settingsStore.set(SETTING_KEYS.order, {
      image: order.image.filter((x) => x !== id),
      text: order.text.filter((x) => x !== id),
      speech: order.speech.filter((x) => x !== id),
    });
    this.router.resetProvider(id);
  }

  async setOrder(capability: RouteCapability, ids: readonly string[]): Promise<void> {
    const { order } = await this.settings();
    await this.settingsStore.set(SETTING_KEYS.order, { ...order, [capability]: [...ids] });
  }

  async setPrices(rows: readonly PriceRow[]): Promise<void> {
    await this.settingsStore.set(SETTING_KEYS.prices, rows);
  }

  async setEnhancePrompts(on: boolean): Promise<void> {
    await this.settingsStore.set(SETTING_KEYS.enhancePrompts, on);
  }

  /**
   * A cheap real call with these settings and this key (typed, not yet saved, or the saved one
   * when `typedKey` is null), reported in plain words. Never logs the key or puts it in a message.
   */
  async testConnection(config: ProviderConfig, typedKey: string | null): Promise<TestResult> {
    const problem = configProblem(config);
    if (problem) return { ok: false, message: problem };
    let key: string | null = null;
    const controller = new AbortController();
    const timer = setTimeout(
      () =>
        controller.abort(
          new ProviderError('timeout', `No answer within ${TEST_TIMEOUT_MS / 1000} s.`),
        ),
      TEST_TIMEOUT_MS,
    );
    try {
      key = typedKey?.trim() || (await this.#keys.get(config.id));
      if (!key && providerInfo(config.kind)?.key === 'required')
        return { ok: false, message: 'Enter the API key first.' };
      const adapter = adapterFor(config, this.deps.adapterDeps);
      const message = await adapter.testConnection({ signal: controller.signal, apiKey: key });
      return { ok: true, message };
    } catch (error) {
      const failure = asProviderError(error);
      const detail = scrub(failure.message, [key, typedKey]);
      return { ok: false, message: `${ERROR_ADVICE[failure.kind]}${detail ? ` (${detail})` : ''}` };
    } finally {
      clearTimeout(timer);
    }
  }

  /** The providers a call for `capability` tries, in order; images end with the offline sketch. */
  async chain(capability: RouteCapability): Promise<RouterProvider[]> {
    const settings = await this.settings();
    const configured = settings.providers.map((config) => ({
      config,
      adapter: adapterFor(config, this.deps.adapterDeps),
    }));
    const able = orderedFor(
      configured.map((c) => ({ ...c, id: c.config.id })),
      settings.order[capability],
      (c) => c.adapter.capabilities.has(capability),
    );
    const chain: RouterProvider[] = able.map(({ config, adapter }) =>
      routerProviderOf(config, adapter),
    );
    if (capability === 'image') {
      chain.push({
        id: SKETCH_PROVIDER_ID,
        label: SKETCH_LABEL,
        adapter: createSketchAdapter(this.deps.drawSketch),
        timeoutMs: SKETCH_TIMEOUT_MS,
        maxConcurrent: 1,
        keyRequired: false,
      });
    }
    return chain;
  }
}

function routerProviderOf(config: ProviderConfig, adapter: ProviderAdapter): RouterProvider {
  return {
    id: config.id,
    label: providerName(config),
    adapter,
    timeoutMs: config.timeoutSeconds * 1000,
    maxConcurrent: config.maxConcurrent,
    keyRequired: providerInfo(config.kind)?.key === 'required',
  };
}
