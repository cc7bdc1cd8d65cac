import { z } from 'zod';
import { ProviderError } from './errors';
import { joinUrl, jsonHeaders, parseShape, sendJson } from './http';
import type { AdapterOptions } from './options';
import { eventJson, streamFailure, sendStreaming, type StreamReader } from './sse';
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

const streamUsageShape = z
  .object({ input_tokens: z.number().nullish(), output_tokens: z.number().nullish() })
  .nullish();
const streamEventShape = z.object({
  type: z.string(),
  message: z.object({ usage: streamUsageShape }).optional(),
  delta: z.object({ type: z.string().optional(), text: z.string().optional() }).optional(),
  usage: streamUsageShape,
  error: z.object({ type: z.string(), message: z.string() }).optional(),
});

const usageStep = (usage: z.infer<typeof streamUsageShape>) => ({
  kind: 'usage' as const,
  usage: {
    ...(typeof usage?.input_tokens === 'number' ? { inputTokens: usage.input_tokens } : {}),
    ...(typeof usage?.output_tokens === 'number' ? { outputTokens: usage.output_tokens } : {}),
  },
});

/**
 * Messages streaming: `message_start` has the input tokens, `content_block_delta` (text_delta)
 * the text, `message_delta` the output tokens so far, `message_stop` ends it; an `error` event
 * (overloaded, say) can come at any point.
 */
function messagesReader(apiKey: string | null): StreamReader {
  return (event) => {
    const data = parseShape(streamEventShape, eventJson(event, 'stream event'), 'stream event');
    switch (data.type) {
      case 'message_start':
        return [usageStep(data.message?.usage)];
      case 'content_block_delta':
        return data.delta?.type === 'text_delta'
          ? [{ kind: 'text', delta: data.delta.text ?? '' }]
          : [];
      case 'message_delta':
        return [usageStep(data.usage)];
      case 'message_stop':
        return [{ kind: 'done' }];
      case 'error':
        return [
          {
            kind: 'error',
            error: streamFailure(data.error?.message ?? '', data.error?.type ?? '', apiKey),
          },
        ];
      default:
        return [];
    }
  };
}

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
      if (ctx.onText) {
        body.stream = true;
        const streamed = await sendStreaming(
          {
            url: url('v1/messages'),
            method: 'POST',
            headers: jsonHeaders(headers(ctx.apiKey)),
            body: JSON.stringify(body),
          },
          ctx,
          messagesReader(ctx.apiKey),
        );
        if (!streamed.text) throw new ProviderError('badResponse', 'The text answer is empty.');
        return streamed;
      }
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
