import { z } from 'zod';
import { PROVIDER_KINDS, type ProviderKind, type Usage } from '../providers/types';

/**
 * The price table behind "estimated cost". Estimates only: providers change prices, and plans
 * differ (ElevenLabs' price per character depends on the subscription). The user edits the table
 * in Settings; these are list prices in US dollars as published in late 2025.
 */
export interface PriceRow {
  readonly kind: ProviderKind;
  /** A model name, or `*` for every model of that kind without its own row. */
  readonly model: string;
  readonly inputPerMTokUsd: number;
  readonly outputPerMTokUsd: number;
  readonly perImageUsd: number;
  readonly perKCharsUsd: number;
  /** Image to video, per second of clip (0 in tables saved before video existed). */
  readonly perVideoSecondUsd: number;
}

export const priceRowSchema = z.object({
  kind: z.enum(PROVIDER_KINDS),
  model: z.string().min(1),
  inputPerMTokUsd: z.number().min(0),
  outputPerMTokUsd: z.number().min(0),
  perImageUsd: z.number().min(0),
  perKCharsUsd: z.number().min(0),
  perVideoSecondUsd: z.number().min(0).default(0),
});

const row = (
  kind: ProviderKind,
  model: string,
  prices: Partial<Omit<PriceRow, 'kind' | 'model'>>,
): PriceRow => ({
  kind,
  model,
  inputPerMTokUsd: 0,
  outputPerMTokUsd: 0,
  perImageUsd: 0,
  perKCharsUsd: 0,
  perVideoSecondUsd: 0,
  ...prices,
});

export const DEFAULT_PRICES: readonly PriceRow[] = [
  // Medium quality at 1536×1024; high quality costs about four times as much.
  row('openai', 'gpt-image-1', { perImageUsd: 0.063 }),
  row('openai', 'gpt-image-1-mini', { perImageUsd: 0.015 }),
  row('openai', 'dall-e-3', { perImageUsd: 0.08 }),
  row('openai', 'dall-e-2', { perImageUsd: 0.02 }),
  row('openai', 'gpt-4.1-mini', { inputPerMTokUsd: 0.4, outputPerMTokUsd: 1.6 }),
  row('openai', 'gpt-4o-mini', { inputPerMTokUsd: 0.15, outputPerMTokUsd: 0.6 }),
  row('openai', 'gpt-4o-mini-tts', { perKCharsUsd: 0.015 }),
  row('anthropic', 'claude-haiku-4-5', { inputPerMTokUsd: 1, outputPerMTokUsd: 5 }),
  row('anthropic', 'claude-sonnet-4-5', { inputPerMTokUsd: 3, outputPerMTokUsd: 15 }),
  row('gemini', 'gemini-2.5-flash', { inputPerMTokUsd: 0.3, outputPerMTokUsd: 2.5 }),
  row('gemini', 'gemini-2.5-flash-image', { perImageUsd: 0.039 }),
  row('gemini', 'gemini-2.5-flash-preview-tts', { inputPerMTokUsd: 0.5, outputPerMTokUsd: 10 }),
  row('stability', 'core', { perImageUsd: 0.03 }),
  row('stability', 'ultra', { perImageUsd: 0.08 }),
  row('stability', 'sd3.5-large', { perImageUsd: 0.065 }),
  row('stability', 'sd3.5-medium', { perImageUsd: 0.035 }),
  // Remove Background: 2 credits at $0.01.
  row('stability', 'remove-background', { perImageUsd: 0.02 }),
  row('elevenlabs', '*', { perKCharsUsd: 0.22 }),
  // Image to video, per second of clip (Veo 3.1 Fast with sound; Kling 2.1 Standard).
  row('gemini', 'veo-3.1-fast-generate-preview', { perVideoSecondUsd: 0.15 }),
  row('gemini', 'veo-3.1-generate-preview', { perVideoSecondUsd: 0.4 }),
  row('fal', '*', { perVideoSecondUsd: 0.05 }),
  // Your own hardware, and services whose prices we cannot know: add a row for those you pay.
  row('openaiCompatible', '*', {}),
  row('comfyui', '*', {}),
  row('automatic1111', '*', {}),
  row('sketch', '*', {}),
];

/** The row for a model: its own, else its kind's `*` row, else none (cost unknown, counted as 0). */
export function priceFor(
  table: readonly PriceRow[],
  kind: ProviderKind,
  model: string,
): PriceRow | null {
  return (
    table.find((r) => r.kind === kind && r.model === model) ??
    table.find((r) => r.kind === kind && r.model === '*') ??
    null
  );
}

const PER_MILLION = 1_000_000;
const PER_THOUSAND = 1000;

export function estimateCostUsd(price: PriceRow | null, usage: Usage): number {
  if (!price) return 0;
  return (
    (usage.inputTokens * price.inputPerMTokUsd) / PER_MILLION +
    (usage.outputTokens * price.outputPerMTokUsd) / PER_MILLION +
    usage.images * price.perImageUsd +
    (usage.characters * price.perKCharsUsd) / PER_THOUSAND +
    (usage.videoSeconds ?? 0) * price.perVideoSecondUsd
  );
}
