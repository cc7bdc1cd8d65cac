import { describe, expect, test } from 'vitest';
import { DEFAULT_PRICES, estimateCostUsd, priceFor } from './pricing';

describe('price table', () => {
  test('a model’s own row wins over its kind’s catch-all, and unknown kinds cost nothing', () => {
    expect(priceFor(DEFAULT_PRICES, 'openai', 'dall-e-3')?.perImageUsd).toBe(0.08);
    expect(priceFor(DEFAULT_PRICES, 'elevenlabs', 'eleven_v3')?.perKCharsUsd).toBe(0.22);
    expect(priceFor([], 'openai', 'gpt-image-1')).toBeNull();
    expect(
      estimateCostUsd(null, { inputTokens: 1e6, outputTokens: 0, images: 3, characters: 0 }),
    ).toBe(0);
  });

  test('tokens are priced per million, speech per thousand characters', () => {
    const claude = priceFor(DEFAULT_PRICES, 'anthropic', 'claude-sonnet-4-5');
    expect(
      estimateCostUsd(claude, { inputTokens: 2000, outputTokens: 1000, images: 0, characters: 0 }),
    ).toBeCloseTo(0.021);
    const voice = priceFor(DEFAULT_PRICES, 'elevenlabs', '*');
    expect(
      estimateCostUsd(voice, { inputTokens: 0, outputTokens: 0, images: 0, characters: 500 }),
    ).toBeCloseTo(0.11);
  });
});
