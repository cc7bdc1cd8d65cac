import type { AiService } from '../../ai/aiService';
import { ROUTE_CAPABILITIES, type ModelTask } from '../../ai/providers/types';
import type { RouterProvider } from '../../ai/router/router';
import { estimateCostUsd, priceFor, type PriceRow } from '../../ai/settings/pricing';
import type { ProjectSnapshot } from '../../model/project';
import { AUTO, OFFLINE, type Pricer, type ProviderChoice } from '../pipeline/types';
import type { IdeaDeps } from './steps';

/**
 * The idea pipeline wired to the app: text through the AI router with the person's keys (a step
 * set to one provider asks only that one), streamed into the step as it is written, projects through the repository, and estimates from
 * the price table in Settings.
 */

/** The part of AiService the wizard uses (tests hand in AiService itself over a fresh db). */
export type IdeaAi = Pick<
  AiService,
  'chain' | 'settings' | 'router' | 'watchSettings' | 'videoProviders'
>;

export function ideaDepsFor(
  ai: IdeaAi,
  createProject: (snapshot: ProjectSnapshot) => Promise<string>,
  /** Tags the call log's rows, so a run's spending can be summed. */
  batchId: string | null = null,
): IdeaDeps {
  const writers = async () => (await ai.chain('text')).filter((p) => p.adapter.text);
  return {
    canWrite: async (choice) => {
      if (choice === OFFLINE) return false;
      const chain = await writers();
      return choice === AUTO ? chain.length > 0 : chain.some((p) => p.id === choice);
    },
    text: async (request, choice, ctx) => {
      // Streamed: the step shows the text as the model writes it. An answer cut off after part
      // of it arrived is not sent again behind the person's back (PartialAnswerError): the step
      // fails with what had arrived, and Retry asks again.
      const routed = await ai.router.text(request, {
        signal: ctx.signal,
        batchId,
        onText: ctx.onText,
        ...(choice === AUTO ? {} : { only: choice }),
      });
      ctx.onCost(routed.costUsd);
      return routed.result.text;
    },
    createProject,
  };
}

/** A provider a step can be set to, as the step's select offers it. */
export interface ProviderOption {
  readonly value: ProviderChoice;
  readonly label: string;
}

export interface IdeaPricing {
  readonly price: Pricer;
  /** Per capability: Auto, Offline, then each provider set up for it, in the person's order. */
  readonly options: ProviderOptions;
}

/** Per task (text, image, speech, image to video…): the providers a step may be set to. */
export type ProviderOptions = Readonly<Partial<Record<ModelTask, readonly ProviderOption[]>>>;

type Chains = Readonly<Partial<Record<ModelTask, readonly RouterProvider[]>>>;

/**
 * Prices a step's calls for a provider choice from the chains and price table read now. 'auto'
 * is priced at the first provider of the person's order; with none set up (and for 'offline')
 * the step runs on this device: no calls, nothing to pay. A model without a row in the price
 * table is counted as 0 and says so.
 */
export function pricerOf(chains: Chains, prices: readonly PriceRow[]): Pricer {
  return (plan, choice) => {
    const offline = { calls: 0, costUsd: 0, providerLabel: 'Offline (this device)' };
    if (choice === OFFLINE) return offline;
    const chain = chains[plan.capability] ?? [];
    const provider = choice === AUTO ? chain[0] : chain.find((p) => p.id === choice);
    if (!provider) {
      return choice === AUTO ? offline : { ...offline, providerLabel: 'Provider removed: offline' };
    }
    const model = provider.adapter.modelFor(plan.capability);
    const price = priceFor(prices, provider.adapter.kind, model);
    return {
      calls: plan.calls,
      costUsd: plan.calls * estimateCostUsd(price, plan.usage),
      providerLabel: price ? provider.label : `${provider.label} (no price set)`,
    };
  };
}

export async function loadIdeaPricing(ai: IdeaAi): Promise<IdeaPricing> {
  const { prices } = await ai.settings();
  const routes = await Promise.all(
    ROUTE_CAPABILITIES.map(async (c) => {
      const chain = (await ai.chain(c)).filter((p) => p.adapter.kind !== 'sketch');
      return [c, chain] as const;
    }),
  );
  const image = routes.find(([c]) => c === 'image')?.[1] ?? [];
  const entries: (readonly [ModelTask, RouterProvider[]])[] = [
    ...routes,
    ['removeBackground', image],
    ['imageToVideo', await ai.videoProviders()],
  ];
  const chains: Chains = Object.fromEntries(entries);
  const options = Object.fromEntries(
    entries.map(([c, chain]) => [
      c,
      [
        { value: AUTO, label: chain[0] ? `Auto (${chain[0].label} first)` : 'Auto (offline)' },
        { value: OFFLINE, label: 'Offline' },
        ...chain.map((p) => ({ value: p.id, label: p.label })),
      ],
    ]),
  ) as ProviderOptions;
  return { price: pricerOf(chains, prices), options };
}
