import { z } from 'zod';
import type { AiSettingsStore } from '../../store/aiSettings';
import { ROUTE_CAPABILITIES, type RouteCapability } from '../providers/types';
import { DEFAULT_PRICES, priceRowSchema, type PriceRow } from './pricing';
import { providerConfigSchema, type ProviderConfig } from './providerConfig';

/**
 * The user's AI settings, read from local storage and validated: a setting saved by another
 * version that does not validate is dropped in favour of the default, never half-used.
 */
export interface AiSettings {
  readonly providers: readonly ProviderConfig[];
  /** Provider ids per capability, most preferred first. Ids not listed follow, oldest first. */
  readonly order: Readonly<Record<RouteCapability, readonly string[]>>;
  readonly prices: readonly PriceRow[];
  /** Rewrite each frame prompt with the text provider before drawing. */
  readonly enhancePrompts: boolean;
}

export const SETTING_KEYS = {
  providers: 'providers',
  order: 'order',
  prices: 'prices',
  enhancePrompts: 'enhancePrompts',
} as const;

const orderSchema = z.object({
  image: z.array(z.string()).default([]),
  text: z.array(z.string()).default([]),
  speech: z.array(z.string()).default([]),
});

export const EMPTY_ORDER: AiSettings['order'] = { image: [], text: [], speech: [] };

export async function loadAiSettings(store: AiSettingsStore): Promise<AiSettings> {
  const [providers, order, prices, enhance] = await Promise.all([
    store.get(SETTING_KEYS.providers),
    store.get(SETTING_KEYS.order),
    store.get(SETTING_KEYS.prices),
    store.get(SETTING_KEYS.enhancePrompts),
  ]);
  const parsedProviders = z.array(z.unknown()).safeParse(providers);
  return {
    // One broken provider must not hide the others.
    providers: (parsedProviders.success ? parsedProviders.data : []).flatMap((raw) => {
      const parsed = providerConfigSchema.safeParse(raw);
      return parsed.success ? [parsed.data] : [];
    }),
    order: orderSchema.safeParse(order).data ?? EMPTY_ORDER,
    prices: z.array(priceRowSchema).safeParse(prices).data ?? DEFAULT_PRICES,
    enhancePrompts: enhance === true,
  };
}

/** The providers able to do `capability`, in the user's order. */
export function orderedFor<T extends { readonly id: string }>(
  items: readonly T[],
  order: readonly string[],
  can: (item: T) => boolean,
): T[] {
  const able = items.filter(can);
  const rank = (id: string) => {
    const at = order.indexOf(id);
    return at < 0 ? order.length + able.findIndex((p) => p.id === id) : at;
  };
  return [...able].sort((a, b) => rank(a.id) - rank(b.id));
}

export { ROUTE_CAPABILITIES };
