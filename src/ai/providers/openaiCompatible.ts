import { z } from 'zod';
import { ProviderError } from './errors';
import { bearer, joinUrl, jsonHeaders, parseShape, sendJson } from './http';
import { firstImage } from './openai';
import type { AdapterOptions } from './options';
import { openAiImageSize } from './sizes';
import { eventJson, streamFailure, sendStreaming, type StreamReader, type StreamStep } from './sse';
import type { ProviderAdapter } from './types';

/**
 * Any server that speaks OpenAI's API at a base URL the user sets: OpenRouter, Together, Groq,
 * Mistral, LM Studio, Ollama. Text through chat completions (which all of them have); images
 * through images/generations (which some have). The key is optional: local servers need none.
 */

const chatShape = z.object({
  choices: z
    .array(z.object({ message: z.object({ content: z.string().nullable().optional() }) }))
    .min(1),
  usage: z
    .object({ prompt_tokens: z.number().optional(), completion_tokens: z.number().optional() })
    .nullable()
    .optional(),
});

const modelsShape = z.object({ data: z.array(z.object({ id: z.string() })) });

const chunkShape = z.object({
  choices: z
    .array(
      z.object({
        delta: z.object({ content: z.string().nullish() }).nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .nullish(),
  usage: chatShape.shape.usage,
  error: z.object({ message: z.string().optional(), code: z.unknown() }).optional(),
});

/**
 * Chat completions streaming: `choices[0].delta.content` pieces, a `finish_reason` on the last
 * piece, token counts in a chunk of their own where the server sends them, then `[DONE]`. The
 * answer is finished at a finish_reason or at `[DONE]`, whichever a server sends.
 * `stream_options.include_usage` is not asked for: some servers refuse unknown fields (Mistral
 * answers 422), and many send the counts anyway; without them the cost shows as 0.
 */
function chatReader(apiKey: string | null): StreamReader {
  return (event) => {
    if (event.data.trim() === '[DONE]') return [{ kind: 'done' }];
    const chunk = parseShape(chunkShape, eventJson(event, 'stream event'), 'stream event');
    if (chunk.error)
      return [
        {
          kind: 'error',
          error: streamFailure(chunk.error.message ?? '', String(chunk.error.code ?? ''), apiKey),
        },
      ];
    const choice = chunk.choices?.[0];
    const steps: StreamStep[] = [{ kind: 'text', delta: choice?.delta?.content ?? '' }];
    if (chunk.usage)
      steps.push({
        kind: 'usage',
        usage: {
          inputTokens: chunk.usage.prompt_tokens ?? 0,
          outputTokens: chunk.usage.completion_tokens ?? 0,
        },
      });
    if (choice?.finish_reason) steps.push({ kind: 'done' });
    return steps;
  };
}

export function createOpenAiCompatibleAdapter(options: AdapterOptions): ProviderAdapter {
  const model = options.model;
  const textModel = options.textModel || options.model;
  const url = (path: string) => joinUrl(options.baseUrl, path);
  return {
    kind: 'openaiCompatible',
    capabilities: new Set(['text', 'image']),
    modelFor: (capability) => (capability === 'text' ? textModel : model),

    async text(request, ctx) {
      const messages = [
        ...(request.system ? [{ role: 'system', content: request.system }] : []),
        { role: 'user', content: request.prompt },
      ];
      if (ctx.onText) {
        const streamed = await sendStreaming(
          {
            url: url('chat/completions'),
            method: 'POST',
            headers: jsonHeaders(bearer(ctx.apiKey)),
            body: JSON.stringify({
              model: textModel,
              messages,
              max_tokens: request.maxOutputTokens,
              stream: true,
            }),
          },
          ctx,
          chatReader(ctx.apiKey),
        );
        if (!streamed.text) throw new ProviderError('badResponse', 'The text answer is empty.');
        return streamed;
      }
      const json = await sendJson(
        {
          url: url('chat/completions'),
          method: 'POST',
          headers: jsonHeaders(bearer(ctx.apiKey)),
          body: JSON.stringify({ model: textModel, messages, max_tokens: request.maxOutputTokens }),
        },
        ctx,
      );
      const answer = parseShape(chatShape, json, 'chat answer');
      const text = answer.choices[0]?.message.content ?? '';
      if (!text) throw new ProviderError('badResponse', 'The text answer is empty.');
      return {
        text,
        usage: {
          inputTokens: answer.usage?.prompt_tokens ?? 0,
          outputTokens: answer.usage?.completion_tokens ?? 0,
          images: 0,
          characters: 0,
        },
      };
    },

    async image(request, ctx) {
      const json = await sendJson(
        {
          url: url('images/generations'),
          method: 'POST',
          headers: jsonHeaders(bearer(ctx.apiKey)),
          body: JSON.stringify({
            model,
            prompt: request.prompt,
            size: openAiImageSize(model, request.aspectRatio),
            n: 1,
            response_format: 'b64_json',
          }),
        },
        ctx,
      );
      return firstImage(json, ctx);
    },

    async testConnection(ctx) {
      const json = await sendJson({ url: url('models'), headers: bearer(ctx.apiKey) }, ctx);
      const models = parseShape(modelsShape, json, 'model list').data;
      const has = model && models.some((m) => m.id === model);
      return `Connected. ${models.length} models${model ? (has ? `, including ${model}` : `; ${model} is not among them`) : ''}.`;
    },
  };
}
