import { z } from 'zod';
import { ProviderError } from './errors';
import { bearer, joinUrl, jsonHeaders, parseShape, sendForBytes, sendJson } from './http';
import { audioResult, base64ToBytes, blobOf, fetchImageUrl, imageResult } from './media';
import type { AdapterOptions } from './options';
import { openAiImageSize } from './sizes';
import { openAiVisionAnswer, openAiVisionBody } from './vision';
import { eventJson, streamFailure, sendStreaming, type StreamReader } from './sse';
import type {
  Capability,
  CallContext,
  DrawingRequest,
  ImageRequest,
  MediaResult,
  ProviderAdapter,
} from './types';

/** OpenAI: Responses API for text, image generations and edits (reference images), speech. */

export const OPENAI_DEFAULTS = {
  baseUrl: 'https://api.openai.com/v1',
  model: 'gpt-image-1',
  textModel: 'gpt-4.1-mini',
  speechModel: 'gpt-4o-mini-tts',
  voice: 'alloy',
} as const;

const responsesShape = z.object({
  output: z.array(
    z.object({
      type: z.string(),
      content: z.array(z.object({ type: z.string(), text: z.string().optional() })).optional(),
    }),
  ),
  usage: z.object({ input_tokens: z.number(), output_tokens: z.number() }).optional(),
});

export const imagesShape = z.object({
  data: z.array(z.object({ b64_json: z.string().optional(), url: z.string().optional() })).min(1),
});

const modelsShape = z.object({ data: z.array(z.object({ id: z.string() })) });

/** The Responses API's stream events this adapter reads; others (created, item added…) pass. */
const streamEventShape = z.object({
  type: z.string(),
  delta: z.string().optional(),
  message: z.string().optional(),
  code: z.string().nullable().optional(),
  response: z
    .object({
      usage: z.object({ input_tokens: z.number(), output_tokens: z.number() }).nullish(),
      error: z.object({ message: z.string(), code: z.string().nullish() }).nullish(),
    })
    .optional(),
});

/**
 * `response.output_text.delta` carries the text; `response.completed` (or `incomplete`, when
 * max_output_tokens was reached: the text so far is the answer, as without streaming) ends it
 * with the token counts; `response.failed` and `error` say it failed.
 */
function responsesReader(apiKey: string | null): StreamReader {
  return (event) => {
    const data = parseShape(streamEventShape, eventJson(event, 'stream event'), 'stream event');
    switch (data.type) {
      case 'response.output_text.delta':
        return [{ kind: 'text', delta: data.delta ?? '' }];
      case 'response.completed':
      case 'response.incomplete': {
        const usage = data.response?.usage;
        return [
          ...(usage
            ? [
                {
                  kind: 'usage' as const,
                  usage: { inputTokens: usage.input_tokens, outputTokens: usage.output_tokens },
                },
              ]
            : []),
          { kind: 'done' },
        ];
      }
      case 'response.failed': {
        const error = data.response?.error;
        return [
          { kind: 'error', error: streamFailure(error?.message ?? '', error?.code ?? '', apiKey) },
        ];
      }
      case 'error':
        return [
          { kind: 'error', error: streamFailure(data.message ?? '', data.code ?? '', apiKey) },
        ];
      default:
        return [];
    }
  };
}

/** gpt-image models take several reference images in one edit; dall-e models do not. */
function takesReferences(model: string): boolean {
  return model.startsWith('gpt-image');
}

/** The first image of an images answer as bytes; a URL answer is fetched before it expires. */
export async function firstImage(json: unknown, ctx: CallContext): Promise<MediaResult> {
  const first = parseShape(imagesShape, json, 'image answer').data[0];
  const usage = { inputTokens: 0, outputTokens: 0, images: 1, characters: 0 };
  if (first?.b64_json) return { ...imageResult(base64ToBytes(first.b64_json)), usage };
  if (first?.url) return { ...(await fetchImageUrl(first.url, ctx)), usage };
  throw new ProviderError('badResponse', 'The image answer holds no image.');
}

export function createOpenAiAdapter(options: AdapterOptions): ProviderAdapter {
  const model = options.model || OPENAI_DEFAULTS.model;
  const textModel = options.textModel || OPENAI_DEFAULTS.textModel;
  const url = (path: string) => joinUrl(options.baseUrl || OPENAI_DEFAULTS.baseUrl, path);
  const capabilities = new Set<Capability>(['text', 'image', 'speech', 'vision']);
  if (takesReferences(model)) {
    capabilities.add('imageWithReferences');
    capabilities.add('imageFromDrawing');
  }

  const generate = async (request: ImageRequest, ctx: CallContext) => {
    const body: Record<string, unknown> = {
      model,
      prompt: request.prompt,
      size: openAiImageSize(model, request.aspectRatio),
      n: 1,
    };
    // dall-e answers with an expiring URL unless asked for base64; gpt-image always sends base64
    // and refuses the parameter.
    if (model.startsWith('dall-e')) body.response_format = 'b64_json';
    const json = await sendJson(
      {
        url: url('images/generations'),
        method: 'POST',
        headers: jsonHeaders(bearer(ctx.apiKey)),
        body: JSON.stringify(body),
      },
      ctx,
    );
    return firstImage(json, ctx);
  };

  const edit = async (request: ImageRequest, ctx: CallContext) => {
    const form = new FormData();
    form.set('model', model);
    form.set('prompt', `${request.prompt}\n\n${request.referenceNote}`.trim());
    form.set('size', openAiImageSize(model, request.aspectRatio));
    form.set('n', '1');
    request.references.forEach((ref, i) => {
      form.append('image[]', blobOf(ref.bytes, ref.mimeType), `reference-${i + 1}.png`);
    });
    const json = await sendJson(
      { url: url('images/edits'), method: 'POST', headers: bearer(ctx.apiKey), body: form },
      ctx,
    );
    return firstImage(json, ctx);
  };

  /** Image edits: the drawing as `image`, the brushed region (transparent) as `mask`. */
  const fromDrawing = async (request: DrawingRequest, ctx: CallContext) => {
    const form = new FormData();
    form.set('model', model);
    form.set('prompt', request.prompt);
    form.set('size', openAiImageSize(model, request.aspectRatio));
    form.set('n', '1');
    form.set('image', blobOf(request.drawing.bytes, request.drawing.mimeType), 'drawing.png');
    if (request.mask) {
      const { bytes, mimeType } = request.mask.clearToChange;
      form.set('mask', blobOf(bytes, mimeType), 'mask.png');
    }
    const json = await sendJson(
      { url: url('images/edits'), method: 'POST', headers: bearer(ctx.apiKey), body: form },
      ctx,
    );
    return firstImage(json, ctx);
  };

  return {
    kind: 'openai',
    capabilities,
    modelFor: (capability) =>
      capability === 'text'
        ? textModel
        : capability === 'speech'
          ? OPENAI_DEFAULTS.speechModel
          : model,

    async text(request, ctx) {
      const body: Record<string, unknown> = {
        model: textModel,
        input: request.prompt,
        max_output_tokens: request.maxOutputTokens,
      };
      if (request.system) body.instructions = request.system;
      if (ctx.onText) {
        body.stream = true;
        const call = {
          url: url('responses'),
          method: 'POST' as const,
          headers: jsonHeaders(bearer(ctx.apiKey)),
          body: JSON.stringify(body),
        };
        const streamed = await sendStreaming(call, ctx, responsesReader(ctx.apiKey));
        if (!streamed.text) throw new ProviderError('badResponse', 'The text answer is empty.');
        return streamed;
      }
      const json = await sendJson(
        {
          url: url('responses'),
          method: 'POST',
          headers: jsonHeaders(bearer(ctx.apiKey)),
          body: JSON.stringify(body),
        },
        ctx,
      );
      const answer = parseShape(responsesShape, json, 'text answer');
      const text = answer.output
        .flatMap((item) => item.content ?? [])
        .filter((part) => part.type === 'output_text')
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
          url: url('responses'),
          method: 'POST',
          headers: jsonHeaders(bearer(ctx.apiKey)),
          body: JSON.stringify(openAiVisionBody(textModel, request)),
        },
        ctx,
      );
      return openAiVisionAnswer(json);
    },

    image(request, ctx) {
      return request.references.length > 0 && takesReferences(model)
        ? edit(request, ctx)
        : generate(request, ctx);
    },

    imageFromDrawing: fromDrawing,

    async speech(request, ctx) {
      const { bytes, mimeType } = await sendForBytes(
        {
          url: url('audio/speech'),
          method: 'POST',
          headers: jsonHeaders(bearer(ctx.apiKey)),
          body: JSON.stringify({
            model: OPENAI_DEFAULTS.speechModel,
            input: request.text,
            voice: request.voice || options.voice || OPENAI_DEFAULTS.voice,
            response_format: 'mp3',
          }),
        },
        ctx,
      );
      const usage = { inputTokens: 0, outputTokens: 0, images: 0, characters: request.text.length };
      return { ...audioResult(bytes, mimeType), usage };
    },

    async testConnection(ctx) {
      const json = await sendJson({ url: url('models'), headers: bearer(ctx.apiKey) }, ctx);
      const models = parseShape(modelsShape, json, 'model list').data;
      return `Connected. ${models.length} models available to this key.`;
    },
  };
}
