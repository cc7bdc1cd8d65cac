import { z } from 'zod';
import { ProviderError } from './errors';
import { joinUrl, jsonHeaders, parseShape, sendForBytes, sendJson } from './http';
import { audioResult } from './media';
import type { AdapterOptions } from './options';
import type { ProviderAdapter } from './types';

/** ElevenLabs text to speech. */

export const ELEVENLABS_DEFAULTS = {
  baseUrl: 'https://api.elevenlabs.io',
  model: 'eleven_multilingual_v2',
  /** "Rachel", one of the voices every account has. */
  voice: '21m00Tcm4TlvDq8ikWAM',
} as const;

const userShape = z.object({
  subscription: z.object({ character_count: z.number(), character_limit: z.number() }),
});

function keyHeader(apiKey: string | null): Record<string, string> {
  return apiKey ? { 'xi-api-key': apiKey } : {};
}

export function createElevenLabsAdapter(options: AdapterOptions): ProviderAdapter {
  const model = options.model || ELEVENLABS_DEFAULTS.model;
  const url = (path: string) => joinUrl(options.baseUrl || ELEVENLABS_DEFAULTS.baseUrl, path);
  return {
    kind: 'elevenlabs',
    capabilities: new Set(['speech']),
    modelFor: () => model,

    async speech(request, ctx) {
      const voice = request.voice || options.voice || ELEVENLABS_DEFAULTS.voice;
      const { bytes, mimeType } = await sendForBytes(
        {
          url: url(`v1/text-to-speech/${encodeURIComponent(voice)}`),
          method: 'POST',
          headers: jsonHeaders(keyHeader(ctx.apiKey)),
          body: JSON.stringify({ text: request.text, model_id: model }),
        },
        ctx,
      );
      if (bytes.length === 0) throw new ProviderError('badResponse', 'The speech answer is empty.');
      const usage = { inputTokens: 0, outputTokens: 0, images: 0, characters: request.text.length };
      return { ...audioResult(bytes, mimeType), usage };
    },

    async testConnection(ctx) {
      const json = await sendJson({ url: url('v1/user'), headers: keyHeader(ctx.apiKey) }, ctx);
      const { character_count: used, character_limit: limit } = parseShape(
        userShape,
        json,
        'account',
      ).subscription;
      if (used >= limit)
        throw new ProviderError('quota', 'The key works, but this month’s characters are used up.');
      return `Connected. ${limit - used} of ${limit} characters left this month.`;
    },
  };
}
