import { z } from 'zod';
import { ProviderError } from './errors';
import { joinUrl, jsonHeaders, parseShape, sendJson } from './http';
import type { AdapterOptions } from './options';
import type { ProviderAdapter } from './types';
import { anthropicVisionAnswer, anthropicVisionBody } from './vision';

/**
 * Anthropic Messages API: text, and text about pictures (vision). Browsers may call it directly only with the
 * `anthropic-dangerous-direct-browser-access` header; the key is the user's own, so that is the
 * intended use.
 */

export const ANTHROPIC_DEFAULTS = {
  baseUrl: 'https://api.anthropic.com',
  model: 'claude-haiku-4-5',
} as const;

const API_VERSION = '2023-06-01';

const messageShape = z.object({
  content: z.array(z.object({ type: z.string(), text: z.string().optional() })),
  usage: z.object({ input_tokens: z.number(), output_tokens: z.number() }).optional(),
});

const modelsShape = z.object({ data: z.array(z.object({ id: z.string() })) });

function headers(apiKey: string | null): Record<string, string> {
  return {
    ...(apiKey ? { 'x-api-key': apiKey } : {}),
    'anthropic-version': API_VERSION,
    'anthropic-dangerous-direct-browser-access': 'true',
  };
}

export function createAnthropicAdapter(options: AdapterOptions): ProviderAdapter {
  const model = options.model || ANTHROPIC_DEFAULTS.model;
  const url = (path: string) => joinUrl(options.baseUrl || ANTHROPIC_DEFAULTS.baseUrl, path);
  return {
    kind: 'anthropic',
    capabilities: new Set(['text', 'vision']),
    modelFor: () => model,

    async text(request, ctx) {
      const body: Record<string, unknown> = {
        model,
        max_tokens: request.maxOutputTokens,
        messages: [{ role: 'user', content: request.prompt }],
      };
      if (request.system) body.system = request.system;
      const json = await sendJson(
        {
          url: url('v1/messages'),
          method: 'POST',
          headers: jsonHeaders(headers(ctx.apiKey)),
          body: JSON.stringify(body),
        },
        ctx,
      );
      const answer = parseShape(messageShape, json, 'message');
      const text = answer.content
        .filter((part) => part.type === 'text')
        .map((part) => part.text ?? '')
        .join('');
      if (!text) throw new ProviderError('badResponse', 'The text answer is empty.');
      return {
        text,
        usage: {
          inputTokens: answer.usage?.input_tokens ?? 0,
          outputTokens: answer.usage?.output_tokens ?? 0,
          images: 0,
          characters: 0,
        },
      };
    },

    async vision(request, ctx) {
      const json = await sendJson(
        {
          url: url('v1/messages'),
          method: 'POST',
          headers: jsonHeaders(headers(ctx.apiKey)),
          body: JSON.stringify(anthropicVisionBody(model, request)),
        },
        ctx,
      );
      return anthropicVisionAnswer(json);
    },

    async testConnection(ctx) {
      const json = await sendJson({ url: url('v1/models'), headers: headers(ctx.apiKey) }, ctx);
      const models = parseShape(modelsShape, json, 'model list').data;
      return `Connected. ${models.length} models available to this key.`;
    },
  };
}
